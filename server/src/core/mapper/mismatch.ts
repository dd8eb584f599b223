/**
 * When a declared clause is at odds with a measure's own words: the measure's title and
 * description give no evidence at all for it, while they clearly speak of other clauses.
 * Tuned for precision: a short or vague text (nothing stands out) is never a mismatch.
 */
import { Schema } from '../schema/types';
import { stemsOf } from './text';
import { ClauseSuggestion, MAX_FIELD_LENGTH, MeasureText, rankClauses, suggestClauses } from './index';

/** How strongly the text must speak of another clause before a declared one is doubted. */
export const CONFIDENT_SCORE = 4;
/** A text of fewer content words than this says too little to doubt what it declares. */
export const MIN_CONTENT_WORDS = 7;
/** A declared clause ranked this high is near the top, whatever its evidence. */
const NEAR_TOP = 3;


export interface Mismatch {
  /** The clauses the measure's text does support, best first (at most three). */
  supported: ClauseSuggestion[];
}

/**
 * Whether a measure's declared unit `ref` is a mismatch. The section summary is left out on
 * purpose: the question is what the measure itself says.
 */
export function clauseMismatch(input: MeasureText, ref: string, schema: Schema): Mismatch | undefined {
  const own = { title: input.title, description: input.description };
  if (stemsOf(`${own.title.slice(0, MAX_FIELD_LENGTH)}\n${(own.description ?? '').slice(0, MAX_FIELD_LENGTH)}`).length < MIN_CONTENT_WORDS) return undefined;
  const ranked = rankClauses(own, schema);
  const declared = ranked.find((entry) => entry.clause === ref);
  if (!declared || declared.rank === 1) return undefined;
  const supported = suggestClauses(own, schema, { limit: 3 }).filter((suggestion) => suggestion.clause !== ref);
  if (supported.length === 0 || supported[0].score < CONFIDENT_SCORE) return undefined;
  if (declared.evidence.length > 0 || declared.rank <= NEAR_TOP) return undefined;
  return { supported };
}
