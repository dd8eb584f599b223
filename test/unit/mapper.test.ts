/** The clause mapper: ranked clauses for a measure's text, with the words that matched. */
import * as assert from 'assert';
import { rankClauses, suggestClauses } from '../../server/src/mapper';
import { loadDefaultSchema } from '../../server/src/schema/file';
import { Schema } from '../../server/src/schema/types';

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
