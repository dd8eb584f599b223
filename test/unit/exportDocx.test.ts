/**
 * The Word export, read back as Word's readers read it: mammoth turns the .docx into HTML
 * (headings by their Word styles) and text, and the package's XML shows the fields and the page.
 */
import * as assert from 'assert';
import { unzipSync, strFromU8 } from 'fflate';
import * as mammoth from 'mammoth';
import { renderDocx } from '../../server/src/export/docx';
import { ExportData } from '../../server/src/export/data';
import { DRAFT, edited, exportData, measurePath, NATIONAL, schema } from './exportFixtures';

interface ReadBack {
  html: string;
  text: string;
  xml: string;
  footer: string;
  styles: string;
}

async function readBack(data: ExportData): Promise<ReadBack> {
  const bytes = Buffer.from(await renderDocx(data));
  const html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  const text = (await mammoth.extractRawText({ buffer: bytes })).value;
  const files = unzipSync(new Uint8Array(bytes));
  return { html, text, xml: strFromU8(files['word/document.xml']), footer: strFromU8(files['word/footer1.xml']), styles: strFromU8(files['word/styles.xml']) };
}

function headings(html: string, level: number): string[] {
  const pattern = new RegExp(`<h${level}>(.*?)</h${level}>`, 'g');
  return [...html.matchAll(pattern)].map((match) => decode(match[1].replace(/<a [^>]*><\/a>/g, '')));
}

function decode(html: string): string {
  return html.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The text with every run of white space (thin spaces included) as one space. */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

describe('export: Word document', function () {
  this.timeout(60_000);
  let national: ReadBack;
  const data = exportData(NATIONAL, 'examples/national.strategy.yaml');

  before(async () => {
    national = await readBack(data);
  });

  it('has one chapter per part, one heading per section and per measure, and the annex, as Word headings', () => {
    assert.deepStrictEqual(headings(national.html, 1), [
      'Part II. Objectives of the strategy',
      'Part III. Developing the strategy',
      'Part IV. Implementing the strategy',
      'Annex. Coverage of the Recommendation OECD/LEGAL/0406',
    ]);
    const sections = schema.recommendations.map((recommendation) => `${recommendation.number}. ${recommendation.title}`);
    const annexParts = schema.parts.map((part) => `Part ${part.numeral}. ${part.title}`);
    assert.deepStrictEqual(headings(national.html, 2), [...sections, ...annexParts, 'Clauses that do not apply', 'Open findings']);
    // Word's navigation pane shows a paragraph style by its outline level.
    for (const level of [1, 2, 3]) {
      const style = new RegExp(`<w:style [^>]*w:styleId="Heading${level}"[^]*?</w:style>`).exec(national.styles)?.[0] ?? '';
      assert.match(style, new RegExp(`<w:outlineLvl w:val="${level - 1}"/>`), `Heading${level} has outline level ${level - 1}`);
    }
    const measureHeadings = headings(national.html, 3);
    assert.strictEqual(measureHeadings.length, 35);
    assert.ok(measureHeadings.includes('OPN-1  Accessibility standard for all public digital services'), measureHeadings.join('\n'));
  });

  it('shows every measure with its fields and its indicators', () => {
    const text = squash(national.text);
    for (const measure of data.measures) {
      assert.ok(text.includes(`${measure.id} ${measure.title}`), `${measure.id} is in the document`);
      if (measure.lead) assert.ok(text.includes(measure.lead));
      for (const indicator of measure.indicators) assert.ok(text.includes(indicator.name!), `indicator ${indicator.name}`);
    }
    // OPN-1, field by field, in the order of its table.
    assert.match(text, /Lead Agency for Digitisation Partners Disability Council of Examplia; Association of Examplian Municipalities Due 2027-06 Budget 4 500 000 EUR Business case Fewer assisted-channel contacts.* Stakeholders: service owners; municipalities; disability organisations\. Status in-progress Addresses 1\.i, 1\.iii Depends on GOV-1/);
    assert.match(text, /Indicator Baseline Target By Public services meeting the accessibility standard 42% 90% 2030/);
  });

  it('has a title page with the strategy block, the date and the dgs version', () => {
    const text = squash(national.text);
    assert.match(text, /^Digital Examplia 2030 – National Digital Government Strategy Republic of Examplia Government Republic of Examplia Level national Period 2026 to 2030 Status adopted Adopted on 2026-03-12 Lead Ministry of Digital Affairs Date of this document 2026-12-06 Made with dgs 9\.9\.9/);
  });

  it('quotes every clause of the Recommendation verbatim in the annex, beside the measures that address it', () => {
    const text = squash(national.text);
    const annex = text.slice(text.indexOf('Annex. Coverage'));
    for (const recommendation of schema.recommendations) {
      assert.ok(annex.includes(squash(recommendation.text)), `recommendation ${recommendation.number} verbatim`);
      for (const clause of recommendation.clauses) assert.ok(annex.includes(`${clause.ref} ${squash(clause.text)}`), `clause ${clause.ref} verbatim`);
    }
    assert.ok(annex.includes('10.ii ensuring the availability at any time of a comprehensive picture'), 'clause then its text');
    assert.match(annex, /1\.i adopting open and inclusive processes, [^]*?national digital government strategies; OPN-1, OPN-2 Addressed/);
    assert.match(annex, /Open findings dgs 9\.9\.9 reports no finding in this strategy\./);
  });

  it('is laid out for A4 portrait, with a table of contents field and page numbers', () => {
    assert.match(national.xml, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.match(national.xml, /<w:instrText xml:space="preserve">TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/);
    assert.match(national.footer, />PAGE</);
    assert.match(national.footer, />NUMPAGES</);
    assert.match(national.xml, /<w:tblLayout w:type="fixed"\/>/);
    // Every table is as wide as the text: 11906 less two margins of 1134.
    const widths = [...national.xml.matchAll(/<w:tblW w:type="dxa" w:w="(\d+)"\/>/g)].map((match) => Number(match[1]));
    assert.ok(widths.length > 40 && widths.every((width) => width === 9638), `table widths ${[...new Set(widths)].join(', ')}`);
  });

  it('lists the open findings and the clauses a strategy declares not applicable, with their reasons', async () => {
    const text = edited(DRAFT, [
      [[...measurePath(DRAFT, 'LEG-1'), 'status'], 'dropped'],
      [['implementation', 'legal-frameworks', 'not-applicable'], [{ clause: '12.ii', reason: 'Impact assessment of new laws is done by the region.', 'handled-by': 'Regional Digital Strategy' }]],
    ]);
    const draft = await readBack(exportData(text, 'draft.strategy.yaml'));
    const body = squash(draft.text);
    assert.match(body, /Clauses that do not apply Clause Reason Handled by 12\.ii Impact assessment of new laws is done by the region\. Regional Digital Strategy/);
    assert.match(body, /Clause 12\.ii does not apply: Impact assessment of new laws is done by the region\. Handled by: Regional Digital Strategy\./);
    assert.match(body, /Open findings dgs 9\.9\.9 reports \d+ findings in draft\.strategy\.yaml/);
    assert.match(body, /error unknown-clause Measure [A-Z]+-\d+ writes 1\.iv: clause 1\.iv does not exist in recommendation 1/);
    assert.match(body, /11\. Procurement of digital technologies The strategy has no section for this recommendation yet\./);
    assert.match(body, /Status dropped: it addresses no clause/);
    assert.match(body, /12\.ii including assessment of the implications of new legislations on governments' digital needs as part of the regulatory impact assessment process\. none Not applicable/);
  });
});
