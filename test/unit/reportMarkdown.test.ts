/**
 * The coverage report in Markdown: a row for every coverage unit with its verbatim text and
 * the measures that address it, a status per recommendation, the figures and the findings,
 * and nothing a drafter writes turning into markup.
 */
import * as assert from 'assert';
import { analyze } from '../../server/src/core/analyze';
import { renderCoverageReport } from '../../server/src/report';
import { escapeMarkdown } from '../../server/src/report/markdown';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { HOSTILE, SMALL } from './reportFixtures';

const schema = loadDefaultSchema();

function markdown(text: string, file = 'test.strategy.yaml'): string {
  return renderCoverageReport('markdown', analyze(text, schema), { file });
}

/** The cells of a table row, split at unescaped pipes. */
function cells(row: string): string[] {
  return row
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

function unitRows(output: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of output.split('\n')) {
    const match = /^\| ([0-9]+(?:\.[ivx]+)?) \| /.exec(line);
    // The summary table's rows have five cells; a unit's row has four.
    if (match && schema.unitByRef.has(match[1]) && cells(line).length === 4) rows.set(match[1], cells(line));
  }
  return rows;
}

describe('coverage report in Markdown', () => {
  const output = markdown(SMALL);
  const rows = unitRows(output);

  it('has one row for every coverage unit, with its text verbatim', () => {
    assert.deepStrictEqual([...rows.keys()], schema.units.map((unit) => unit.ref));
    for (const unit of schema.units) {
      const row = rows.get(unit.ref)!;
      assert.strictEqual(row[1], unit.text, `unit ${unit.ref} is quoted verbatim`);
    }
  });

  const expectedRows: Array<[string, string, string]> = [
    [
      '1.i',
      '**OPN-1** Accessibility standard (lead: Agency for Digitisation; due: 2027-06; indicators: Services meeting the standard from 42% to 90% by 2030)',
      '✅ Addressed',
    ],
    ['1.ii', '**OPN-2** Transparency act update (lead: Ministry of Justice; due: —; indicators: ⚠ none)', '◐ Addressed, lacks a lead or an indicator<br>Weak: the measures have no indicator with a target.'],
    ['2.ii', '—', '❌ Not addressed'],
    [
      '5',
      "**LDR-1** Digital council (lead: Prime Minister's Office; due: —; indicators: Council meetings to 4 a year; status: in-progress)",
      '✅ Addressed',
    ],
    ['12.ii', '—', '❌ Not addressed'],
  ];
  for (const [ref, measures, status] of expectedRows) {
    it(`puts the measures, their leads, due dates and indicators beside ${ref}`, () => {
      assert.deepStrictEqual(rows.get(ref)!.slice(2), [measures, status]);
    });
  }

  it('separates several measures of one unit', () => {
    const output = markdown(SMALL.replace('addresses: [1.ii]', 'addresses: [1.ii, 1.i]'));
    const row = unitRows(output).get('1.i')!;
    assert.match(row[2], /^\*\*OPN-1\*\* .*<br>\*\*OPN-2\*\* Transparency act update/);
  });

  it('gives each recommendation a heading with its status, and quotes its text and its part lead-in', () => {
    for (const [number, status] of [
      [1, '◐ Partly addressed'],
      [5, '✅ Complete'],
      [9, '❌ Not addressed'],
    ] as const) {
      const recommendation = schema.recommendationByNumber.get(number)!;
      assert.ok(output.includes(`\n### ${number}. ${recommendation.title}: ${status}\n`), `heading of ${number}`);
    }
    for (const recommendation of schema.recommendations.filter((candidate) => candidate.clauses.length > 0)) {
      assert.ok(output.includes(`\n> ${recommendation.text}\n`), `text of recommendation ${recommendation.number}`);
    }
    for (const part of schema.parts) assert.ok(output.includes(`\n> ${part.leadIn}\n`), `lead-in of part ${part.key}`);
    assert.ok(output.includes('*The strategy has no section `business-cases`.*'));
  });

  it('gives the overall figures and the summary table', () => {
    assert.ok(output.includes('- **6 of 26** clauses addressed (23 %)'));
    assert.ok(output.includes('- **4 of 26** clauses addressed by a measure with a lead and an indicator (15 %)'));
    assert.ok(output.includes('- Recommendations: 1 complete, 3 partly addressed, 8 not addressed, of 12'));
    assert.ok(output.includes('| 1 | Transparency, openness and inclusiveness | 3 of 3 | 2 of 3 | ◐ Partly addressed |'));
  });

  it('lists the open findings by severity, with the file and 1-based positions', () => {
    const analysis = analyze(SMALL, schema);
    const findings = output.slice(output.indexOf('## Open findings'));
    for (const finding of analysis.findings) {
      const position = analysis.model.lines.positionAt(finding.span.start);
      assert.ok(findings.includes(`- \`test.strategy.yaml:${position.line + 1}:${position.character + 1}\` **${finding.rule}**: `), `${finding.rule} at ${position.line + 1}`);
    }
    const headings = findings.split('\n').filter((line) => line.startsWith('### '));
    assert.deepStrictEqual(
      headings.map((line) => line.replace(/ \(\d+\)$/, '')),
      ['### Errors', '### Warnings', '### Information'].filter((heading) => {
        const severity = { '### Errors': 'error', '### Warnings': 'warning', '### Information': 'info' }[heading];
        return analysis.findings.some((finding) => finding.severity === severity);
      }),
    );
  });

  it('says so when nothing is open', () => {
    const output = markdown('# dgs-strategy\n# dgs-disable missing-field, missing-section\n');
    assert.ok(output.includes('## Open findings\n\nNone.\n'));
  });
});

describe('Markdown escaping', () => {
  const cases: Array<[string, string]> = [
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['a | b', 'a \\| b'],
    ['*bold* _it_ `code` [x](y) # ~', '\\*bold\\* \\_it\\_ \\`code\\` \\[x\\](y) \\# \\~'],
    ['&amp; & &#60;', '\\&amp; & \\&\\#60;'],
    ['line one\n  line two', 'line one line two'],
    ['back\\slash', 'back\\\\slash'],
  ];
  for (const [input, expected] of cases) {
    it(`escapes ${JSON.stringify(input)}`, () => assert.strictEqual(escapeMarkdown(input), expected));
  }

  it('keeps the strategy\'s own text from turning into markup or breaking a table row', () => {
    const output = markdown(HOSTILE);
    assert.ok(!/<script|<img|<style|<\/td>/i.test(output.replace(/\\</g, '')), 'no raw HTML');
    assert.ok(output.startsWith('# Coverage report: \\<script\\>window.\\_\\_pwned = 1\\</script\\> \\| \\*bold\\* \\[link\\](http://example.org) & \\&amp; \\# end\n'));
    const row = unitRows(output).get('1.i')!;
    assert.strictEqual(row.length, 4, 'the pipe in the title does not add a cell');
    assert.ok(row[2].startsWith('**OPN-1** "\\>\\<img src=x onerror="window.\\_\\_pwned = 2"\\> \\<!-- \\| (lead: \\</td\\>'));
  });
});
