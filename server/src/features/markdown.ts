/** Markdown building blocks shared by hover and completion documentation. */
import { Clause, Part, Recommendation, Schema } from '../core/schema/types';

/**
 * Escapes the characters Markdown would read as formatting, so that the Recommendation's
 * text shows exactly as written. Its text has none of them today; a national schema may.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (character) => `\\${character}`);
}

export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text}${fence}`;
}

/**
 * "Part II (`objectives`), short title: Objectives of the strategy". The titles of parts and
 * recommendations are the project's short titles, not the instrument's: a heading next to
 * the verbatim text says so.
 */
export function partHeading(part: Part): string {
  return `Part ${part.numeral} (${code(part.key)}), short title: ${escapeMarkdown(part.title)}`;
}

export function recommendationHeading(recommendation: Recommendation): string {
  return `Recommendation ${recommendation.number}, short title: ${escapeMarkdown(recommendation.title)}`;
}

/** Said once where short titles sit next to the verbatim text. */
export const SHORT_TITLES_NOTE = "Short titles are dgs's own; the quoted text is the Recommendation's, verbatim.";

/** The instrument's name, for attributions. */
export function instrumentName(schema: Schema): string {
  return escapeMarkdown(schema.instrument.id);
}

/** The part's lead-in and the recommendation's numbered text, verbatim: what a clause is read under. */
export function recommendationLeadIn(recommendation: Recommendation): string[] {
  return [escapeMarkdown(recommendation.part.leadIn), `**${recommendation.number}.** ${escapeMarkdown(recommendation.text)}`];
}

export function clauseLine(clause: Clause): string {
  return `**${clause.id})** ${escapeMarkdown(clause.text)}`;
}
