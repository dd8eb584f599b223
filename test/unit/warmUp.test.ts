/**
 * The language server's warm-up strategy: a clean strategy of every section, large enough
 * to be read item by item and edited in place, so that the warm-up runs the code a large
 * file runs.
 */
import * as assert from 'assert';
import { analyze, StrategyDocument } from '../../server/src/core/analyze';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { warmUp, warmUpStrategy } from '../../server/src/core/warmUp';

const schema = loadDefaultSchema();

describe('warm-up', () => {
  it('is a clean strategy that addresses every clause', () => {
    const analysis = analyze(warmUpStrategy(schema, 25), schema);
    assert.deepStrictEqual(analysis.findings, []);
    assert.deepStrictEqual(analysis.coverage.missing, []);
    assert.strictEqual(analysis.model.measures.length, 25 * schema.recommendations.length);
  });

  it('is read item by item, and an edit inside a measure is applied in place', () => {
    const text = warmUpStrategy(schema, 25);
    const document = new StrategyDocument();
    document.analyze(text, schema);
    assert.strictEqual(document.stats.mode, 'incremental');
    const at = text.indexOf('title: Measure 3') + 7;
    document.analyze(`${text.slice(0, at)}x${text.slice(at)}`, schema);
    assert.strictEqual(document.stats.mode, 'in-place');
  });

  it('runs without throwing', () => {
    warmUp(schema);
  });
});
