/**
 * How well an import matches what a careful reader finds in the document: measures found,
 * sections matched to the right recommendation, leads, due dates and budgets extracted
 * correctly, and words of the document missing from the strategy file (which must be none).
 */
import { parse } from 'yaml';
import { analyze } from '../../server/src/core/analyze';
import { ImportResult } from '../../server/src/import';
import { DraftMeasure } from '../../server/src/import/structure';
import { Schema } from '../../server/src/core/schema/types';
import { CorpusDocument, ExpectedMeasure } from './corpus';

export interface Tally {
  right: number;
  /** How many the document states (the denominator). */
  expected: number;
  /** Values given where the document states none, or a wrong value. */
  wrong: number;
}

export interface DocumentScore {
  name: string;
  measures: Tally;
  sections: Tally;
  leads: Tally;
  dates: Tally;
  budgets: Tally;
  /** The strategy block's fields from the title page. */
  strategy: Tally;
  words: number;
  lost: number;
  /** Some of the lost words, to find them. */
  lostWords: string[];
  yamlErrors: number;
  misses: string[];
}

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function normal(text: string): string {
  return words(text).join(' ');
}

/** Every value (not key) of the YAML, as text. */
function values(node: unknown, into: string[]): string[] {
  if (Array.isArray(node)) node.forEach((item) => values(item, into));
  else if (node !== null && typeof node === 'object') Object.values(node).forEach((value) => values(value, into));
  else if (node !== null && node !== undefined) into.push(String(node));
  return into;
}

/** Words of the source that the strategy file's values do not have, counted with repeats. */
export function lostWords(source: string, yamlText: string): { total: number; lost: string[] } {
  const have = new Map<string, number>();
  for (const word of words(values(parse(yamlText), []).join(' '))) have.set(word, (have.get(word) ?? 0) + 1);
  const lost: string[] = [];
  const sourceWords = words(source);
  for (const word of sourceWords) {
    const left = have.get(word) ?? 0;
    if (left > 0) have.set(word, left - 1);
    else lost.push(word);
  }
  return { total: sourceWords.length, lost };
}

function similar(a: string, b: string): boolean {
  const x = normal(a);
  const y = normal(b);
  if (x === y) return true;
  const setX = new Set(x.split(' '));
  const setY = new Set(y.split(' '));
  const common = [...setX].filter((word) => setY.has(word)).length;
  return common / Math.max(setX.size, setY.size) >= 0.75;
}

function tally(): Tally {
  return { right: 0, expected: 0, wrong: 0 };
}

function compare(into: Tally, expected: unknown, actual: unknown, same: (a: unknown, b: unknown) => boolean): boolean {
  if (expected === null || expected === undefined) {
    if (actual !== undefined) into.wrong++;
    return actual === undefined;
  }
  into.expected++;
  if (actual !== undefined && same(expected, actual)) {
    into.right++;
    return true;
  }
  if (actual !== undefined) into.wrong++;
  return false;
}

export function scoreImport(document: CorpusDocument, result: ImportResult, schema: Schema): DocumentScore {
  const score: DocumentScore = {
    name: document.name,
    measures: tally(),
    sections: tally(),
    leads: tally(),
    dates: tally(),
    budgets: tally(),
    strategy: tally(),
    words: 0,
    lost: 0,
    lostWords: [],
    yamlErrors: 0,
    misses: [],
  };
  // Measures and their fields are scored as the document's shape gave them, whether or not
  // the mapper then placed them in a section; sections are scored after the mapper.
  const found = result.structure.sections.flatMap((section) => section.measures);
  const unused = new Set<DraftMeasure>(found);
  for (const expected of document.expected.measures) {
    score.measures.expected++;
    const match = [...unused].find((measure) => similar(measure.title, expected.title));
    if (!match) {
      score.misses.push(`measure not found: ${expected.title}`);
      continue;
    }
    unused.delete(match);
    score.measures.right++;
    checkFields(score, expected, match);
  }
  score.measures.wrong = unused.size;
  for (const extra of unused) score.misses.push(`measure not in the document's list: ${extra.title}`);
  for (const expected of document.expected.sections) {
    score.sections.expected++;
    const holder = result.imported.sections.find((section) => section.headings.some((heading) => heading.split(' / ').some((part) => normal(part) === normal(expected.heading))));
    if (holder?.recommendation.section === expected.section) score.sections.right++;
    else score.misses.push(`section "${expected.heading}": ${holder ? holder.recommendation.section : 'not placed'}, expected ${expected.section}`);
  }
  const guess = result.imported.strategy;
  const expectedStrategy = document.expected.strategy;
  for (const field of ['title', 'government', 'level', 'period', 'status', 'lead'] as const) {
    const actual = guess[field];
    const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b) || (typeof a === 'string' && typeof b === 'string' && normal(a) === normal(b));
    if (!compare(score.strategy, expectedStrategy[field], actual, same)) score.misses.push(`strategy ${field}: ${JSON.stringify(actual) ?? 'none'}, expected ${JSON.stringify(expectedStrategy[field]) ?? 'none'}`);
  }
  const lost = lostWords(document.text, result.text);
  score.words = lost.total;
  score.lost = lost.lost.length;
  score.lostWords = lost.lost.slice(0, 20);
  score.yamlErrors = analyze(result.text, schema).findings.filter((finding) => finding.rule === 'yaml-syntax').length;
  return score;
}

function checkFields(score: DocumentScore, expected: ExpectedMeasure, measure: DraftMeasure): void {
  const { lead, due, budget } = measure.fields;
  if (!compare(score.leads, expected.lead, lead, (a, b) => normal(String(a)) === normal(String(b)))) score.misses.push(`lead of "${expected.title}": ${lead ?? 'none'}, expected ${expected.lead ?? 'none'}`);
  if (!compare(score.dates, expected.due, due, (a, b) => String(a) === String(b))) score.misses.push(`due of "${expected.title}": ${due ?? 'none'}, expected ${expected.due ?? 'none'}`);
  if (
    !compare(score.budgets, expected.budget, budget, (a, b) => {
      const x = a as ExpectedMeasure['budget'];
      const y = b as typeof budget;
      return x!.amount === y!.amount && x!.currency === y!.currency;
    })
  ) {
    score.misses.push(`budget of "${expected.title}": ${budget ? `${budget.amount} ${budget.currency}` : 'none'}, expected ${expected.budget ? `${expected.budget.amount} ${expected.budget.currency}` : 'none'}`);
  }
}

export function share(tally: Tally): string {
  if (tally.expected === 0) return '–';
  return `${tally.right}/${tally.expected} ${Math.round((100 * tally.right) / tally.expected)}%`;
}

export function sum(scores: readonly DocumentScore[], pick: (score: DocumentScore) => Tally): Tally {
  return scores.reduce((total, score) => {
    const one = pick(score);
    return { right: total.right + one.right, expected: total.expected + one.expected, wrong: total.wrong + one.wrong };
  }, tally());
}
