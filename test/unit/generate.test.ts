/**
 * The benchmark's generator: the same bytes every time, and a strategy whose findings are
 * exactly the defects it planted (so that the benchmark's servers have known work to do).
 */
import * as assert from 'assert';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { analyze } from '../../server/src/core/analyze';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { generateStrategy, PERIOD } from '../../bench/generate';

const schema = loadDefaultSchema();

describe('benchmark generator', () => {
  const generated = generateStrategy(schema, 100);

  it('is deterministic', () => {
    assert.strictEqual(generateStrategy(schema, 100).text, generated.text);
    assert.notStrictEqual(generateStrategy(schema, 100, 7).text, generated.text, 'another seed gives another strategy');
  });

  it('writes the requested number of measures, about eight lines each', () => {
    const ids = generated.text.match(/^ {6}- id: /gm) ?? [];
    assert.strictEqual(ids.length, 100);
    assert.strictEqual(generated.lineCount, generated.text.split('\n').length - 1);
    assert.ok(generated.lineCount > 700 && generated.lineCount < 1100, `${generated.lineCount} lines`);
  });

  it('reports exactly the planted defects, and addresses every coverage unit', () => {
    // The generated measures have a few gaps of real drafts that the benchmark does not plant
    // (an indicator without a baseline or a date, a title whose words the clause mapper
    // doubts, a dependency on a measure whose date is a planted defect): those rules are off here.
    const analysis = analyze(generated.text, schema, { ...DEFAULT_CONFIG, rules: { 'indicator-incomplete': 'off', 'dependency-order': 'off', 'clause-mismatch': 'off' } });
    const actual = analysis.findings.map((finding) => {
      const position = analysis.model.lines.positionAt(finding.span.start);
      return `${finding.rule}@${position.line}:${position.character}`;
    });
    const planted = generated.planted.map((defect) => `${defect.rule}@${defect.line}:${defect.character}`);
    assert.deepStrictEqual(actual.sort(), planted.sort());
    assert.deepStrictEqual(
      generated.planted.map((defect) => defect.rule).sort(),
      ['due-outside-period', 'invalid-date', 'missing-lead', 'type-mismatch', 'unknown-clause'],
    );
    assert.deepStrictEqual(analysis.coverage.missing, []);
    assert.strictEqual(analysis.model.measures.length, 100);
    assert.strictEqual(analysis.model.sections.length, schema.recommendations.length);
  });

  it('leaves the measure the benchmark edits free of defects', () => {
    assert.ok(generated.middleMeasureId !== '');
    assert.ok(generated.planted.every((defect) => defect.measureId !== generated.middleMeasureId));
    assert.ok(generated.text.includes(`period: { from: ${PERIOD.from}, to: ${PERIOD.to} }`));
  });
});
