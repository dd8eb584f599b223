/** `dgs import`: from blocks to sections and measures, titles, the title page, and the strategy file written. */
import * as assert from 'assert';
import { parse } from 'yaml';
import { analyze } from '../../server/src/core/analyze';
import { importBlocks } from '../../server/src/import';
import { SuggestClauses } from '../../server/src/import/assemble';
import { readMarkdown } from '../../server/src/import/markdown';
import { readStructure } from '../../server/src/import/structure';
import { guessStrategy } from '../../server/src/import/strategyBlock';
import { splitTitle } from '../../server/src/import/titles';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';

const schema = loadDefaultSchema();

/**
 * A stand-in for the clause mapper in these tests: it answers from a fixed table of words,
 * so that what is tested is how the importer uses suggestions, not the suggestions.
 */
function fixedSuggestions(table: Record<string, string[]>): SuggestClauses {
  return (input) => {
    const text = `${input.title} ${input.description ?? ''}`.toLowerCase();
    for (const [word, clauses] of Object.entries(table)) {
      if (text.includes(word)) return clauses.map((clause, index) => ({ clause, score: 1 - index * 0.1, evidence: [word] }));
    }
    return [];
  };
}

describe('import: titles', () => {
  it('the bold lead is the title, the rest the description', () => {
    assert.deepStrictEqual(splitTitle('Open data. The agency publishes.', 'Open data.'), { title: 'Open data', description: 'The agency publishes.' });
  });
  it("the document's own number is kept apart", () => {
    assert.deepStrictEqual(splitTitle('Action 2.3: Open data portal. It publishes, e.g. budgets.'), { ref: 'Action 2.3', title: 'Open data portal', description: 'It publishes, e.g. budgets.' });
  });
  it('the first sentence, not cut at an abbreviation or a decimal', () => {
    assert.deepStrictEqual(splitTitle('Move to cloud, i.e. the region\'s service worth EUR 2.5 million. Lead: IT.'), {
      title: "Move to cloud, i.e. the region's service worth EUR 2.5 million",
      description: 'Lead: IT.',
    });
  });
  it('the words before a colon or a dash', () => {
    assert.deepStrictEqual(splitTitle('Harbour App: one app for bins and parking'), { title: 'Harbour App', description: 'one app for bins and parking' });
    assert.deepStrictEqual(splitTitle('Digital helpers – volunteers help residents'), { title: 'Digital helpers', description: 'volunteers help residents' });
  });
});

describe('import: structure', () => {
  it('headings with lists are sections, list items measures, field lines belong to the measure above', () => {
    const structure = readStructure(
      readMarkdown('# Plan 2026–2030\n\n## Open services\n\nWhy.\n\n- **Portal.** One portal for all.\n  - Lead: Web Team\n- **Help points.** In libraries.\n\n## Foreword\n\nSome words.\n'),
    );
    assert.deepStrictEqual(
      structure.sections.map((section) => ({ path: section.path, summary: section.summary, measures: section.measures.map((measure) => [measure.title, measure.description, measure.fields.lead]) })),
      [{ path: ['Open services'], summary: ['Why.'], measures: [['Portal', 'One portal for all.\nLead: Web Team', 'Web Team'], ['Help points', 'In libraries.', undefined]] }],
    );
    assert.deepStrictEqual(structure.unplaced, [{ heading: 'Foreword', text: ['Some words.'] }]);
    assert.strictEqual(structure.strategy.title, 'Plan 2026–2030');
  });
  it('headings named as actions are measures, with everything under them as their description', () => {
    const structure = readStructure(readMarkdown('# Agenda 2027–2029\n\n## 2. Services\n\n### Action 2.1 – Web services\n\nRebuilt.\n\nLead: Office\n\nDeadline: June 2028\n'));
    const [section] = structure.sections;
    assert.deepStrictEqual(section.path, ['2. Services']);
    assert.deepStrictEqual(section.measures.map((measure) => [measure.ref, measure.title, measure.fields.lead, measure.fields.due]), [['Action 2.1', 'Web services', 'Office', '2028-06']]);
  });
  it('a table of contents is not a list of measures', () => {
    const structure = readStructure(readMarkdown('# Plan 2030\n\n## Contents\n\n1. Open data for everyone\n2. Secure systems we can trust\n\n## Open data for everyone\n\n- Publish all the datasets by 2027.\n\n## Secure systems we can trust\n\n- A security centre for all agencies.\n'));
    assert.deepStrictEqual(structure.sections.map((section) => section.path.join(' / ')), ['Open data for everyone', 'Secure systems we can trust']);
    assert.deepStrictEqual(structure.unplaced, [{ heading: 'Contents', text: ['1. Open data for everyone', '2. Secure systems we can trust'] }]);
  });
});

describe('import: the strategy block', () => {
  it('title, government, level, period, status, adoption date and lead from the title page', () => {
    assert.deepStrictEqual(
      guessStrategy(['Digital Examplia 2030', 'The Digital Government Strategy of the Republic of Examplia, 2026–2030', 'Adopted by the Council of Ministers on 12 March 2026', 'Ministry of Digital Affairs'], [], new Set(['Digital Examplia 2030'])),
      { title: 'Digital Examplia 2030', government: 'Republic of Examplia', level: 'national', period: { from: 2026, to: 2030 }, status: 'adopted', adoptedOn: '2026-03-12', lead: 'Ministry of Digital Affairs' },
    );
  });
  it('a city in capitals, a county council, a short period', () => {
    assert.strictEqual(guessStrategy(['CITY OF RIVERTON', 'Digital Plan 2025-28'], []).government, 'City of Riverton');
    assert.deepStrictEqual(guessStrategy(['CITY OF RIVERTON', 'Digital Plan 2025-28'], []).period, { from: 2025, to: 2028 });
    assert.strictEqual(guessStrategy(['Österby County Council', 'Digital Österby 2025–2028'], []).level, 'regional');
  });
  it('nothing stated, nothing guessed', () => {
    assert.deepStrictEqual(guessStrategy(['Some words'], []), {});
  });
});

describe('import: the strategy file', () => {
  const document = [
    '# Plan: "Digital #1", 2026–2030',
    '',
    'Republic of Examplia. Draft.',
    '',
    '## Open, inclusive services',
    '',
    '- **Portal #2: one login, for all.** Led by the Agency for Digitisation, by Q3 2027. Budget: EUR 2.5 million. Take-up rises from 40% to 90% by 2030.',
    '- **Help "in person".** Led by Libraries Network in cooperation with municipalities, volunteer groups and Red Cross.',
    '',
    '## Foreword',
    '',
    'Words that fit nowhere: kept.',
  ].join('\n');
  const suggest = fixedSuggestions({ inclusive: ['1.i'], portal: ['1.i', '1.iii'], help: ['1.iii'] });

  it('is valid YAML that reads back as written, titles with #, colons, commas and quotes included', () => {
    const { text } = importBlocks(readMarkdown(document), schema, { suggest, source: 'plan.md' });
    const data = parse(text);
    assert.strictEqual(data.strategy.title, 'Plan: "Digital #1", 2026–2030');
    const [portal, help] = data.objectives.openness.measures;
    assert.strictEqual(portal.title, 'Portal #2: one login, for all');
    assert.strictEqual(help.title, 'Help "in person"');
    assert.deepStrictEqual(portal.addresses, ['1.i', '1.iii']);
    assert.deepStrictEqual(portal.budget, { amount: 2500000, currency: 'EUR' });
    assert.strictEqual(portal.due, '2027-09');
    assert.deepStrictEqual(portal.indicators, [{ name: 'Take-up', baseline: '40%', target: '90%', by: 2030 }]);
    assert.deepStrictEqual(help.partners, ['municipalities', 'volunteer groups', 'Red Cross']);
    // The title page's other lines gave the guesses above; they are kept word for word too.
    assert.deepStrictEqual(data['x-unplaced'], [
      { heading: 'Title page', text: 'Republic of Examplia. Draft.' },
      { heading: 'Foreword', text: 'Words that fit nowhere: kept.' },
    ]);
  });

  it('marks every guessed line, and only those, with "  # imported: check"', () => {
    const { text } = importBlocks(readMarkdown(document), schema, { suggest, source: 'plan.md' });
    const marked = text.split('\n').filter((line) => line.includes('# imported: check'));
    for (const line of marked) assert.match(line, /\S {2}# imported: check$/, line);
    const keys = marked.map((line) => line.trim().replace(/^- /, '').split(':')[0]);
    assert.deepStrictEqual(keys, ['title', 'government', 'level', 'period', 'status', 'openness', 'addresses', 'lead', 'due', 'budget', '{ name', 'addresses', 'lead', 'partners']);
    assert.ok(!/^\s*(?:title|description|summary): .*# imported/m.test(text.split('\nobjectives:')[1]), "the drafter's own words are not marked");
  });

  it('starts with a summary of what was found and what was not', () => {
    const { text } = importBlocks(readMarkdown(document), schema, { suggest, source: 'plan.md' });
    const header = text.split('\n').filter((line) => line.startsWith('#'));
    assert.strictEqual(header[0], '# dgs-strategy');
    assert.ok(header.includes('# Found 2 measures in 1 section, with 2 leads, 1 due date, 1 budget, 1 indicator and 1 list of partners.'), header.join('\n'));
    assert.ok(header.includes('# Not found on the title page: lead.'), header.join('\n'));
    assert.ok(header.includes('# Could not be placed: 2 passages, kept word for word under x-unplaced at the end.'), header.join('\n'));
  });

  it('is read by dgs check: no syntax error, no unknown key; its findings are the to-do list', () => {
    const { text } = importBlocks(readMarkdown(document), schema, { suggest, source: 'plan.md' });
    const rules = new Set<string>(analyze(text, schema).findings.map((finding) => finding.rule));
    assert.ok(!rules.has('yaml-syntax') && !rules.has('unknown-key') && !rules.has('type-mismatch') && !rules.has('text-cut-by-comment') && !rules.has('text-split-by-comma'), [...rules].join(', '));
    assert.ok(rules.has('missing-section'), 'the sections the document lacks are listed');
  });

  it('without a mapper, sections stay unmatched, addresses empty, and every word is still kept', () => {
    const { text, imported } = importBlocks(readMarkdown(document), schema, { source: 'plan.md' });
    assert.deepStrictEqual(imported.sections, []);
    assert.match(text, /No clause mapper was available/);
    assert.ok(parse(text)['x-unplaced'].some((entry: { text?: string }) => entry.text?.includes('Portal #2: one login, for all')));
  });
});
