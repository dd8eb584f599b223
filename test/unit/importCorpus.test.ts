/**
 * `dgs import` over the corpus (test/fixtures/import, held-out documents excepted): no word
 * of any document is lost, every output is YAML that dgs check reads, and the structure and
 * fields found stay at the level docs/import.md reports. `npm run eval:import` prints the figures.
 */
import * as assert from 'assert';
import { importDocument } from '../../server/src/import';
import { DEFAULT_SUGGEST } from '../../server/src/import/suggest';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { CorpusDocument, loadCorpus } from '../import/corpus';
import { DocumentScore, lostWords, scoreImport, sum } from '../import/metrics';

describe('import: the corpus', function () {
  this.timeout(60_000);
  const schema = loadDefaultSchema();
  let scores: DocumentScore[] = [];
  let corpus: CorpusDocument[] = [];

  before(async () => {
    corpus = await loadCorpus();
    scores = [];
    for (const document of corpus) {
      const result = await importDocument(document.bytes, document.format, schema, { suggest: DEFAULT_SUGGEST, source: document.name });
      scores.push(scoreImport(document, result, schema));
    }
  });

  it('has at least six documents: Word, Markdown and text; national, regional and local', () => {
    assert.ok(corpus.length >= 6, `${corpus.length} documents`);
    assert.deepStrictEqual(new Set(corpus.map((document) => document.format)), new Set(['docx', 'md', 'txt']));
    assert.deepStrictEqual(new Set(corpus.map((document) => document.expected.strategy.level)), new Set(['national', 'regional', 'local']));
  });

  it('loses no word of any document, and writes valid YAML', () => {
    for (const score of scores) {
      assert.strictEqual(score.lost, 0, `${score.name} lost: ${score.lostWords.join(' ')}`);
      assert.strictEqual(score.yamlErrors, 0, `${score.name}: YAML errors`);
    }
  });

  it('finds the measures, leads, due dates and budgets', () => {
    const share = (pick: (score: DocumentScore) => { right: number; expected: number }): number => {
      const total = sum(scores, pick as never);
      return total.right / total.expected;
    };
    assert.ok(share((score) => score.measures) >= 0.95, 'measures');
    assert.ok(share((score) => score.leads) >= 0.9, 'leads');
    assert.ok(share((score) => score.dates) >= 0.9, 'due dates');
    assert.ok(share((score) => score.budgets) >= 0.9, 'budgets');
  });

  it('counts a lost word: the measure itself can fail', () => {
    assert.deepStrictEqual(lostWords('Open data by 2027', 'title: Open data\n').lost, ['by', '2027']);
    assert.deepStrictEqual(lostWords('a a b', 'x: a b\n').lost, ['a'], 'repeated words count each time');
    assert.deepStrictEqual(lostWords('only in a comment', '# only in a comment\nx: y\n').lost, ['only', 'in', 'a', 'comment'], 'comments are not kept text');
  });
});
