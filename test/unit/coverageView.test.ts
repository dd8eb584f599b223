/**
 * The "Strategy Coverage" view's tree, as `client/src/coverageModel.ts` builds it from the
 * server's answer to `dgs/coverage` (sent as JSON, as the protocol carries it) for the examples: the twelve recommendations in order → their coverage units with their status →
 * the measures addressing each, with where each measure's id is written.
 *
 * The expected tree is not taken from the core: the measures and what they address are read
 * here from the example's YAML with the `yaml` package (a reference addresses a unit when it
 * names the unit exactly; broad and unknown references address nothing), and the texts come
 * from the schema data and the Recommendation's own text. No `vscode` here: the model is pure.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseDocument } from 'yaml';
import { buildCoverageView, CoverageView, MeasureItem, recommendationTally, revealTargets, UnitItem, unitDescription } from '../../client/src/coverageModel';
import { analyze } from '../../server/src/core/analyze';
import { coverageAnswer } from '../../server/src/features/coverageRequest';
import { CoverageAnswer } from '../../server/src/protocol';
import { buildReportData } from '../../server/src/report/data';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { REPO_ROOT } from '../helpers/paths';
import { expectedLists, NATIONAL, statusOf, TRUST_FIXTURES } from '../helpers/trustFixtures';

const schema = loadDefaultSchema();
const SOURCE = fs.readFileSync(path.join(REPO_ROOT, 'server', 'schema', 'oecd-legal-0406.source.txt'), 'utf8');
const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

interface ExpectedMeasure {
  id: string;
  title: string;
  addresses: string[];
}

/** The sections the strategy has (under any part), and every measure of it in file order, read straight from the YAML. */
function readStrategy(text: string): { sections: Set<string>; measures: ExpectedMeasure[] } {
  const data = parseDocument(text).toJS() as Record<string, unknown>;
  const sections = new Set<string>();
  const measures: ExpectedMeasure[] = [];
  for (const [key, part] of Object.entries(data)) {
    if (key === 'strategy' || typeof part !== 'object' || part === null) continue;
    for (const [name, section] of Object.entries(part as Record<string, { measures?: Array<Record<string, unknown>> } | null>)) {
      sections.add(name);
      for (const measure of section?.measures ?? []) {
        const addresses = Array.isArray(measure.addresses) ? measure.addresses.map(String) : [];
        measures.push({ id: String(measure.id), title: String(measure.title), addresses });
      }
    }
  }
  return { sections, measures };
}

/** The 0-based line/character position as an offset into the text (lines end with \n in the examples). */
function offsetOf(text: string, position: { line: number; character: number }): number {
  const lines = text.split('\n');
  assert.ok(position.line < lines.length, `line ${position.line} exists`);
  let offset = 0;
  for (let line = 0; line < position.line; line++) offset += lines[line].length + 1;
  assert.ok(position.character <= lines[position.line].length, `character ${position.character} is on line ${position.line}`);
  return offset + position.character;
}

const EXAMPLES: Array<{ file: string; unaddressed: string[]; absentSections: string[] }> = [
  { file: 'draft.strategy.yaml', unaddressed: ['8', '10.ii', '10.v', '11'], absentSections: ['procurement'] },
  { file: 'national.strategy.yaml', unaddressed: [], absentSections: [] },
];

describe('the coverage view\'s tree', () => {
  it('the schema has the twelve recommendations the view lists', () => {
    assert.deepStrictEqual(
      schema.recommendations.map((recommendation) => recommendation.number),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    );
  });

  for (const { file, unaddressed, absentSections } of EXAMPLES) {
    describe(file, () => {
      const text = fs.readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8');
      const analysis = analyze(text, schema);
      const { sections, measures } = readStrategy(text);
      // What the server answers to `dgs/coverage`, through JSON as the protocol carries it.
      const answer = JSON.parse(JSON.stringify(coverageAnswer(analysis, `file:///${file}`, 1, { file }))) as CoverageAnswer;
      const views: Array<[string, CoverageView]> = [['from the server\'s answer', buildCoverageView(answer)]];

      it('gives each clause the status the coverage report gives it, from the same core definition', () => {
        const report = buildReportData(analysis, { file });
        const [[, view]] = views;
        const inReportWords = { addressed: 'complete', weak: 'partial', 'not-applicable': 'none', missing: 'none' } as const;
        assert.deepStrictEqual(
          view.recommendations.flatMap((r) => r.units.map((u) => ({ ref: u.ref, status: inReportWords[u.status] }))),
          report.parts.flatMap((part) => part.recommendations.flatMap((r) => r.units.map((u) => ({ ref: u.ref, status: u.status })))),
        );
        assert.deepStrictEqual(
          view.recommendations.flatMap((r) => r.units.map((u) => ({ ref: u.ref, status: u.status }))),
          analysis.coverage.units.map((entry) => ({ ref: entry.unit.ref, status: entry.status })),
          'the core\'s own statuses',
        );
      });

      it('points a click in the report at the measure, the measures of a clause, the section of an open clause, the finding', () => {
        const lineOf = (range: { start: { line: number } }): string => text.split('\n')[range.start.line];
        answer.report.measures.forEach((measure, index) => {
          const [range] = revealTargets(answer, { type: 'reveal-measure', index });
          assert.ok(measure.id === undefined || lineOf(range).includes(`id: ${measure.id}`), `measure ${index} is revealed at its id`);
        });
        for (const unit of answer.report.parts.flatMap((part) => part.recommendations.flatMap((r) => r.units.map((u) => ({ unit: u, section: r.section }))))) {
          const targets = revealTargets(answer, { type: 'reveal-clause', ref: unit.unit.ref });
          if (unit.unit.measures.length > 0) assert.deepStrictEqual(targets, unit.unit.measures.map((index) => answer.measureRanges[index]), `clause ${unit.unit.ref}: its measures`);
          else if (sections.has(unit.section)) assert.match(lineOf(targets[0]), new RegExp(`^\\s*${unit.section}:`), `open clause ${unit.unit.ref}: its section`);
          else assert.deepStrictEqual(targets, [], `open clause ${unit.unit.ref} of an absent section: nowhere`);
        }
        for (const finding of answer.report.findings.warning) {
          const [range] = revealTargets(answer, { type: 'reveal-finding', line: finding.line, column: finding.column });
          assert.deepStrictEqual(range.start, { line: finding.line - 1, character: finding.column - 1 });
        }
        assert.deepStrictEqual(revealTargets(answer, { type: 'reveal-clause', ref: '99.x' }), [], 'an unknown clause: nowhere');
      });

      for (const [how, view] of views) {
        describe(how, () => {
          it('lists the twelve recommendations in order, with their titles, sections and texts from the schema', () => {
            assert.deepStrictEqual(
              view.recommendations.map((r) => ({ number: r.number, section: r.section, title: r.title, text: r.text, part: r.part, present: r.present })),
              schema.recommendations.map((r) => ({ number: r.number, section: r.section, title: r.title, text: r.text, part: r.part.key, present: sections.has(r.section) })),
            );
            assert.strictEqual(view.recommendations.length, 12);
            assert.deepStrictEqual(view.recommendations.filter((r) => !r.present).map((r) => r.section), absentSections, 'the sections the strategy lacks');
            for (const recommendation of view.recommendations) {
              assert.ok(collapse(SOURCE).includes(collapse(recommendation.text)), `the text of recommendation ${recommendation.number} is verbatim in the Recommendation`);
            }
          });

          it('lists each recommendation\'s units in order, with the clause texts verbatim', () => {
            for (const recommendation of view.recommendations) {
              const expected = schema.recommendationByNumber.get(recommendation.number)!;
              const refs = expected.clauses.length > 0 ? expected.clauses.map((clause) => clause.ref) : [String(expected.number)];
              assert.deepStrictEqual(recommendation.units.map((unit) => unit.ref), refs, `the units of recommendation ${recommendation.number}`);
              for (const unit of recommendation.units) {
                const clause = expected.clauses.find((c) => c.ref === unit.ref);
                assert.strictEqual(unit.text, clause ? clause.text : expected.text, `the text of ${unit.ref} is the schema's`);
                assert.ok(collapse(SOURCE).includes(collapse(unit.text)), `the text of ${unit.ref} is verbatim in the Recommendation`);
              }
            }
            assert.deepStrictEqual(view.recommendations.flatMap((r) => r.units.map((u) => u.ref)), schema.units.map((u) => u.ref), 'every one of the 26 units, in order');
          });

          it(`gives each unit its status: ${unaddressed.length > 0 ? unaddressed.join(', ') + ' not addressed' : 'every one addressed'}`, () => {
            const units = view.recommendations.flatMap((r) => r.units);
            assert.deepStrictEqual(units.filter((u) => !u.addressed).map((u) => u.ref), unaddressed);
            assert.deepStrictEqual(
              units.filter((u) => u.addressed).map((u) => u.ref),
              schema.units.map((u) => u.ref).filter((ref) => !unaddressed.includes(ref)),
            );
            assert.strictEqual(view.addressed, schema.units.length - unaddressed.length);
            assert.strictEqual(view.total, schema.units.length);
          });

          it('lists under each unit the measures that address it, in file order, with their ids and titles', () => {
            for (const unit of view.recommendations.flatMap((r) => r.units)) {
              const expected = measures.filter((m) => m.addresses.includes(unit.ref));
              assert.deepStrictEqual(
                unit.measures.map((m) => ({ id: m.id, title: m.title })),
                expected.map((m) => ({ id: m.id, title: m.title })),
                `the measures under ${unit.ref}`,
              );
              assert.strictEqual(unit.addressed, expected.length > 0, `${unit.ref} is addressed exactly when a measure lists it`);
            }
          });

          it('gives each measure the range of its id in the text', () => {
            const checked = new Set<string>();
            for (const measure of view.recommendations.flatMap((r) => r.units.flatMap((u) => u.measures))) {
              const { start, end } = measure.range;
              assert.strictEqual(start.line, end.line, `the id ${measure.id} is on one line`);
              assert.strictEqual(text.slice(offsetOf(text, start), offsetOf(text, end)), measure.id, `the range of ${measure.id} points at its id`);
              const line = text.split('\n')[start.line];
              assert.match(line.slice(0, start.character), /^\s*-?\s*id:\s*$/, `the range of ${measure.id} is the value of its id key: ${line}`);
              checked.add(measure.id);
            }
            const addressing = measures.filter((m) => m.addresses.some((ref) => schema.unitByRef.has(ref))).map((m) => m.id);
            assert.deepStrictEqual([...checked].sort(), [...new Set(addressing)].sort(), 'every measure that addresses a unit was checked');
          });
        });
      }
    });
  }

  it('words a clause\'s status: its measures, what a weak one lacks, the reason a clause does not apply', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const measure = (id: string): MeasureItem => ({ index: 0, id, range });
    const unit = (status: UnitItem['status'], measures: MeasureItem[], note?: string): UnitItem => ({ ref: '1.i', text: '', addressed: status === 'addressed' || status === 'weak', status, measures, inactive: [], note });
    assert.strictEqual(unitDescription(unit('addressed', [measure('OPN-1'), measure('GOV-1')])), 'addressed by OPN-1, GOV-1');
    assert.strictEqual(unitDescription(unit('weak', [measure('OPN-2')], 'Weak: no lead')), 'weak: addressed by OPN-2; no lead');
    assert.strictEqual(unitDescription(unit('not-applicable', [], 'Not applicable: no procurement of our own')), 'not applicable: no procurement of our own');
    assert.strictEqual(unitDescription(unit('missing', [])), 'not addressed');
  });

  it('follows the server\'s statuses and measures, whatever they are', () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'national.strategy.yaml'), 'utf8');
    const answer = coverageAnswer(analyze(text, schema), 'file:///national.strategy.yaml', 1, { file: 'national.strategy.yaml' });
    const served: CoverageAnswer = { ...answer, addressed: answer.addressed - 1, units: answer.units.map((unit) => (unit.ref === '8' ? { ...unit, addressed: false, status: 'missing' as const, measures: [] } : unit)) };
    const view = buildCoverageView(served);
    const unit8 = view.recommendations.find((r) => r.number === 8)!.units[0];
    assert.deepStrictEqual({ ref: unit8.ref, addressed: unit8.addressed, status: unit8.status, measures: unit8.measures }, { ref: '8', addressed: false, status: 'missing', measures: [] });
    assert.strictEqual(view.addressed, schema.units.length - 1);
  });
});

describe('the coverage view on the realistic drafts of issue 12', () => {
  for (const fixture of TRUST_FIXTURES) {
    describe(fixture.name, () => {
      const answer = JSON.parse(JSON.stringify(coverageAnswer(analyze(fixture.text, schema), `file:///${fixture.name}`, 1, { file: fixture.name }))) as CoverageAnswer;
      const view = buildCoverageView(answer);
      const units = view.recommendations.flatMap((recommendation) => recommendation.units);
      const refs = schema.units.map((unit) => unit.ref);

      it('gives each clause its documented status, and counts them', () => {
        assert.deepStrictEqual(units.map((unit) => [unit.ref, unit.status]), refs.map((ref) => [ref, statusOf(fixture, ref)]));
        const lists = expectedLists(fixture, refs);
        assert.deepStrictEqual(view.counts, { addressed: lists.addressedStrict.length, weak: lists.weak.length, 'not-applicable': lists.notApplicable.length, missing: lists.missing.length });
        assert.strictEqual(view.addressed, lists.addressed.length);
      });

      it('ticks a recommendation in the tree exactly when the report calls it complete (every clause addressed or not applicable)', () => {
        const reportStatus = new Map(answer.report.parts.flatMap((part) => part.recommendations).map((recommendation) => [recommendation.number, recommendation.status]));
        for (const recommendation of view.recommendations) {
          const settled = recommendation.units.every((unit) => unit.status === 'addressed' || unit.status === 'not-applicable');
          assert.strictEqual(recommendationTally(recommendation).settled, settled, `tree, ${recommendation.number}`);
          assert.strictEqual(reportStatus.get(recommendation.number) === 'complete', settled, `report, ${recommendation.number}`);
        }
        // Recommendation 12: 12.i addressed, 12.ii not applicable.
        assert.strictEqual(reportStatus.get(12), 'complete');
      });

      it('lists under a clause the measures that name it but address nothing, and says why a clause is weak, not applicable, or not yet', () => {
        const inactive = Object.fromEntries(units.filter((unit) => unit.inactive.length > 0).map((unit) => [unit.ref, unit.inactive.map((measure) => measure.id)]));
        assert.deepStrictEqual(inactive, fixture.inactive);
        for (const [ref, note] of Object.entries(fixture.notes)) assert.strictEqual(units.find((unit) => unit.ref === ref)?.note, note, ref);
        for (const unit of units) if (!(unit.ref in fixture.notes)) assert.strictEqual(unit.note, undefined, unit.ref);
      });
    });
  }

  it('words a clause whose declaration of not applicable has no reason yet as not addressed, and says why', () => {
    const answer = JSON.parse(JSON.stringify(coverageAnswer(analyze(NATIONAL.text, schema), 'file:///national.strategy.yaml', 1, { file: 'national.strategy.yaml' }))) as CoverageAnswer;
    const unit = buildCoverageView(answer).recommendations[9].units.find((candidate) => candidate.ref === '10.v')!;
    assert.strictEqual(
      unitDescription(unit),
      'not addressed; declared not applicable, but the declaration has only a placeholder for its reason ("to be confirmed"): the clause counts as not addressed until the reason is written.',
    );
  });
});
