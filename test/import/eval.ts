/**
 * `npm run eval:import [-- --held-out] [-- --verbose]`: imports every document of the corpus
 * and prints, per document and overall, the share of measures found, of sections matched to
 * the right recommendation, of leads, due dates and budgets extracted correctly, and the
 * words of the document lost in the strategy file. Exit 1 when any word is lost or any
 * output is not valid YAML.
 */
import { importDocument } from '../../server/src/import';
import { DEFAULT_SUGGEST } from '../../server/src/import/suggest';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { loadCorpus } from './corpus';
import { DocumentScore, scoreImport, share, sum, Tally } from './metrics';

function row(cells: readonly string[]): string {
  const widths = [26, 12, 11, 14, 14, 14, 14, 16];
  return cells.map((cell, index) => cell.padEnd(widths[index] ?? 10)).join(' ').trimEnd();
}

function withWrong(tally: Tally): string {
  return tally.wrong > 0 ? `${share(tally)} (${tally.wrong}✗)` : share(tally);
}

async function main(): Promise<number> {
  const heldOut = process.argv.includes('--held-out');
  const verbose = process.argv.includes('--verbose');
  const schema = loadDefaultSchema();
  const corpus = await loadCorpus({ heldOut });
  const scores: DocumentScore[] = [];
  for (const document of corpus) {
    const result = await importDocument(document.bytes, document.format, schema, { suggest: DEFAULT_SUGGEST, source: document.name });
    scores.push(scoreImport(document, result, schema));
  }
  const out = process.stdout;
  out.write(`dgs import evaluation: ${corpus.length} ${heldOut ? 'held-out ' : ''}documents, clause mapper ${DEFAULT_SUGGEST ? 'on' : 'absent'}\n`);
  out.write(`(n✗: values given that are wrong or that the document does not state)\n\n`);
  out.write(row(['document', 'measures', 'sections', 'leads', 'due dates', 'budgets', 'title page', 'text lost']) + '\n');
  const line = (name: string, picked: DocumentScore[]): void => {
    const words = picked.reduce((total, score) => total + score.words, 0);
    const lost = picked.reduce((total, score) => total + score.lost, 0);
    out.write(
      row([
        name,
        share(sum(picked, (score) => score.measures)),
        share(sum(picked, (score) => score.sections)),
        withWrong(sum(picked, (score) => score.leads)),
        withWrong(sum(picked, (score) => score.dates)),
        withWrong(sum(picked, (score) => score.budgets)),
        withWrong(sum(picked, (score) => score.strategy)),
        `${lost}/${words} words`,
      ]) + '\n',
    );
  };
  for (const score of scores) line(score.name, [score]);
  line('overall', scores);
  const invalid = scores.filter((score) => score.yamlErrors > 0);
  out.write(`\nValid YAML: ${scores.length - invalid.length}/${scores.length} outputs.\n`);
  if (verbose) {
    for (const score of scores) {
      if (score.misses.length === 0 && score.lost === 0) continue;
      out.write(`\n${score.name}\n`);
      for (const miss of score.misses) out.write(`  ${miss}\n`);
      if (score.lost > 0) out.write(`  lost words: ${score.lostWords.join(' ')}\n`);
    }
  }
  return invalid.length > 0 || scores.some((score) => score.lost > 0) ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
