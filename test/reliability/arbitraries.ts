/**
 * The generators of the property tests: arbitrary text, YAML token soup, mutations of the
 * examples, and drafts broken the way drafters break them (what the quick fixes repair).
 */
import * as fc from 'fast-check';
import { examples, toCrlf } from './helpers';

/** Any UTF-16 code unit: lone surrogates, NUL and every control character included. */
export const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
/** Characters that mean something to YAML, weighted up so that random text is often almost YAML. */
const yamlChar = fc.constantFrom(...'-:[]{},#&*!|>\'"%@`? \n\r\t.0123456789abcxyz\u00e9\u2028\ufeff\u0000'.split(''), '\r\n', '\ud83d\ude00');
export const anyText = fc.string({ unit: fc.oneof({ weight: 1, arbitrary: codeUnit }, { weight: 3, arbitrary: yamlChar }), maxLength: 400 });

const KEYS = ['strategy', 'title', 'government', 'level', 'period', 'from', 'to', 'status', 'lead', 'adopted-on', 'business-case-threshold', 'amount', 'currency', 'objectives', 'development', 'implementation', 'openness', 'engagement', 'data-driven-culture', 'security-and-privacy', 'leadership', 'coherence', 'governance', 'procurement', 'summary', 'measures', 'id', 'addresses', 'depends-on', 'indicators', 'name', 'target', 'by', 'due', 'budget', 'business-case', 'stakeholders', 'x-note', '__proto__'];
const TOKENS = ['- ', ': ', ':', '? ', '[', ']', '{', '}', ', ', '&a ', '*a', '&b ', '*b', '!!str ', '!include ', '| ', '> ', '# c', '\n', '\r\n', '  ', '    ', '\t', '"', "'", '---\n', '...\n', '%YAML 1.2\n', '~', 'null', 'TODO', '2026', '2026-13', '1.i', 'II.1.iii', '10.v', '4', 'OPN-1', 'EUR', '1e9', '-1', 'national', 'adopted', '\u00e9', '\ud83d\ude00', '\u0000'];
export const tokenSoup = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.constantFrom(...KEYS)), { maxLength: 120 }).map((tokens) => tokens.join(''));

export const EXAMPLES = examples();
const EXAMPLE_NAMES = Object.keys(EXAMPLES);

type Mutation =
  | { kind: 'delete-lines'; at: number; count: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; at: number; other: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'indent'; at: number; by: number }
  | { kind: 'replace-char'; at: number; text: string }
  | { kind: 'truncate'; at: number };

/** Positions are fractions of the text, so one mutation fits any example. */
const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
function mutation(insertable: fc.Arbitrary<string>): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ kind: fc.constant('delete-lines' as const), at: fraction, count: fc.integer({ min: 1, max: 12 }) }),
    fc.record({ kind: fc.constant('duplicate-line' as const), at: fraction }),
    fc.record({ kind: fc.constant('swap-lines' as const), at: fraction, other: fraction }),
    fc.record({ kind: fc.constant('insert' as const), at: fraction, text: insertable }),
    fc.record({ kind: fc.constant('indent' as const), at: fraction, by: fc.integer({ min: -4, max: 4 }) }),
    fc.record({ kind: fc.constant('replace-char' as const), at: fraction, text: insertable }),
    fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
  );
}

export function mutate(text: string, mutations: Mutation[]): string {
  for (const change of mutations) {
    const lines = text.split('\n');
    const line = Math.floor(change.at * lines.length);
    const offset = Math.floor(change.at * text.length);
    switch (change.kind) {
      case 'delete-lines':
        lines.splice(line, change.count);
        text = lines.join('\n');
        break;
      case 'duplicate-line':
        lines.splice(line, 0, lines[line] ?? '');
        text = lines.join('\n');
        break;
      case 'swap-lines': {
        const other = Math.floor(change.other * lines.length);
        [lines[line], lines[other]] = [lines[other], lines[line]];
        text = lines.join('\n');
        break;
      }
      case 'insert':
        text = text.slice(0, offset) + change.text + text.slice(offset);
        break;
      case 'indent':
        lines[line] = change.by >= 0 ? ' '.repeat(change.by) + (lines[line] ?? '') : (lines[line] ?? '').replace(new RegExp(`^ {0,${-change.by}}`), '');
        text = lines.join('\n');
        break;
      case 'replace-char':
        text = text.slice(0, offset) + change.text + text.slice(offset + 1);
        break;
      case 'truncate':
        text = text.slice(0, Math.max(offset, Math.floor(text.length / 2)));
        break;
    }
  }
  return text;
}

const insertable = fc.oneof(fc.constantFrom(...TOKENS), fc.constantFrom(...KEYS), fc.string({ unit: codeUnit, maxLength: 4 }));
/** Insertions without line breaks of their own, so that a text is all LF and converts to CRLF exactly. */
const lfInsertable = insertable.filter((text) => !/[\r\u2028\u2029\u0085]/.test(text));

export const mutatedExample = fc.record({ name: fc.constantFrom(...EXAMPLE_NAMES), mutations: fc.array(mutation(insertable), { minLength: 1, maxLength: 6 }) }).map(({ name, mutations }) => ({ name, mutations, text: mutate(EXAMPLES[name], mutations) }));
export const mutatedLfExample = fc.record({ name: fc.constantFrom(...EXAMPLE_NAMES), mutations: fc.array(mutation(lfInsertable), { minLength: 0, maxLength: 6 }) }).map(({ name, mutations }) => ({ name, mutations, text: mutate(EXAMPLES[name], mutations) }));

/** Mutations a drafter makes, which the quick fixes are there to repair. */
export const DRAFT_EDITS = [
  // A section or a part taken out (the quick fix inserts it).
  (text: string, at: number) => {
    const sections = [...text.matchAll(/^ {2}[a-z-]+:\n(?: {4}.*\n|\n)*/gm)];
    if (sections.length === 0) return text;
    const section = sections[Math.floor(at * sections.length)];
    return text.slice(0, section.index) + text.slice(section.index! + section[0].length);
  },
  (text: string, at: number) => {
    const parts = [...text.matchAll(/^(objectives|development|implementation):\n(?:[ #].*\n|\n)*/gm)];
    if (parts.length === 0) return text;
    const part = parts[Math.floor(at * parts.length)];
    return text.slice(0, part.index) + text.slice(part.index! + part[0].length);
  },
  // A misspelled key (the quick fix suggests the right one).
  (text: string, at: number) => {
    const keys = [...text.matchAll(/^( +)([a-z][a-z-]{3,}):/gm)];
    if (keys.length === 0) return text;
    const key = keys[Math.floor(at * keys.length)];
    const name = key[2];
    const misspelled = name.slice(0, 1) + name.slice(2, 3) + name.slice(1, 2) + name.slice(3);
    return text.slice(0, key.index! + key[1].length) + misspelled + text.slice(key.index! + key[1].length + name.length);
  },
  // A clause reference with a slip (the quick fix suggests the closest).
  (text: string, at: number) => {
    const references = [...text.matchAll(/\b(\d{1,2})\.(i{1,3}|iv|v)\b/g)];
    if (references.length === 0) return text;
    const reference = references[Math.floor(at * references.length)];
    return text.slice(0, reference.index) + `${reference[1]}.${reference[2]}x` + text.slice(reference.index! + reference[0].length);
  },
  // A measure removed (the quick fix adds one for the clause left unaddressed).
  (text: string, at: number) => {
    const measures = [...text.matchAll(/^ {6}- id: .*\n(?: {8}.*\n)*/gm)];
    if (measures.length === 0) return text;
    const measure = measures[Math.floor(at * measures.length)];
    return text.slice(0, measure.index) + text.slice(measure.index! + measure[0].length);
  },
  // A comment in an odd place, which no fix may lose.
  (text: string, at: number) => {
    const lines = text.split('\n');
    const line = Math.floor(at * lines.length);
    lines.splice(line, 0, `${' '.repeat(Math.floor(at * 7))}# a drafter's note ${line}`);
    return lines.join('\n');
  },
];

export interface DraftRecipe {
  name: string;
  edits: Array<{ edit: number; at: number }>;
  crlf: boolean;
}

/** A draft as a recipe (an example and the edits made to it), so that a failure prints short. */
export const draft: fc.Arbitrary<DraftRecipe> = fc.record({
  name: fc.constantFrom(...EXAMPLE_NAMES),
  edits: fc.array(fc.record({ edit: fc.integer({ min: 0, max: DRAFT_EDITS.length - 1 }), at: fraction }), { minLength: 1, maxLength: 5 }),
  crlf: fc.boolean(),
});

export function draftText(recipe: DraftRecipe): string {
  let text = EXAMPLES[recipe.name];
  for (const { edit, at } of recipe.edits) text = DRAFT_EDITS[edit](text, at);
  return recipe.crlf ? toCrlf(text) : text;
}
