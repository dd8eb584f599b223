/**
 * Coverage a reviewer can trust (spec §7), in the core: on a city's and a nation's draft
 * with the gaps real drafts have (test/helpers/trustFixtures.ts), the findings are exactly
 * those written next to the lines in the fixtures, each clause has its documented status,
 * the messages name the measure in plain words, and the report's data marks what does not
 * count and says why. The same tables hold the command line (test/cli/trust.test.ts), the
 * language server (test/lsp/trust.test.ts) and the Coverage view (coverageView.test.ts).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../server/src/core/analyze';
import { measureAt } from '../../server/src/core/rules/names';
import { buildReportData } from '../../server/src/report/data';
import { renderHtml } from '../../server/src/report/html';
import { renderMarkdown } from '../../server/src/report/markdown';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { actualFindings, describe as describeExpected } from '../helpers/annotations';
import { REPO_ROOT } from '../helpers/paths';
import { CITY, expectedLists, NATIONAL, statusOf, TRUST_FIXTURES, unsaidMessages } from '../helpers/trustFixtures';

const schema = loadDefaultSchema();
const refs = schema.units.map((unit) => unit.ref);

for (const fixture of TRUST_FIXTURES) {
  describe(`coverage a reviewer can trust, in the core: ${fixture.name}`, () => {
    const analysis = analyze(fixture.text, schema);

    it('gives exactly the findings written in the fixture', () => {
      assert.deepStrictEqual(actualFindings(fixture.text, schema), describeExpected(fixture.findings));
    });

    it('gives each clause its documented status, and the JSON lists partition the 26', () => {
      assert.deepStrictEqual(
        analysis.coverage.units.map((entry) => [entry.unit.ref, entry.status]),
        refs.map((ref) => [ref, statusOf(fixture, ref)]),
      );
      const { addressed, addressedStrict, weak, notApplicable, missing } = analysis.coverage;
      assert.deepStrictEqual({ addressed, addressedStrict, weak, notApplicable, missing }, expectedLists(fixture, refs));
    });

    it('says what it must in plain words, naming the measure of every finding inside one, without backticks', () => {
      assert.deepStrictEqual(unsaidMessages(fixture, analysis.findings), []);
      for (const finding of analysis.findings) {
        assert.ok(!finding.message.includes('`'), `no backticks: ${finding.message}`);
        assert.ok(!/\b(key|mapping|infos|a text)\b/.test(finding.message), `plain words: ${finding.message}`);
        const id = measureAt(analysis.model, finding.span.start)?.id?.text;
        if (id) assert.ok(finding.message.includes(id), `${finding.rule} names measure ${id}: ${finding.message}`);
      }
    });

    it('lists the measures that name a clause but address nothing, in the coverage and the report', () => {
      const named = (entry: { inactive: Array<{ id?: { text: string } }> }) => entry.inactive.map((measure) => measure.id?.text);
      const inactive = Object.fromEntries(analysis.coverage.units.filter((entry) => entry.inactive.length > 0).map((entry) => [entry.unit.ref, named(entry)]));
      assert.deepStrictEqual(inactive, fixture.inactive);
    });
  });
}

describe('coverage a reviewer can trust, on the examples: every finding inside a measure names it', () => {
  for (const name of fs.readdirSync(path.join(REPO_ROOT, 'examples')).filter((file) => file.endsWith('.strategy.yaml'))) {
    it(name, () => {
      const analysis = analyze(fs.readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8'), schema);
      for (const finding of analysis.findings) {
        const id = measureAt(analysis.model, finding.span.start)?.id?.text;
        if (id) assert.ok(finding.message.toLowerCase().includes(`measure ${id.toLowerCase()}`) || finding.message.includes(`${id} writes`), `${finding.rule} names measure ${id}: ${finding.message}`);
      }
    });
  }
});

describe('coverage a reviewer can trust, in the report\'s data', () => {
  const report = (text: string) => buildReportData(analyze(text, schema), { file: 'draft.strategy.yaml', madeOn: '2026-12-06', dgsVersion: '9.9.9' });
  const unitsOf = (data: ReturnType<typeof report>) => new Map(data.parts.flatMap((part) => part.recommendations.flatMap((recommendation) => recommendation.units)).map((unit) => [unit.ref, unit]));

  it('the city: declared, dated and versioned; the dropped and placeholder measures marked; what a weak clause lacks; the reason of a clause not applicable; its one budget', () => {
    const data = report(CITY.text);
    assert.match(data.statement.text, /declares/);
    assert.deepStrictEqual([data.statement.madeOn, data.statement.dgsVersion], ['2026-12-06', '9.9.9']);
    const units = unitsOf(data);
    assert.deepStrictEqual(units.get('12.ii')?.notApplicable, { reason: 'Regulatory impact assessment of new legislation is done by the region.', handledBy: 'Regional Digital Strategy 2025-2030' });
    assert.strictEqual(units.get('3.i')?.lacks, 'no lead');
    assert.deepStrictEqual(data.measures.filter((measure) => measure.inactive).map((measure) => [measure.id, measure.inactive]), [['OPN-2', 'dropped'], ['ENG-1', 'placeholder']]);
    assert.deepStrictEqual(data.budgets.overall, { EUR: { total: 300000, withBusinessCase: 0, measures: 1 } });
  });

  it('the nation: a declaration without its reason counts as not addressed and says so; an invalid date as written; budgets per currency with the share that has a business case', () => {
    const data = report(NATIONAL.text);
    const units = unitsOf(data);
    assert.strictEqual(units.get('10.v')?.coverage, 'missing');
    assert.deepStrictEqual(units.get('10.v')?.unfinishedNotApplicable, { reason: 'to be confirmed' });
    assert.strictEqual(units.get('10.v')?.notApplicable, undefined);
    const opn3 = data.measures.find((measure) => measure.id === 'OPN-3');
    assert.deepStrictEqual([opn3?.due, opn3?.dueInvalid], ['Q4 2026', true]);
    assert.ok(renderMarkdown(data).includes('due: Q4 2026, not a valid date;'));
    assert.strictEqual(renderHtml(data).replace(/<[^>]+>/g, ' ').split('Q4 2026, not a valid date').length - 1, 2, 'beside the clause and in the list of measures');
    // Recommendation 12: 12.i addressed, 12.ii not applicable: complete, as the Coverage view ticks it.
    assert.strictEqual(data.parts[2].recommendations[3].status, 'complete');
    assert.strictEqual(data.parts[2].recommendations[1].status, 'partial');
    // OPN-1 (DKK 25,000,000, with a business case), CAP-1 (DKK 12,000,000, without), SEC-1 (EUR 4,000,000, with); DAT-1's "1.500.000" is not an amount.
    assert.deepStrictEqual(data.budgets.overall, {
      DKK: { total: 37000000, withBusinessCase: 25000000, measures: 2 },
      EUR: { total: 4000000, withBusinessCase: 4000000, measures: 1 },
    });
    assert.deepStrictEqual(data.budgets.byPart.implementation, { DKK: { total: 12000000, withBusinessCase: 0, measures: 1 } });
    assert.deepStrictEqual(data.budgets.byRecommendation[4], { EUR: { total: 4000000, withBusinessCase: 4000000, measures: 1 } });
  });
});
