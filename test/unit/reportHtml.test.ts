/**
 * The coverage report in HTML, read as text: one standalone page, the verbatim texts, the
 * structure assistive technology relies on, and nothing from the strategy turning into
 * markup. test/browser/report.test.ts renders it in Chromium and runs axe-core on it.
 */
import * as assert from 'assert';
import { analyze } from '../../server/src/core/analyze';
import { renderCoverageReport } from '../../server/src/report';
import { escapeHtml } from '../../server/src/report/html';
import { MAX_MEASURE_COLUMNS } from '../../server/src/report/matrix';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { HOSTILE, manyMeasures, SMALL } from './reportFixtures';
import { NATIONAL } from '../helpers/trustFixtures';

const schema = loadDefaultSchema();
const SECTIONS = schema.recommendations.map((recommendation) => ({
  part: recommendation.part.key,
  section: recommendation.section,
  prefix: recommendation.idPrefix,
  units: recommendation.units.map((unit) => unit.ref),
}));
const UNIT_REFS = schema.units.map((unit) => unit.ref);

function html(text: string, file = 'test.strategy.yaml'): string {
  return renderCoverageReport('html', analyze(text, schema), { file });
}

function decode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** The page's visible text: no style, no SVG, tags removed, entities decoded, spaces collapsed. */
function visibleText(page: string): string {
  const body = page.replace(/<style>[\s\S]*?<\/style>/g, ' ').replace(/<svg[\s\S]*?<\/svg>/g, ' ').replace(/<title>[\s\S]*?<\/title>/g, ' ');
  return decode(body.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
}

function attributes(page: string, name: string): string[] {
  return [...page.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((match) => match[1]);
}

/** The text between the element that carries `id` and its end, for simple, non-nested elements. */
function elementText(page: string, tag: string, id: string): string {
  const match = new RegExp(`<${tag}[^>]*\\sid="${id}"[^>]*>([\\s\\S]*?)</${tag}>`).exec(page);
  assert.ok(match, `<${tag} id="${id}">`);
  return decode(match[1]);
}

describe('coverage report in HTML', () => {
  const page = html(SMALL);
  const text = visibleText(page);

  it('quotes every clause, every recommendation with sub-clauses and every part lead-in verbatim', () => {
    for (const unit of schema.units) {
      assert.ok(page.includes(`<td class="clause">${escapeHtml(unit.text)}</td>`), `unit ${unit.ref} in its cell`);
      assert.ok(text.includes(unit.text), `unit ${unit.ref}`);
    }
    for (const recommendation of schema.recommendations) {
      assert.ok(text.includes(recommendation.text), `recommendation ${recommendation.number}`);
      assert.ok(text.includes(recommendation.title), `title of ${recommendation.number}`);
    }
    for (const part of schema.parts) assert.ok(text.includes(part.leadIn), `lead-in of ${part.key}`);
  });

  it('puts the measures, their leads, due dates and indicators beside the clause they address', () => {
    const row = /<tr class="complete"[^>]*><th scope="row">1\.i<\/th>[\s\S]*?<\/tr>/.exec(page);
    assert.ok(row);
    const rowText = visibleText(row[0]);
    for (const expected of ['OPN-1 Accessibility standard', 'Lead Agency for Digitisation', 'Due 2027-06', 'Services meeting the standard: from 42% to 90% by 2030', 'Addressed']) {
      assert.ok(rowText.includes(expected), `${expected} in ${rowText}`);
    }
    assert.match(page, /<tr class="partial"[^>]*><th scope="row">1\.ii<\/th>[\s\S]*?<dt>Indicators<\/dt><dd><span class="warn"><span aria-hidden="true">⚠<\/span> None<\/span>/);
    assert.match(page, /<tr class="partial"[^>]*><th scope="row">2\.i<\/th>[\s\S]*?<dt>Lead<\/dt><dd>TODO name the lead institution<\/dd>/);
    assert.match(page, /<tr class="none"[^>]*><th scope="row">2\.ii<\/th>[\s\S]*?No measure addresses this clause\./);
  });

  it('gives each recommendation its status, in words and not by colour alone', () => {
    for (const [number, status, glyph, words] of [
      [1, 'partial', '◐', 'Partly addressed'],
      [5, 'complete', '✔', 'Complete'],
      [9, 'none', '✖', 'Not addressed'],
    ] as const) {
      const heading = elementText(page, 'h3', `rec-${number}-heading`);
      assert.ok(heading.includes(`<span class="badge s-${status}">`), `class of ${number}: ${heading}`);
      assert.ok(visibleText(heading).endsWith(` ${glyph} ${words} `), `status of ${number}: ${heading}`);
    }
  });

  it('gives the budget totals overall, per part and per recommendation, with the share that has a business case, as the Markdown report does', () => {
    const national = visibleText(html(NATIONAL.text));
    const markdown = renderCoverageReport('markdown', analyze(NATIONAL.text, schema), { file: 'test.strategy.yaml' });
    // OPN-1: 25,000,000 DKK with a business case; CAP-1: 12,000,000 DKK without; SEC-1: 4,000,000 EUR with one.
    const expected = [
      'Budget overall: 37000000 DKK (68 % with a business case); 4000000 EUR (100 % with a business case).',
      'Budget of the part: 25000000 DKK (100 % with a business case); 4000000 EUR (100 % with a business case).',
      'Budget of the part: no budget.',
      'Budget of the part: 12000000 DKK (0 % with a business case).',
      'Budget: 25000000 DKK (100 % with a business case).',
      'Budget: 4000000 EUR (100 % with a business case).',
      'Budget: 12000000 DKK (0 % with a business case).',
    ];
    for (const line of expected) {
      assert.ok(national.includes(line), `HTML: ${line}`);
      assert.ok(markdown.replace(/\*/g, '').replace(/\n- Budget overall: ([^\n]*)/, '\nBudget overall: $1.').includes(line), `Markdown: ${line}`);
    }
    assert.strictEqual(national.split('Budget: ').length - 1, schema.recommendations.length, 'one budget line per recommendation');
  });

  it('shows each section\'s summary beside its recommendation', () => {
    const national = visibleText(html(NATIONAL.text));
    assert.ok(national.includes("The strategy's summary: Authorities can run, monitor and evaluate their digital projects."));
  });

  it('gives the overall figures and counts the open findings', () => {
    assert.ok(text.includes('6 of 26 clauses addressed (23 %)'));
    assert.ok(text.includes('4 of 26 clauses addressed by a measure with a lead and an indicator (15 %)'));
    const analysis = analyze(SMALL, schema);
    const warnings = analysis.findings.filter((finding) => finding.severity === 'warning').length;
    assert.ok(text.includes(`Warnings (${warnings})`));
    for (const finding of analysis.findings) assert.ok(text.includes(finding.message), finding.message);
  });

  it('is one standalone page: no script, no external resource, only links within the page', () => {
    assert.ok(page.startsWith('<!DOCTYPE html>\n<html lang="en">'));
    assert.ok(!/<script|<link|<img|<iframe|<object|@import|url\(/i.test(page));
    assert.deepStrictEqual(attributes(page, 'src'), []);
    for (const href of attributes(page, 'href')) assert.ok(href.startsWith('#'), `link ${href} stays in the page`);
    for (const href of attributes(page, 'href')) assert.ok(page.includes(` id="${href.slice(1)}"`), `link ${href} has a target`);
    assert.match(page, /<style>[\s\S]*@media print[\s\S]*<\/style>/);
  });

  it('has landmarks, one h1 and headings that never skip a level', () => {
    for (const landmark of ['<header', '<nav', '<main', '<footer']) assert.strictEqual(page.split(landmark).length - 1, 1, landmark);
    const levels = [...page.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
    assert.strictEqual(levels.filter((level) => level === 1).length, 1);
    assert.strictEqual(levels[0], 1);
    levels.reduce((previous, level) => {
      assert.ok(level <= previous + 1, `h${level} after h${previous}`);
      return level;
    });
  });

  it('has tables with captions and header cells with a scope, and unique ids', () => {
    const tables = page.split('<table').length - 1;
    assert.ok(tables >= 14);
    assert.strictEqual(page.split('<caption').length - 1, tables);
    assert.strictEqual((page.match(/<th[\s>]/g) ?? []).length, page.split('<th scope="').length - 1, 'every <th> has a scope');
    const ids = attributes(page, 'id');
    assert.deepStrictEqual(ids, [...new Set(ids)]);
  });

  it('draws the matrix as an image with a title and a description that say what it shows', () => {
    const svg = /<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" role="img" aria-labelledby="matrix-svg-title matrix-svg-desc"[\s\S]*?<\/svg>/.exec(page);
    assert.ok(svg, 'an SVG with role img');
    assert.strictEqual(elementText(svg[0], 'title', 'matrix-svg-title'), 'Coverage matrix: 26 clauses by 4 measures');
    const description = elementText(svg[0], 'desc', 'matrix-svg-desc');
    assert.ok(description.includes('1.i: addressed by OPN-1.'));
    assert.ok(description.includes('1.ii: addressed by OPN-2 (without lead or indicator).'));
    assert.ok(description.includes('2.ii: not addressed.'));
    for (const ref of UNIT_REFS) assert.ok(description.includes(` ${ref}: `), ref);
    // One mark per (unit, measure) pair that the strategy has: 1.i, 1.iii, 1.ii, 2.i, 5, 12.i.
    assert.strictEqual((svg[0].match(/<rect [^>]*(fill="#1f4e8c"|stroke="#b45309")/g) ?? []).length, 6);
  });

  it('draws one column per measure up to the limit, one per section beyond it', () => {
    const few = html(manyMeasures(MAX_MEASURE_COLUMNS, SECTIONS, UNIT_REFS));
    const many = html(manyMeasures(240, SECTIONS, UNIT_REFS));
    const width = (page: string): number => Number(/<svg xmlns[^>]* width="(\d+(?:\.\d+)?)"/.exec(page)![1]);
    assert.ok(few.includes(`>${SECTIONS[0].prefix}-1</text>`), 'measure ids label the columns');
    assert.ok(!many.includes(`>${SECTIONS[0].prefix}-1</text>`));
    assert.ok(visibleText(many).includes('The strategy has 240 measures, more than 60: each column is a section'));
    assert.ok(width(few) <= 1000 && width(many) <= 1000, `widths ${width(few)} and ${width(many)}`);
    assert.ok(visibleText(many).includes('240 measures, in the order of the file'));
  });
});

describe('HTML escaping', () => {
  const page = html(HOSTILE, 'strategies/<b>odd</b>.strategy.yaml');

  it('lets nothing from the strategy or its path become markup', () => {
    assert.ok(!/<script|<img|<style>body|<b>odd/i.test(page));
    assert.strictEqual(page.split('</table>').length, page.split('<table').length, 'tables stay balanced');
    assert.strictEqual(page.split('<style>').length - 1, 1);
  });

  it('shows the text as written', () => {
    const text = visibleText(page);
    assert.ok(/<h1>&#60;script&#62;window\.__pwned = 1&#60;\/script&#62; \| \*bold\* \[link\]\(http:\/\/example\.org\) &#38; &#38;amp; # end<\/h1>/.test(page));
    assert.ok(text.includes('"><img src=x onerror="window.__pwned = 2"> <!-- |'));
    assert.ok(text.includes('</td></tr></table><script>window.__pwned = 3</script>'));
    assert.ok(text.includes('strategies/<b>odd</b>.strategy.yaml'));
  });

  const cases: Array<[string, string]> = [
    ['<a href="x">', '&#60;a href=&#34;x&#34;&#62;'],
    ["it's & co", 'it&#39;s &#38; co'],
  ];
  for (const [input, expected] of cases) {
    it(`escapes ${JSON.stringify(input)}`, () => assert.strictEqual(escapeHtml(input), expected));
  }
});
