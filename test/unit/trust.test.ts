/**
 * Coverage a reviewer can trust (spec §7): on a city's draft with the gaps real drafts have,
 * every output gives each clause the same status: the core, `dgs check --format json`'s
 * lists, the summary the language server answers, the coverage view and the report.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildCoverageView } from '../../client/src/coverageModel';
import { analyze } from '../../server/src/core/analyze';
import { checkReport } from '../../server/src/cli/format/json';
import { coverageAnswer } from '../../server/src/features/coverageRequest';
import { coverageSummary } from '../../server/src/features/coverageSummary';
import { CoverageAnswer } from '../../server/src/protocol';
import { buildReportData } from '../../server/src/report/data';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { REPO_ROOT } from '../helpers/paths';

const schema = loadDefaultSchema();
const CITY = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'trust', 'city.strategy.yaml'), 'utf8');

/** The documented status of each clause of the city's draft. */
const EXPECTED: Record<string, string> = {
  '1.i': 'addressed',
  '1.iii': 'addressed',
  // OPN-2 is dropped: it addresses nothing.
  '1.ii': 'missing',
  // ENG-1's title is still a placeholder.
  '2.i': 'missing',
  '2.ii': 'missing',
  // DAT-1 has no lead.
  '3.i': 'weak',
  '3.ii': 'weak',
  '4': 'addressed',
  '12.i': 'addressed',
  '12.ii': 'not-applicable',
};

describe('coverage a reviewer can trust: a city draft', () => {
  const analysis = analyze(CITY, schema);
  const expected = (ref: string): string => EXPECTED[ref] ?? 'missing';

  it('the core gives each clause its documented status', () => {
    for (const entry of analysis.coverage.units) assert.strictEqual(entry.status, expected(entry.unit.ref), entry.unit.ref);
  });

  it('dgs check --format json lists them, addressedStrict, weak, notApplicable and missing partitioning the 26', () => {
    const { coverage } = checkReport([{ path: 'city.strategy.yaml', absolute: '/city.strategy.yaml', schema, analysis, length: CITY.length }]).files[0];
    assert.deepStrictEqual(coverage.addressedStrict, ['1.i', '1.iii', '4', '12.i']);
    assert.deepStrictEqual(coverage.weak, ['3.i', '3.ii']);
    assert.deepStrictEqual(coverage.notApplicable, ['12.ii']);
    assert.deepStrictEqual(coverage.addressed, ['1.i', '1.iii', '3.i', '3.ii', '4', '12.i']);
    assert.strictEqual(coverage.addressedStrict.length + coverage.weak.length + coverage.notApplicable.length + coverage.missing.length, 26);
  });

  it('the language server\'s summary and the coverage view say the same', () => {
    const summary = coverageSummary(analysis);
    const view = buildCoverageView(JSON.parse(JSON.stringify(coverageAnswer(analysis, 'file:///city.strategy.yaml', 1, { file: 'city.strategy.yaml' }))) as CoverageAnswer);
    for (const unit of view.recommendations.flatMap((recommendation) => recommendation.units)) assert.strictEqual(unit.status, expected(unit.ref), unit.ref);
    assert.deepStrictEqual(view.counts, { addressed: 4, weak: 2, 'not-applicable': 1, missing: 19 });
    assert.deepStrictEqual(summary.counts, view.counts);
    const oneTwo = view.recommendations[0].units.find((unit) => unit.ref === '1.ii')!;
    assert.deepStrictEqual(oneTwo.inactive.map((measure) => measure.id), ['OPN-2']);
  });

  it('the findings: the dropped and placeholder measures are named, the not-applicable clause is not reported, the currency is', () => {
    const rules = (rule: string): string[] => analysis.findings.filter((finding) => finding.rule === rule).map((finding) => finding.message);
    const notAddressed = rules('clause-not-addressed');
    assert.ok(notAddressed.some((message) => message.includes('clause 1.ii') && message.includes('Measure OPN-2 names it but is dropped')), notAddressed.join('\n'));
    assert.ok(notAddressed.some((message) => message.includes('clause 2.i') && message.includes('its title is still a placeholder')));
    assert.ok(!notAddressed.some((message) => message.includes('clause 12.ii')));
    assert.strictEqual(rules('business-case-currency').length, 1);
    assert.ok(analysis.findings.every((finding) => !finding.message.includes('`')), 'no backticks in messages');
  });

  it('the report marks the dropped and placeholder measures, says what a weak clause lacks, and gives the reason of a clause not applicable', () => {
    const data = buildReportData(analysis, { file: 'city.strategy.yaml', madeOn: '2026-12-06', dgsVersion: '9.9.9' });
    assert.match(data.statement.text, /declares/);
    assert.deepStrictEqual([data.statement.madeOn, data.statement.dgsVersion], ['2026-12-06', '9.9.9']);
    const units = new Map(data.parts.flatMap((part) => part.recommendations.flatMap((recommendation) => recommendation.units)).map((unit) => [unit.ref, unit]));
    assert.strictEqual(units.get('12.ii')?.notApplicable?.reason, 'Regulatory impact assessment of new legislation is done by the region.');
    assert.strictEqual(units.get('3.i')?.lacks, 'no lead');
    assert.deepStrictEqual(data.measures.filter((measure) => measure.inactive).map((measure) => [measure.id, measure.inactive]), [['OPN-2', 'dropped'], ['ENG-1', 'placeholder']]);
    assert.deepStrictEqual(data.budgets.overall, { EUR: { total: 300000, withBusinessCase: 0, measures: 1 } });
  });
});
