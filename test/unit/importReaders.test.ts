/** The document readers of `dgs import`: Markdown, plain text and Word (through mammoth's HTML) → the neutral block model. */
import * as assert from 'assert';
import { Block } from '../../server/src/import/blocks';
import { readDocx } from '../../server/src/import/docx';
import { readHtml } from '../../server/src/import/html';
import { readMarkdown } from '../../server/src/import/markdown';
import { readPlainText } from '../../server/src/import/plainText';
import { buildDocx } from '../import/docxFixture';

/** Blocks as short strings, to compare at a glance: `h2 Title`, `p Text`, `li0 1. Text`, `[lead]`. */
function shape(blocks: readonly Block[]): string[] {
  return blocks.map((block) => {
    const lead = block.kind !== 'heading' && block.lead ? ` [${block.lead}]` : '';
    if (block.kind === 'heading') return `h${block.level} ${block.text}`;
    if (block.kind === 'item') return `li${block.depth}${block.ordered ? ' #' : ''} ${block.text}${lead}`;
    return `p ${block.text}${lead}`;
  });
}

describe('import: Markdown reader', () => {
  it('ATX and underlined headings, paragraphs joined over lines', () => {
    assert.deepStrictEqual(shape(readMarkdown('Title\n=====\n\nSub\n---\n\n## 2. Data ##\nSome text\non two lines.\n')), ['h1 Title', 'h2 Sub', 'h2 2. Data', 'p Some text on two lines.']);
  });
  it('nested bulleted and numbered lists, continuation lines, bold leads, inline markup removed', () => {
    const text = '- **Open data.** Publish\n  datasets by 2027.\n  - Lead: Data Agency\n1. Second *list* with a [link](https://example.org)\n';
    assert.deepStrictEqual(shape(readMarkdown(text)), [
      'li0 Open data. Publish datasets by 2027. [Open data.]',
      'li1 Lead: Data Agency',
      'li0 # Second list with a link (https://example.org)',
    ]);
  });
  it('a table becomes one item per row with its header as labels', () => {
    const text = '| Measure | Lead | When |\n|---|---|---|\n| Data lake | Analytics Unit | 2027 |\n';
    assert.deepStrictEqual(shape(readMarkdown(text)), ['p Measure | Lead | When', 'li0 Data lake. Lead: Analytics Unit. When: 2027']);
  });
  it('a line starting with a label stands on its own', () => {
    assert.deepStrictEqual(shape(readMarkdown('The centre opens in every county.\nLead: Cyber Authority\nBudget: EUR 4 million\n')), [
      'p The centre opens in every county.',
      'p Lead: Cyber Authority',
      'p Budget: EUR 4 million',
    ]);
  });
  it('code blocks and quotes keep their words', () => {
    assert.deepStrictEqual(shape(readMarkdown('> Quoted words\n\n```\nkept code\n```\n')), ['p Quoted words', 'p kept code']);
  });
});

describe('import: plain text reader', () => {
  it('underlined, capitals, numbered and named headings', () => {
    const text = 'Summary\n=======\n\nPART ONE: AMBITIONS\n\n2.1 Nobody left behind\n\nAction 3 Open data\n\nThe text of the action.\n';
    assert.deepStrictEqual(shape(readPlainText(text)), ['h1 Summary', 'h1 PART ONE: AMBITIONS', 'h3 2.1 Nobody left behind', 'h4 Action 3 Open data', 'p The text of the action.']);
  });
  it('bullets with hanging lines, nested by indentation, and label lines apart', () => {
    const text = '• Digital assistance in every centre. Citizens get\n  help with self-service.\n  Responsible: Local Government.\n    - a nested point here\n• Plain language in letters.\n';
    assert.deepStrictEqual(shape(readPlainText(text)), [
      'li0 Digital assistance in every centre. Citizens get help with self-service.',
      'p Responsible: Local Government.',
      'li1 a nested point here',
      'li0 Plain language in letters.',
    ]);
  });
  it('a hard-wrapped paragraph is one paragraph; a short line over a longer one is a line of its own', () => {
    const prose = 'This paragraph is wrapped at a fixed width, as text editors do when they fill\nlines, so every line but the last runs close to the width of the text here.\n';
    const lines = [prose, prose, prose, 'Joint Digital Strategy 2024-2027\nA shared strategy of the central government and the municipalities\n'].join('\n');
    const blocks = shape(readPlainText(lines));
    assert.strictEqual(blocks[0].startsWith('p This paragraph') && blocks[0].endsWith('text here.'), true);
    assert.deepStrictEqual(blocks.slice(3), ['p Joint Digital Strategy 2024-2027', 'p A shared strategy of the central government and the municipalities']);
  });
  it('a sentence is not a heading', () => {
    assert.deepStrictEqual(shape(readPlainText('We will do this.\n')), ['p We will do this.']);
  });
});

describe('import: Word reader', () => {
  it("mammoth's HTML: headings, the title, nested lists, bold leads, tables, bold paragraphs as headings", () => {
    const html =
      '<h1 class="title">Digital 2030</h1><h1>Pillar</h1><p><strong>Lead in.</strong> Text &amp; more</p>' +
      '<ol><li><strong>First.</strong> one<ul><li>nested</li></ul></li><li>two</li></ol>' +
      '<table><tr><td><p>Action</p></td><td><p>Lead</p></td></tr><tr><td><p>Portal</p></td><td><p>Agency</p></td></tr></table>' +
      '<p><strong>A bold line</strong></p>';
    assert.deepStrictEqual(shape(readHtml(html)), [
      'h0 Digital 2030',
      'h1 Pillar',
      'p Lead in. Text & more [Lead in.]',
      'li0 # First. one [First.]',
      'li1 nested',
      'li0 # two',
      'p Action | Lead',
      'li0 Portal. Lead: Agency',
      'h2 A bold line',
    ]);
  });
  it('a Word document made with the docx library: heading styles, Word numbering and bold runs survive', async () => {
    const bytes = await buildDocx('title: Digital 2030\nh1: Openness\np: Why it matters.\nol: **Open data.** Publish data.\nol2: A sub-point\nul: A bullet point\n');
    const { blocks } = await readDocx(bytes);
    assert.deepStrictEqual(shape(blocks), ['h0 Digital 2030', 'h1 Openness', 'p Why it matters.', 'li0 # Open data. Publish data. [Open data.]', 'li1 # A sub-point', 'li0 A bullet point']);
  });
});
