/** The clause mapper: ranked clauses for a measure's text, with the words that matched. */
import * as assert from 'assert';
import { rankClauses, suggestClauses } from '../../server/src/core/mapper';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { Schema } from '../../server/src/core/schema/types';

const schema = loadDefaultSchema();

function top(title: string, description?: string): string | undefined {
  return suggestClauses({ title, description }, schema)[0]?.clause;
}

describe('clause mapper', () => {
  it('suggests the clause that the vocabulary of real strategies points to, with the words as evidence', () => {
    const [first] = suggestClauses({ title: 'Agile procurement of cloud services', description: 'New framework agreements with suppliers.' }, schema);
    assert.strictEqual(first.clause, '11');
    assert.strictEqual(first.evidence[0], 'Agile procurement');
    assert.ok(first.evidence.includes('framework agreements'));
    assert.ok(first.evidence.includes('suppliers'));
  });

  it('finds the phrases the issue names in their clauses', () => {
    assert.strictEqual(top('Publish an algorithm register'), '1.ii');
    assert.strictEqual(top('Red-teaming of critical systems'), '4');
    assert.strictEqual(top('Ministerial committee on digital government'), '5');
    assert.strictEqual(top('Once-only: ask for data a single time'), '3.i');
    assert.strictEqual(top('Spend controls for technology projects'), '7.ii');
    assert.strictEqual(top('Regulatory impact assessment includes a digital check'), '12.ii');
    assert.strictEqual(top('Prototype the new permit service with end users', 'User testing of an alpha before scaling.'), '10.v');
  });

  it('shows a phrase as the drafter wrote it, hyphens and capitals included', () => {
    assert.deepStrictEqual(suggestClauses({ title: 'One-stop shop for business permits' }, schema)[0].evidence, ['One-stop shop']);
  });

  it('matches word forms through their stems, and IT in capitals as information technology', () => {
    assert.strictEqual(top('Procuring software through tenders'), '11');
    const spending = rankClauses({ title: 'Approval of IT spending above 1 million' }, schema)[0];
    assert.strictEqual(spending.clause, '7.ii');
    assert.ok(spending.evidence.some((word) => /spending/i.test(word)));
  });

  it('suggests nothing for a text with no evidence, and never more than the limit', () => {
    assert.deepStrictEqual(suggestClauses({ title: 'TODO name the measure' }, schema), []);
    assert.deepStrictEqual(suggestClauses({ title: '' }, schema), []);
    const many = { title: 'Cybersecurity training and procurement of open data dashboards for municipalities', description: 'Prototype with users; legislation review.' };
    assert.ok(suggestClauses(many, schema).length <= 5);
    assert.strictEqual(suggestClauses(many, schema, { limit: 2 }).length, 2);
    assert.strictEqual(suggestClauses(many, schema, { limit: 0 }).length, 0);
  });

  it('counts the title more than the description, and the section summary least', () => {
    const title = rankClauses({ title: 'Cybersecurity operations centre', description: 'Staff training.' }, schema)[0];
    assert.strictEqual(title.clause, '4');
    const context = rankClauses({ title: 'Staff training in data analysis', context: 'Security and privacy are managed by risk.' }, schema);
    assert.notStrictEqual(context[0].clause, '4');
  });

  it('ranks every unit once, deterministically, and answers the same text from its cache', () => {
    const input = { title: 'Digital skills academy for civil servants', description: 'Training in agile and data.' };
    const first = rankClauses(input, schema);
    assert.strictEqual(first.length, 26);
    assert.deepStrictEqual(new Set(first.map((entry) => entry.clause)).size, 26);
    assert.deepStrictEqual(first.map((entry) => entry.rank), Array.from({ length: 26 }, (_, i) => i + 1));
    assert.strictEqual(rankClauses({ ...input }, schema), first);
    assert.strictEqual(first[0].clause, '10.iv');
  });

  it('works from the clause texts alone for a schema without a vocabulary', () => {
    const bare: Schema = { ...schema, vocabulary: undefined };
    assert.strictEqual(suggestClauses({ title: 'Review the regulatory impact assessment process' }, bare)[0].clause, '12.ii');
    assert.strictEqual(suggestClauses({ title: 'Algorithm register' }, bare).length, 0);
  });
});

describe('clause mapper on the labelled set (npm run eval:mapping)', () => {
  // Loaded lazily: bench/ is compiled with the tests.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const evaluation = require('../../bench/evalMapping') as typeof import('../../bench/evalMapping');
  const measures = evaluation.readLabelledSet();

  it('has at least 150 measures over all 26 units, with planted mismatches', () => {
    assert.ok(measures.length >= 150, `${measures.length} measures`);
    assert.deepStrictEqual(new Set(measures.flatMap((measure) => measure.clauses)).size, 26);
    assert.ok(measures.filter((measure) => measure.declared).length >= 20);
    for (const measure of measures) for (const ref of [...measure.clauses, ...(measure.also ?? []), ...(measure.declared ?? [])]) assert.ok(schema.unitByRef.has(ref), ref);
  });

  it('meets the suggestion targets on the held-out third, far above the word-overlap baseline', () => {
    const test = evaluation.split(measures, 'test');
    const mapper = evaluation.evaluate(test, evaluation.mapperMethod(schema));
    const baseline = evaluation.evaluate(test, evaluation.overlapMethod(schema));
    assert.ok(mapper.top1 >= 0.7, `top-1 ${mapper.top1}`);
    assert.ok(mapper.top3Recall >= 0.85, `top-3 recall ${mapper.top3Recall}`);
    assert.ok(mapper.top1 > baseline.top1 + 0.3 && mapper.mrr > baseline.mrr + 0.3);
  });

  it('takes at most 2 ms a measure on average, uncached (the best of three runs: the machine may be busy)', () => {
    const runs = [0, 1, 2].map(() => evaluation.timing(measures, { ...schema }).uncached);
    assert.ok(Math.min(...runs) <= 2, `${runs.map((ms) => ms.toFixed(2)).join(', ')} ms`);
  });
});

describe('clause mapper on hostile input', () => {
  it('reads a 200 kB title and a 100 kB word at once, and finds nothing in them', () => {
    const started = Date.now();
    assert.deepStrictEqual(suggestClauses({ title: 'q'.repeat(200_000) }, schema), []);
    assert.deepStrictEqual(suggestClauses({ title: 'procurement '.repeat(50_000), description: 'z'.repeat(100_000) }, schema)[0].clause, '11');
    assert.ok(Date.now() - started < 2000, `${Date.now() - started} ms`);
  });
});
