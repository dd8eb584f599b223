/**
 * The coverage report's data (what every format says) and its JSON form: the figures of a
 * small strategy whose coverage is known clause by clause.
 */
import * as assert from 'assert';
import { analyze } from '../../server/src/core/analyze';
import { buildReportData, CoverageReportData, CoverageStatus } from '../../server/src/report/data';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { SMALL } from './reportFixtures';

const schema = loadDefaultSchema();


function report(text: string): CoverageReportData {
  return buildReportData(analyze(text, schema), { file: 'test.strategy.yaml' });
}

function unitStatuses(data: CoverageReportData): Record<string, CoverageStatus> {
  const statuses: Record<string, CoverageStatus> = {};
  for (const part of data.parts) for (const recommendation of part.recommendations) for (const unit of recommendation.units) statuses[unit.ref] = unit.status;
  return statuses;
}

function recommendationStatuses(data: CoverageReportData): Record<number, CoverageStatus> {
  const statuses: Record<number, CoverageStatus> = {};
  for (const part of data.parts) for (const recommendation of part.recommendations) statuses[recommendation.number] = recommendation.status;
  return statuses;
}

describe('coverage report data', () => {
  const data = report(SMALL);

  it('gives the overall figures', () => {
    assert.deepStrictEqual(data.summary, {
      units: 26,
      unitsAddressed: 6,
      unitsComplete: 4,
      percentAddressed: 23,
      percentComplete: 15,
      recommendations: { total: 12, complete: 1, partial: 3, none: 8 },
      measures: 4,
      notApplicable: 0,
      findings: data.summary.findings,
    });
  });

  it('gives each unit its status: a lead and an indicator, only one of them (or a placeholder), or nothing', () => {
    const statuses = unitStatuses(data);
    const expected: Array<[string, CoverageStatus]> = [
      ['1.i', 'complete'],
      ['1.ii', 'partial'],
      ['1.iii', 'complete'],
      ['2.i', 'partial'],
      ['2.ii', 'none'],
      ['4', 'none'],
      ['5', 'complete'],
      ['6.i', 'none'],
      ['12.i', 'complete'],
      ['12.ii', 'none'],
    ];
    for (const [ref, status] of expected) assert.strictEqual(statuses[ref], status, `unit ${ref}`);
    assert.strictEqual(Object.keys(statuses).length, 26);
  });

  it('gives each recommendation its status', () => {
    const statuses = recommendationStatuses(data);
    assert.deepStrictEqual(statuses, { 1: 'partial', 2: 'partial', 3: 'none', 4: 'none', 5: 'complete', 6: 'none', 7: 'none', 8: 'none', 9: 'none', 10: 'none', 11: 'none', 12: 'partial' });
    const byNumber = new Map(data.parts.flatMap((part) => part.recommendations).map((recommendation) => [recommendation.number, recommendation]));
    assert.deepStrictEqual([byNumber.get(1)!.unitsAddressed, byNumber.get(1)!.unitsComplete], [3, 2]);
    assert.deepStrictEqual([byNumber.get(9)!.present, byNumber.get(1)!.present], [false, true]);
  });

  it('reads each measure: id, title, lead, due, status, indicators, the units it addresses, its line', () => {
    assert.deepStrictEqual(
      data.measures.map((measure) => [measure.id, measure.accountable, measure.units]),
      [
        ['OPN-1', true, ['1.i', '1.iii']],
        ['OPN-2', false, ['1.ii']],
        ['ENG-1', false, ['2.i']],
        ['LDR-1', true, ['5', '12.i']],
      ],
    );
    const [first, , , last] = data.measures;
    assert.deepStrictEqual(
      { title: first.title, lead: first.lead, due: first.due, section: first.section, recommendation: first.recommendation, line: first.line, indicators: first.indicators },
      {
        title: 'Accessibility standard',
        lead: 'Agency for Digitisation',
        due: '2027-06',
        section: 'openness',
        recommendation: 1,
        line: 13,
        indicators: [{ name: 'Services meeting the standard', baseline: '42%', target: '90%', by: '2030' }],
      },
    );
    assert.deepStrictEqual([last.status, last.due, last.lead], ['in-progress', undefined, "Prime Minister's Office"]);
  });

  it('lists the measures of each unit in file order, and quotes the unit text from the schema', () => {
    for (const part of data.parts) {
      for (const recommendation of part.recommendations) {
        for (const unit of recommendation.units) {
          assert.strictEqual(unit.text, schema.unitByRef.get(unit.ref)!.text);
          assert.deepStrictEqual(unit.measures, [...unit.measures].sort((a, b) => a - b));
        }
      }
    }
    const oneIii = data.parts[0].recommendations[0].units[2];
    assert.deepStrictEqual(oneIii.measures.map((index) => data.measures[index].id), ['OPN-1']);
  });

  it('groups the open findings by severity, in document order, with 1-based positions', () => {
    const analysis = analyze(SMALL, schema);
    for (const severity of ['error', 'warning', 'info'] as const) {
      const expected = analysis.findings.filter((finding) => finding.severity === severity);
      assert.strictEqual(data.findings[severity].length, expected.length, severity);
      assert.strictEqual(data.summary.findings[severity], expected.length);
      assert.deepStrictEqual(
        data.findings[severity].map((finding) => finding.rule),
        expected.map((finding) => finding.rule),
      );
    }
    assert.strictEqual(data.summary.findings.total, analysis.findings.length);
    const missingIndicator = data.findings.info.find((finding) => finding.rule === 'missing-indicator');
    assert.deepStrictEqual([missingIndicator?.line, missingIndicator?.column], [20, 9]);
    assert.ok(data.findings.warning.some((finding) => finding.rule === 'placeholder-text' && finding.line === 30));
    assert.ok(data.findings.info.some((finding) => finding.rule === 'clause-too-broad'));
  });

  it('reads the strategy block', () => {
    assert.deepStrictEqual(data.strategy, {
      title: 'Test strategy',
      government: 'Republic of Testland',
      level: 'national',
      status: 'draft',
      lead: 'Ministry of Digital Affairs',
      period: { from: 2026, to: 2030 },
    });
  });
});

describe('coverage report data at the edges', () => {
  const cases: Array<{ name: string; text: string; addressed: number; complete: number; measures: number; statuses?: Record<string, CoverageStatus> }> = [
    { name: 'an empty file', text: '', addressed: 0, complete: 0, measures: 0 },
    { name: 'a list at the top', text: '- a\n- b\n', addressed: 0, complete: 0, measures: 0 },
    // The measure that does not parse is left out; everything else is read.
    { name: 'broken YAML still reports what it can read', text: SMALL.replace('title: Digital council', 'title: [unclosed'), addressed: 4, complete: 2, measures: 3 },
    {
      name: 'an unknown clause covers nothing',
      text: SMALL.replace('addresses: [1.ii]', 'addresses: [1.vii]'),
      addressed: 5,
      complete: 4,
      measures: 4,
      statuses: { '1.ii': 'none' },
    },
    {
      name: 'a measure without an id still counts, named by its line',
      text: SMALL.replace('      - id: OPN-2\n', '      - \n'),
      addressed: 6,
      complete: 4,
      measures: 4,
    },
    {
      name: 'an indicator with a placeholder target does not make a measure accountable',
      text: SMALL.replace('target: 4 a year', 'target: TBD'),
      addressed: 6,
      complete: 2,
      measures: 4,
      statuses: { '5': 'partial', '12.i': 'partial' },
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const data = report(testCase.text);
      assert.deepStrictEqual([data.summary.unitsAddressed, data.summary.unitsComplete, data.summary.measures], [testCase.addressed, testCase.complete, testCase.measures]);
      assert.strictEqual(data.summary.units, 26);
      const statuses = unitStatuses(data);
      for (const [ref, status] of Object.entries(testCase.statuses ?? {})) assert.strictEqual(statuses[ref], status, ref);
    });
  }

  it('names a measure without an id by its line', () => {
    const data = report(SMALL.replace('      - id: OPN-2\n        title', '      - title'));
    const measure = data.measures[1];
    assert.strictEqual(measure.id, undefined);
    assert.strictEqual(measure.line, 20);
  });

  it('never reads 100 % before every unit is addressed', () => {
    const all = report(SMALL.replace('addresses: [5, 12.i]', `addresses: [${schema.units.map((unit) => unit.ref).filter((ref) => ref !== '12.ii').join(', ')}]`));
    assert.deepStrictEqual([all.summary.unitsAddressed, all.summary.percentAddressed], [25, 96]);
  });
});

describe('coverage report data', () => {
  it('has the summary figures, every unit and the instrument', () => {
    const analysis = analyze(SMALL, schema);
    const json: CoverageReportData = buildReportData(analysis, { file: 'test.strategy.yaml' });
    assert.strictEqual(json.file, 'test.strategy.yaml');
    assert.strictEqual(json.summary.unitsAddressed, 6);
    assert.strictEqual(json.summary.unitsComplete, 4);
    assert.strictEqual(json.summary.percentAddressed, 23);
    assert.deepStrictEqual(json.summary.recommendations, { total: 12, complete: 1, partial: 3, none: 8 });
    assert.strictEqual(json.parts.flatMap((part) => part.recommendations.flatMap((recommendation) => recommendation.units)).length, 26);
    assert.strictEqual(json.instrument.id, 'OECD/LEGAL/0406');
  });
});
