/**
 * Clause references: `4`, `1.iii`, `10.v`, or with the part's numeral, `II.1.iii`.
 * Resolves what a drafter wrote against the schema, with a suggestion for a slip.
 */
import { CoverageUnit, Recommendation, Schema } from './schema/types';
import { excerpt } from './text/excerpt';
import { closest } from './text/suggest';

export type ClauseStatus = 'unit' | 'broad' | 'unknown';

export interface ClauseResolution {
  /** The reference as written (a number's source text, so `10.10` stays `10.10`). */
  written: string;
  status: ClauseStatus;
  /** The recommendation the reference names, when it names one that exists. */
  recommendation?: Recommendation;
  /** The coverage unit it covers, when status is `unit`. */
  unit?: CoverageUnit;
  /** For `unknown`: why, as a sentence a drafter understands. */
  reason?: string;
  /** For `unknown`: the reference the drafter most likely meant. */
  suggestion?: string;
}

const REFERENCE = /^(?:([IVXLCivxlc]+)\.)?(\d+)(?:\.([A-Za-z]+))?$/;
const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

export function romanValue(numeral: string): number {
  let total = 0;
  const lower = numeral.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const value = ROMAN_VALUES[lower[i]];
    if (value === undefined) return NaN;
    const next = ROMAN_VALUES[lower[i + 1]] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

function clauseRange(recommendation: Recommendation): string {
  const ids = recommendation.clauses.map((clause) => clause.id);
  return ids.length === 1 ? ids[0] : `${ids[0]}–${ids[ids.length - 1]}`;
}

/** Every reference a drafter may write, for suggestions: the units and the recommendation numbers. */
function allReferences(schema: Schema): string[] {
  const refs = schema.units.map((unit) => unit.ref);
  for (const recommendation of schema.recommendations) if (recommendation.clauses.length > 0) refs.push(String(recommendation.number));
  return refs;
}

export function resolveClause(written: string, schema: Schema): ClauseResolution {
  const text = written.trim();
  const match = REFERENCE.exec(text);
  if (!match) {
    const normalised = text.toLowerCase().replace(/[\s()]+/g, '.').replace(/\.+/g, '.').replace(/^\.|\.$/g, '');
    const suggestion = schema.unitByRef.has(normalised) ? normalised : closest(normalised, allReferences(schema));
    return {
      written: text,
      status: 'unknown',
      reason: `"${excerpt(text)}" is not a clause reference; write the recommendation's number and the clause's numeral, such as 1.iii`,
      suggestion,
    };
  }
  const [, numeral, numberText, sub] = match;
  const number = Number(numberText);
  const recommendation = schema.recommendationByNumber.get(number);
  if (!recommendation) {
    const last = schema.recommendations[schema.recommendations.length - 1]?.number ?? 0;
    return {
      written: text,
      status: 'unknown',
      reason: `Recommendation ${number} does not exist; the Recommendation has recommendations 1–${last}`,
      suggestion: sub ? closest(`${number}.${sub}`, allReferences(schema)) : undefined,
    };
  }
  const canonical = sub ? `${number}.${sub.toLowerCase()}` : String(number);
  if (numeral !== undefined && numeral !== recommendation.part.numeral) {
    const unit = schema.unitByRef.get(canonical);
    return {
      written: text,
      status: 'unknown',
      recommendation,
      reason:
        numeral.toUpperCase() === recommendation.part.numeral
          ? `The part numeral is written in capitals: ${recommendation.part.numeral}, not ${numeral}`
          : `Recommendation ${number} is in part ${recommendation.part.numeral} (${recommendation.part.key}), not part ${numeral}`,
      suggestion: unit || !sub ? `${recommendation.part.numeral}.${canonical}` : undefined,
    };
  }
  if (sub === undefined) {
    if (recommendation.clauses.length > 0) return { written: text, status: 'broad', recommendation };
    return { written: text, status: 'unit', recommendation, unit: recommendation.units[0] };
  }
  if (recommendation.clauses.length === 0) {
    return {
      written: text,
      status: 'unknown',
      recommendation,
      reason: `Recommendation ${number} has no sub-clauses`,
      suggestion: numeral ? `${numeral}.${number}` : String(number),
    };
  }
  const clause = recommendation.clauses.find((candidate) => candidate.id === sub);
  if (clause) return { written: text, status: 'unit', recommendation, unit: schema.unitByRef.get(clause.ref) };
  return {
    written: text,
    status: 'unknown',
    recommendation,
    reason: `Clause ${number}.${sub} does not exist in recommendation ${number} (${clauseRange(recommendation)})`,
    suggestion: (numeral ? `${numeral}.` : '') + suggestClause(recommendation, sub),
  };
}

/** The clause of a recommendation nearest to a numeral that it does not have. */
function suggestClause(recommendation: Recommendation, sub: string): string {
  const lower = sub.toLowerCase();
  const exact = recommendation.clauses.find((clause) => clause.id === lower);
  if (exact) return exact.ref;
  const value = romanValue(lower);
  if (!Number.isNaN(value)) {
    let best = recommendation.clauses[0];
    for (const clause of recommendation.clauses) {
      if (Math.abs(romanValue(clause.id) - value) < Math.abs(romanValue(best.id) - value)) best = clause;
    }
    return best.ref;
  }
  const id = closest(lower, recommendation.clauses.map((clause) => clause.id), 1) ?? recommendation.clauses[0].id;
  return `${recommendation.number}.${id}`;
}
