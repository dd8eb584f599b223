/** The clause mapper: ranked clauses for a measure's text, with the words that matched. */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { wordsOf } from '../../server/src/core/mapper/text';
import { rankClauses, ranksOf, suggestClauses } from '../../server/src/core/mapper';
import { clauseMismatch, relatedUnits } from '../../server/src/core/mapper/mismatch';
import { analyze } from '../../server/src/core/analyze';
import * as fs from 'fs';
import * as path from 'path';
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

describe('clause mapper: words', () => {
  it('reads an ASCII text into the words the regular expression finds, at the same places', () => {
    const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
    const characters = fc.constantFrom('a', 'Z', 'e', '7', "'", "'", ' ', '-', '.', ',', '\n', '_', '(', 's', 't');
    fc.assert(
      fc.property(fc.string({ unit: characters, maxLength: 40 }), (text) => {
        assert.deepStrictEqual(
          wordsOf(text),
          Array.from(text.matchAll(WORD), (match) => ({ word: match[0], index: match.index })),
        );
      }),
      { numRuns: 3000, seed: 20261206 },
    );
    // Beyond ASCII, the regular expression itself: letters with accents, the typographic apostrophe.
    assert.deepStrictEqual(wordsOf('Citizens’ e-services, Développement'), [
      { word: 'Citizens', index: 0 },
      { word: 'e', index: 10 },
      { word: 'services', index: 12 },
      { word: 'Développement', index: 22 },
    ]);
  });
});

describe('clause mapper: one sense per phrase', () => {
  it('does not count a word that the text uses inside a phrase of another clause, when the clause knows the word only inside its own phrases', () => {
    const input = { title: 'Open data portal', description: "Publish the city's datasets in machine-readable formats." };
    const ranked = rankClauses(input, schema);
    // "open" is a word of 11 only inside "open source"; here it is part of "Open data portal" (3.i).
    assert.deepStrictEqual(ranked.find((entry) => entry.clause === '11')!.evidence, []);
    assert.strictEqual(ranked[0].clause, '3.i');
    // Used on its own, or in 11's own phrase, it still counts.
    assert.deepStrictEqual(rankClauses({ title: 'Open source software', description: 'Software paid for by the city is released as open source.' }, schema)[0].evidence.slice(0, 1), ['Open source']);
  });
});

describe('clause-mismatch decision', () => {
  const committee = { title: 'Cabinet committee on digital government', description: 'Chaired by the Prime Minister, it sets the priorities of the digital agenda each year.' };

  it('doubts a declared clause the text gives no evidence for, naming what it does support', () => {
    const mismatch = clauseMismatch(committee, '12.ii', schema);
    assert.ok(mismatch);
    assert.strictEqual(mismatch.supported[0].clause, '5');
  });

  it('never doubts a clause near the top, nor one with a word of evidence', () => {
    assert.strictEqual(clauseMismatch(committee, '5', schema), undefined);
    assert.strictEqual(clauseMismatch({ title: 'Open data portal', description: 'Publish the datasets of the region in machine-readable formats with an open licence.' }, '11', schema), undefined);
  });

  it('counts a stray word as no evidence when it weighs next to nothing beside what the text speaks of, and says which word', () => {
    const cloud = { title: 'Agile procurement of cloud hosting', description: 'Agencies buy cloud hosting from approved suppliers under one framework agreement that allows short contracts.' };
    const declared = rankClauses(cloud, schema).find((entry) => entry.clause === '3.ii')!;
    assert.deepStrictEqual(declared.evidence, ['allows'], '"allows" meets "allowing" in the text of 3.ii');
    assert.deepStrictEqual(clauseMismatch(cloud, '3.ii', schema)?.stray, ['allows']);
    // A term the vocabulary lists for the clause is never stray, however light beside the rest.
    const rules = { title: 'Procurement rules for modern digital delivery', description: 'Agile and modular contracts, innovation partnerships and open-source clauses in the public procurement regulation.' };
    assert.ok(rankClauses(rules, schema).find((entry) => entry.clause === '12.i')!.evidence.includes('regulation'));
    assert.strictEqual(clauseMismatch(rules, '12.i', schema), undefined);
    // Three words of evidence that weigh something: 10.i is not doubted for a committee that checks progress data.
    const committeeWithData = { ...committee, description: `${committee.description} It checks the data on progress.` };
    assert.strictEqual(clauseMismatch(committeeWithData, '10.i', schema), undefined);

    const clean = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'clean.strategy.yaml'), 'utf8');
    const text = clean.replace(
      '        title: Inter-ministerial digital board\n        addresses: [5]',
      `        title: ${committee.title}\n        description: ${committee.description} It checks the data on progress.\n        addresses: [5, 3.ii]`,
    );
    const [finding] = analyze(text, schema).findings.filter((candidate) => candidate.rule === 'clause-mismatch');
    assert.strictEqual(
      finding?.message,
      "Measure LDR-1 names clause 3.ii (trustworthy data, risks of misuse), but its title and description say next to nothing of it (only 'data'); they speak of 5 (political leadership and commitment). Check that 3.ii is meant.",
    );
  });

  it('does not doubt a sibling of the clause the text supports best: another sub-clause of the same recommendation', () => {
    const accessibility = { title: 'Accessibility statement on every website', description: 'Each public website publishes an accessibility statement and meets WCAG 2.1 AA.' };
    assert.ok(relatedUnits(schema, '1.i', '1.ii'));
    assert.strictEqual(clauseMismatch(accessibility, '1.ii', schema), undefined);
    assert.ok(clauseMismatch(accessibility, '11', schema));
  });

  it('does not doubt a clause the vocabulary lists as related to one the text clearly supports, either way round', () => {
    const platforms = { title: 'Shared platforms for payments and notifications', description: 'Agencies reuse common components such as the payments platform instead of building their own.' };
    assert.ok(relatedUnits(schema, '6.iv', '7.ii') && relatedUnits(schema, '7.ii', '6.iv'));
    assert.ok(!relatedUnits(schema, '6.iv', '12.ii'));
    assert.strictEqual(clauseMismatch(platforms, '7.ii', schema), undefined);
    assert.ok(clauseMismatch(platforms, '12.ii', schema));
  });

  it('stays silent when what the text speaks of is itself weak, or the text is short', () => {
    const weak = { title: 'Notifications about road works', description: 'Residents get a message when the street they live in is dug up.' };
    assert.ok(rankClauses(weak, schema)[0].score < 6);
    assert.strictEqual(clauseMismatch(weak, '12.ii', schema), undefined);
    assert.strictEqual(clauseMismatch({ title: 'Ministerial committee' }, '12.ii', schema), undefined);
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

  it('finds planted mismatches on the held-out third far more precisely than the word-overlap baseline', () => {
    const test = evaluation.split(measures, 'test');
    const mapper = evaluation.evaluate(test, evaluation.mapperMethod(schema));
    const baseline = evaluation.evaluate(test, evaluation.overlapMethod(schema));
    assert.ok(mapper.mismatchPlanted >= 10, `${mapper.mismatchPlanted} planted`);
    assert.ok(mapper.mismatchPrecision > baseline.mismatchPrecision + 0.4, `precision ${mapper.mismatchPrecision} against ${baseline.mismatchPrecision}`);
    assert.ok(mapper.mismatchRecall > baseline.mismatchRecall, `recall ${mapper.mismatchRecall} against ${baseline.mismatchRecall}`);
  });

  it('keeps the targets but mismatch recall on the later rounds, written after the tuning they were checked against', () => {
    const later = measures.filter((measure) => (measure.round ?? 0) >= 3);
    assert.ok(later.length >= 80 && later.filter((measure) => measure.declared).length >= 25, `${later.length} measures`);
    const mapper = evaluation.evaluate(later, evaluation.mapperMethod(schema));
    assert.ok(mapper.mismatchPrecision >= 0.8, `precision ${mapper.mismatchPrecision} (${mapper.mismatchFound} of ${mapper.mismatchFound + mapper.mismatchFalse})`);
    assert.ok(mapper.top1 >= 0.7 && mapper.top3Recall >= 0.85, `top-1 ${mapper.top1}, top-3 recall ${mapper.top3Recall}`);
  });

  it("gives each unit, from the scores alone (ranksOf), the rank rankClauses gives it with evidence", () => {
    // A copy of the schema with nothing derived: ranksOf scores afresh, never reads a kept ranking.
    const fresh: Schema = { ...schema, derived: {} };
    let compared = 0;
    for (const measure of measures) {
      for (const input of [{ title: measure.title, description: measure.description }, { title: measure.title, description: measure.description, context: 'Security and privacy risk is managed across agencies.' }]) {
        const quick = ranksOf(input, schema.units.map((unit) => unit.ref), fresh).ranks;
        const ranked = rankClauses(input, fresh);
        assert.deepStrictEqual(quick, schema.units.map((unit) => ranked.find((entry) => entry.clause === unit.ref)!.rank), measure.title);
        compared++;
      }
    }
    assert.ok(compared >= 300);
    assert.deepStrictEqual(ranksOf({ title: 'Open data portal' }, ['99.x', '11'], { ...schema, derived: {} }).ranks.map((rank) => rank === undefined), [true, false]);
    assert.strictEqual(ranksOf({ title: 'Open data portal', description: 'for the region' }, ['11'], schema).contentWords, 4);
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
