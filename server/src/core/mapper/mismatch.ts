/**
 * When a declared clause is at odds with a measure's own words: the measure's title and
 * description give no evidence at all for it, while they clearly speak of other clauses
 * that are not its close relatives. Tuned for precision: every doubt is resolved in
 * favour of the drafter (docs/mapping.md).
 */
import { Schema } from '../schema/types';
import { stemsOf } from './text';
import { ClauseSuggestion, MeasureText, rankClauses, ranksOf, suggestClauses } from './index';

/**
 * How strongly the text must speak of another clause before a declared one is doubted: about
 * a phrase of the vocabulary found whole in the title, or several of a clause's words.
 */
export const CONFIDENT_SCORE = 6;
/**
 * Evidence that weighs less than this share of the best supported clause's score is a
 * stray word ("data", "managing"), not a sign that the text speaks of the declared clause.
 */
export const STRAY_SHARE = 0.1;
/** A text of fewer content words than this says too little to doubt what it declares. */
export const MIN_CONTENT_WORDS = 7;
/** A declared clause ranked this high is near the top, whatever its evidence. */
const NEAR_TOP = 3;

export interface Mismatch {
  /** The clauses the measure's text does support, best first (at most three). */
  supported: ClauseSuggestion[];
  /** The few stray words of the text that match the declared clause, if any. */
  stray: string[];
}

/**
 * Whether two units are close relatives, which a measure commonly answers together: two
 * sub-clauses of one recommendation, or units the vocabulary lists as related.
 */
export function relatedUnits(schema: Schema, a: string, b: string, siblings = true): boolean {
  const one = schema.unitByRef.get(a);
  const other = schema.unitByRef.get(b);
  if (!one || !other || a === b) return false;
  if (siblings && one.clause && other.clause && one.recommendation === other.recommendation) return true;
  return schema.vocabulary?.units.get(a)?.related.includes(b) ?? false;
}

/**
 * Whether matched words can be stray: a word of the clause's legal text ("allowing",
 * "data") or a piece of one of its phrases, never a phrase found whole nor a term of one
 * word that the vocabulary lists for the unit (the vocabulary's author meant it as evidence).
 */
function isStray(words: string, ref: string, schema: Schema): boolean {
  const stems = stemsOf(words);
  if (stems.length !== 1) return false;
  const terms = schema.vocabulary?.units.get(ref)?.terms ?? [];
  return !terms.some((term) => {
    const own = stemsOf(term);
    return own.length === 1 && own[0] === stems[0];
  });
}

/**
 * Whether a measure's declared unit `ref` is a mismatch. All of these must hold:
 * - the title and description have at least MIN_CONTENT_WORDS content words;
 * - the clause the text supports best scores at least CONFIDENT_SCORE;
 * - the declared unit ranks below third, and the text gives it no evidence: not one word, or
 *   only stray words (isStray) that weigh less than STRAY_SHARE of the best supported clause;
 * - it is no close relative of what the text clearly supports: not a sibling of the best
 *   supported clause, not listed as related to any supported clause that scores at least
 *   CONFIDENT_SCORE too (a weak third suggestion shields nothing).
 * The section summary is left out on purpose: the question is what the measure itself says.
 */
export function clauseMismatch(input: MeasureText, ref: string, schema: Schema): Mismatch | undefined {
  return clauseMismatches(input, [ref], schema)[0];
}

/** clauseMismatch for each of the units a measure declares, its text read once. */
export function clauseMismatches(input: MeasureText, refs: string[], schema: Schema): Array<Mismatch | undefined> {
  const own = { title: input.title, description: input.description };
  // Most declared clauses rank near the top: the scores alone say so, without the evidence.
  const { ranks, contentWords } = ranksOf(own, refs, schema);
  if (contentWords < MIN_CONTENT_WORDS) return refs.map(() => undefined);
  return refs.map((ref, at) => {
    const rank = ranks[at];
    return rank === undefined || rank <= NEAR_TOP ? undefined : doubted(own, ref, schema);
  });
}

/** The rest of clauseMismatch's conditions, for a declared unit that ranks below third. */
function doubted(own: MeasureText, ref: string, schema: Schema): Mismatch | undefined {
  const declared = rankClauses(own, schema).find((entry) => entry.clause === ref);
  if (!declared) return undefined;
  const supported = suggestClauses(own, schema, { limit: 3 }).filter((suggestion) => suggestion.clause !== ref);
  if (supported.length === 0 || supported[0].score < CONFIDENT_SCORE) return undefined;
  if (declared.evidence.length > 0 && (declared.score > STRAY_SHARE * supported[0].score || !declared.evidence.every((words) => isStray(words, ref, schema)))) return undefined;
  if (relatedUnits(schema, supported[0].clause, ref)) return undefined;
  const clearly = supported.filter((suggestion) => suggestion.score >= CONFIDENT_SCORE);
  if (clearly.some((suggestion) => relatedUnits(schema, suggestion.clause, ref, false))) return undefined;
  return { supported, stray: [...declared.evidence] };
}
