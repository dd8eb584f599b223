/**
 * The clause mapper: which coverage units a measure's words speak of. Each unit is a
 * document made of its clause text (verbatim, from the schema) and its vocabulary (the
 * terms strategies use, from NAME.vocabulary.yaml); a measure's title, description and
 * section summary are the query. Ranking is Okapi BM25 over word stems, plus a bonus for
 * each phrase of the vocabulary found whole. Every score comes with its evidence: the words
 * of the measure that matched. Pure and deterministic: no network, no model, no state but
 * a per-schema index, kept with the schema (schema.derived), and its bounded cache of results.
 */
import { CoverageUnit, Schema, UnitVocabulary } from '../schema/types';
import { phraseStemsOf, StemMemo, stemsOf, Token, tokenize } from './text';

export interface MeasureText {
  title: string;
  description?: string;
  /** The text around the measure, such as its section's summary: it counts less. */
  context?: string;
}

export interface ClauseSuggestion {
  /** The coverage unit, as a clause reference: `7.i`, `4`. */
  clause: string;
  score: number;
  /** The words of the input that matched, as written (a matched phrase whole), strongest first. */
  evidence: string[];
}

export interface SuggestOptions {
  /** How many suggestions at most (default 5). */
  limit?: number;
}

/** One unit's standing for a measure: every unit gets one, in rank order. */
export interface RankedUnit extends ClauseSuggestion {
  unit: CoverageUnit;
  /** 1 for the best. */
  rank: number;
}

/** How strongly each part of the input counts. The title says most about what a measure does. */
const FIELD_WEIGHT = { title: 1.0, description: 0.7, context: 0.25 } as const;
/** BM25's term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.5;
/** How the recommendation's own lead text counts in each of its clauses' documents. */
const LEAD_WEIGHT = 0.5;
/** How each word of a phrase of the vocabulary counts on its own: less than a term of one word. */
const PHRASE_WORD_WEIGHT = 0.5;
/** What a phrase found whole adds, per stem, on top of its words. */
const PHRASE_WEIGHT = 0.8;
/** A suggestion must reach this score, and this share of the best one. */
export const MIN_SUGGESTION_SCORE = 1.5;
const MIN_SHARE_OF_BEST = 0.25;
/** What is read of each field: a measure's text is a paragraph, not a file. */
export const MAX_FIELD_LENGTH = 4000;
/** Results kept per schema, by measure text, before the cache starts afresh. */
const CACHE_SIZE = 4000;

interface Phrase {
  /** Every word's stem, stop words included, matched whole. */
  stems: string[];
  /** The stems of its content words. */
  content: string[];
  /** Its unit's position in the index's documents. */
  document: number;
}

interface UnitDocument {
  unit: CoverageUnit;
  vocabulary?: UnitVocabulary;
  /** Weighted term frequencies of the stems. */
  tf: Map<string, number>;
  /** The stems that stand on their own here: of the clause text, or a term of one word (not only inside a phrase). */
  standalone: Set<string>;
  length: number;
}

interface MapperIndex {
  documents: UnitDocument[];
  /** Every phrase of the vocabulary, by its first stem. */
  phrasesByFirst: Map<string, Phrase[]>;
  /** The documents that have each stem, by position, in order. */
  postings: Map<string, number[]>;
  stems: StemMemo;
  idf: Map<string, number>;
  averageLength: number;
  generic: Set<string>;
  results: Map<string, RankedUnit[]>;
  /** What the index was built from: a copy of the schema with another vocabulary builds its own. */
  units: Schema['units'];
  vocabulary: Schema['vocabulary'];
}

declare module '../schema/types' {
  interface SchemaDerived {
    mapper?: MapperIndex;
  }
}

function addStems(tf: Map<string, number>, stems: string[], weight: number): number {
  for (const stem of stems) tf.set(stem, (tf.get(stem) ?? 0) + weight);
  return stems.length * weight;
}

/** The index of a schema, built once per schema object and kept with it (a schema is never changed once loaded). */
function indexOf(schema: Schema): MapperIndex {
  const known = schema.derived.mapper;
  if (known && known.units === schema.units && known.vocabulary === schema.vocabulary) return known;
  const generic = new Set((schema.vocabulary?.generic ?? []).flatMap(stemsOf));
  const phrasesByFirst = new Map<string, Phrase[]>();
  const documents: UnitDocument[] = schema.units.map((unit, position) => {
    const vocabulary = schema.vocabulary?.units.get(unit.ref);
    const tf = new Map<string, number>();
    const own = stemsOf(unit.text);
    const lead = unit.clause ? stemsOf(unit.recommendation.text) : [];
    let length = addStems(tf, own, 1) + addStems(tf, lead, LEAD_WEIGHT);
    const standalone = new Set([...own, ...lead]);
    for (const term of vocabulary?.terms ?? []) {
      const stems = stemsOf(term);
      const whole = phraseStemsOf(term);
      length += addStems(tf, stems, whole.length > 1 ? PHRASE_WORD_WEIGHT : 1);
      if (whole.length < 2) {
        stems.forEach((stem) => standalone.add(stem));
        continue;
      }
      const starting = phrasesByFirst.get(whole[0]) ?? [];
      starting.push({ stems: whole, content: stems, document: position });
      phrasesByFirst.set(whole[0], starting);
    }
    for (const stem of generic) tf.delete(stem);
    return { unit, vocabulary, tf, standalone, length };
  });
  const df = new Map<string, number>();
  for (const document of documents) for (const stem of document.tf.keys()) df.set(stem, (df.get(stem) ?? 0) + 1);
  const n = documents.length;
  const idf = new Map<string, number>();
  for (const [stem, count] of df) idf.set(stem, Math.log(1 + (n - count + 0.5) / (count + 0.5)));
  const averageLength = documents.reduce((sum, document) => sum + document.length, 0) / Math.max(1, n);
  const postings = new Map<string, number[]>();
  documents.forEach((document, position) => {
    for (const stem of document.tf.keys()) {
      const list = postings.get(stem);
      if (list) list.push(position);
      else postings.set(stem, [position]);
    }
  });
  const index: MapperIndex = { documents, phrasesByFirst, postings, stems: new Map(), idf, averageLength, generic, results: new Map(), units: schema.units, vocabulary: schema.vocabulary };
  schema.derived.mapper = index;
  return index;
}

interface QueryField {
  text: string;
  tokens: Token[];
  weight: number;
}

/** Whether a run of stems occurs whole in a field's tokens at `start`. */
function phraseAt(tokens: Token[], start: number, stems: string[]): boolean {
  if (start + stems.length > tokens.length) return false;
  for (let i = 0; i < stems.length; i++) if (tokens[start + i].stem !== stems[i]) return false;
  return true;
}

/** The phrases of the vocabulary found in the fields. */
interface PhraseMatches {
  /** What the phrases add, by unit: each phrase once, in its strongest field. */
  byDocument: Map<number, Contribution[]>;
  /** For each content stem of the input, whether every use of it is inside a matched phrase, and of which units. */
  insideOf: Map<string, Set<number> | 'free'>;
}

function matchPhrases(fields: QueryField[], index: MapperIndex): PhraseMatches {
  const best = new Map<Phrase, Contribution>();
  const insideOf = new Map<string, Set<number> | 'free'>();
  for (const field of fields) {
    // The units whose matched phrases cover each token (most tokens are in none).
    const covering: Array<Set<number> | undefined> = new Array(field.tokens.length);
    field.tokens.forEach((token, start) => {
      for (const phrase of index.phrasesByFirst.get(token.stem) ?? []) {
        if (!phraseAt(field.tokens, start, phrase.stems)) continue;
        for (let i = 0; i < phrase.stems.length; i++) (covering[start + i] ??= new Set<number>()).add(phrase.document);
        // A stop word in a phrase counts like a common word: "once-only" is two words.
        const idf = phrase.stems.reduce((sum, stem) => sum + Math.max(index.idf.get(stem) ?? 0, 0.5), 0);
        const value = PHRASE_WEIGHT * field.weight * idf;
        if ((best.get(phrase)?.value ?? -1) >= value) continue;
        // The phrase as written, hyphens and all ("one-stop shop"), on one line.
        const words = field.text.slice(token.start, field.tokens[start + phrase.stems.length - 1].end).replace(/\s+/g, ' ');
        best.set(phrase, { words, value, stems: phrase.content, phrase: true });
      }
    });
    field.tokens.forEach((token, at) => {
      if (token.stop) return;
      const before = insideOf.get(token.stem);
      if (before === 'free') return;
      const units = covering[at];
      if (!units) insideOf.set(token.stem, 'free');
      else insideOf.set(token.stem, new Set([...(before ?? []), ...units]));
    });
  }
  const byDocument = new Map<number, Contribution[]>();
  for (const [phrase, contribution] of best) {
    const list = byDocument.get(phrase.document) ?? [];
    list.push(contribution);
    byDocument.set(phrase.document, list);
  }
  return { byDocument, insideOf };
}

/**
 * Whether a word of the input says nothing of a unit although the unit's document has its
 * stem: the unit knows the word only inside its phrases ("open" in "open source"), and the
 * input uses it only inside a phrase of other units ("Open data portal"). One sense per
 * phrase: the word means what the phrase around it means.
 */
function usedInAnotherSense(stem: string, position: number, document: UnitDocument, phrases: PhraseMatches): boolean {
  if (document.standalone.has(stem)) return false;
  const inside = phrases.insideOf.get(stem);
  return inside !== undefined && inside !== 'free' && !inside.has(position);
}

/** A measure's text as a query: each stem's weight, the word it was first written as, and the phrases found. */
interface Query {
  weights: Map<string, number>;
  written: Map<string, string>;
  phrases: PhraseMatches;
  /** How many content words (stop words left out) the text has, repetitions included. */
  contentWords: number;
}

function queryOf(input: MeasureText, index: MapperIndex): Query {
  const fields: QueryField[] = [
    { text: input.title ?? '', weight: FIELD_WEIGHT.title },
    { text: input.description ?? '', weight: FIELD_WEIGHT.description },
    { text: input.context ?? '', weight: FIELD_WEIGHT.context },
  ].map((field) => ({ ...field, tokens: tokenize(field.text, index.stems) }));
  // Each stem's weight in the query (its strongest field, plus a little per repetition),
  // and the word it was first written as, for evidence.
  const weights = new Map<string, number>();
  const written = new Map<string, string>();
  let contentWords = 0;
  for (const field of fields) {
    for (const token of field.tokens) {
      if (!token.stop) contentWords++;
      if (token.stop || index.generic.has(token.stem)) continue;
      const before = weights.get(token.stem);
      weights.set(token.stem, before === undefined ? field.weight : Math.max(before, field.weight) + 0.1 * field.weight);
      if (!written.has(token.stem)) written.set(token.stem, token.word);
    }
  }
  return { weights, written, phrases: matchPhrases(fields, index), contentWords };
}

/** What a stem of the query, of this weight, adds to a unit's score (BM25); undefined when the unit does not count it. */
function termValue(query: Query, stem: string, weight: number, position: number, index: MapperIndex): number | undefined {
  const document = index.documents[position];
  const tf = document.tf.get(stem);
  if (!tf || usedInAnotherSense(stem, position, document, query.phrases)) return undefined;
  const normaliser = K1 * (1 - B + (B * document.length) / index.averageLength);
  return weight * (index.idf.get(stem) ?? 0) * ((tf * (K1 + 1)) / (tf + normaliser));
}

/** A unit's score for a query (BM25, plus its phrases); what made it, into `contributions` when given. */
function scoreOf(query: Query, position: number, index: MapperIndex, contributions?: Contribution[]): number {
  let score = 0;
  for (const [stem, weight] of query.weights) {
    const value = termValue(query, stem, weight, position, index);
    if (value === undefined) continue;
    contributions?.push({ words: query.written.get(stem)!, value, stems: [stem], phrase: false });
    score += value;
  }
  for (const phrase of query.phrases.byDocument.get(position) ?? []) {
    contributions?.push(phrase);
    score += phrase.value;
  }
  return score;
}

/**
 * Every unit's score for a query, as scoreOf gives it, read from the documents that have
 * each stem rather than from every document: each score adds the same values in the same
 * order, so it is the same number.
 */
function scoresOf(query: Query, index: MapperIndex): number[] {
  const scores = new Array<number>(index.documents.length).fill(0);
  for (const [stem, weight] of query.weights) {
    for (const position of index.postings.get(stem) ?? []) {
      const value = termValue(query, stem, weight, position, index);
      if (value !== undefined) scores[position] += value;
    }
  }
  for (const [position, phrases] of query.phrases.byDocument) for (const phrase of phrases) scores[position] += phrase.value;
  return scores;
}

function rank(input: MeasureText, index: MapperIndex): RankedUnit[] {
  const query = queryOf(input, index);
  const scored = index.documents.map((document, position) => {
    const contributions: Contribution[] = [];
    const score = scoreOf(query, position, index, contributions);
    return { document, score, evidence: evidenceOf(contributions), position };
  });
  scored.sort((a, b) => b.score - a.score || a.position - b.position);
  return scored.map((entry, at) => ({
    clause: entry.document.unit.ref,
    unit: entry.document.unit,
    score: Math.round(entry.score * 1000) / 1000,
    evidence: entry.evidence,
    rank: at + 1,
  }));
}

/** What one matched word or phrase adds to a unit's score. */
interface Contribution {
  words: string;
  value: number;
  /** The content stems it covers. */
  stems: string[];
  phrase: boolean;
}

/** The matched words, strongest first; a word inside a matched phrase is shown with the phrase only. */
function evidenceOf(contributions: Contribution[]): string[] {
  const phrases = contributions.filter((contribution) => contribution.phrase).sort((a, b) => b.value - a.value);
  const covered = new Set(phrases.flatMap((phrase) => phrase.stems));
  const words = contributions.filter((contribution) => !contribution.phrase && !covered.has(contribution.stems[0]));
  // Phrases that are part of a longer matched phrase add nothing to read.
  const shown: string[] = [];
  for (const phrase of phrases) {
    const lower = phrase.words.toLowerCase();
    if (!shown.some((other) => other.toLowerCase().includes(lower))) shown.push(phrase.words);
  }
  const ordered = [...phrases.filter((phrase) => shown.includes(phrase.words)), ...words].sort((a, b) => b.value - a.value);
  return [...new Set(ordered.map((contribution) => contribution.words))];
}

function resultKey(input: MeasureText): string {
  return `${input.title ?? ''}\u0000${input.description ?? ''}\u0000${input.context ?? ''}`;
}

/** What is read of a measure's text. */
function bounded(whole: MeasureText): MeasureText {
  return {
    title: (whole.title ?? '').slice(0, MAX_FIELD_LENGTH),
    description: whole.description?.slice(0, MAX_FIELD_LENGTH),
    context: whole.context?.slice(0, MAX_FIELD_LENGTH),
  };
}

/**
 * Every coverage unit of the schema, ranked for a measure's text, each with its score and
 * evidence. Computed once per text and schema.
 */
export function rankClauses(whole: MeasureText, schema: Schema): RankedUnit[] {
  const index = indexOf(schema);
  const input = bounded(whole);
  const key = resultKey(input);
  const cached = index.results.get(key);
  if (cached) return cached;
  const ranked = rank(input, index);
  if (index.results.size >= CACHE_SIZE) index.results.clear();
  index.results.set(key, ranked);
  return ranked;
}

/**
 * The rank each of some units gets for a measure's text in rankClauses (1 for the best),
 * undefined for a unit the schema does not have, and how many content words the text has:
 * from the scores alone, without evidence, and nothing kept. The mismatch rule asks this of
 * the clauses every measure declares, and most rank near the top.
 */
export function ranksOf(whole: MeasureText, refs: string[], schema: Schema): { ranks: Array<number | undefined>; contentWords: number } {
  const index = indexOf(schema);
  const input = bounded(whole);
  const query = queryOf(input, index);
  const known = index.results.get(resultKey(input));
  if (known) return { ranks: refs.map((ref) => known.find((entry) => entry.clause === ref)?.rank), contentWords: query.contentWords };
  const scores = scoresOf(query, index);
  const ranks = refs.map((ref) => {
    const target = index.documents.findIndex((document) => document.unit.ref === ref);
    if (target < 0) return undefined;
    // As rankClauses sorts: by score, then in the schema's order.
    let rank = 1;
    scores.forEach((score, position) => {
      if (score > scores[target] || (score === scores[target] && position < target)) rank++;
    });
    return rank;
  });
  return { ranks, contentWords: query.contentWords };
}

/**
 * The clauses a measure's text supports, best first: those with evidence that score
 * enough, at most `limit` (5 by default). The importer and the editor use this.
 */
export function suggestClauses(input: MeasureText, schema: Schema, options: SuggestOptions = {}): ClauseSuggestion[] {
  const limit = options.limit ?? 5;
  const ranked = rankClauses(input, schema);
  const best = ranked[0]?.score ?? 0;
  return ranked
    .filter((entry) => entry.score >= MIN_SUGGESTION_SCORE && entry.score >= best * MIN_SHARE_OF_BEST && entry.evidence.length > 0)
    .slice(0, Math.max(0, limit))
    .map(({ clause, score, evidence }) => ({ clause, score, evidence: [...evidence] }));
}

/** The short label of a unit in the project's words, when the vocabulary has one. */
export function gistOf(schema: Schema, ref: string): string | undefined {
  return schema.vocabulary?.units.get(ref)?.gist;
}
