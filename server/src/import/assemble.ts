/**
 * The document's structure → a strategy: each section is matched to a recommendation by
 * the clause mapper over its heading and text, each measure's `addresses` are the mapper's
 * best suggestions for it, and what cannot be matched is kept as unplaced text.
 */
import { resolveClause } from '../core/clauses';
import { Recommendation, Schema } from '../core/schema/types';
import { freeMeasureId } from '../core/templates';
import { MeasureFields } from './fields';
import { DocumentStructure, DraftMeasure, DraftSection, UnplacedText } from './structure';
import { StrategyGuess } from './strategyBlock';

/** The clause mapper's contract (server/src/core/mapper): suggestions for a text, best first. */
export interface ClauseSuggestion {
  clause: string;
  score: number;
  evidence: string[];
}
export type SuggestClauses = (
  input: { title: string; description?: string; context?: string },
  schema: Schema,
  options?: { limit?: number },
) => ClauseSuggestion[];

/** How many clauses a measure's `addresses` gets at most, and how close to the best one they must score. */
const MAX_ADDRESSES = 3;
const ADDRESS_SCORE_SHARE = 0.6;

export interface ImportedMeasure {
  id: string;
  ref?: string;
  title: string;
  description?: string;
  addresses: string[];
  fields: MeasureFields;
}

export interface ImportedSection {
  recommendation: Recommendation;
  /** The document's headings this section was made from, as "Part / Section". */
  headings: string[];
  summary: string[];
  measures: ImportedMeasure[];
}

export interface ImportedStrategy {
  strategy: StrategyGuess;
  /** In the schema's order. */
  sections: ImportedSection[];
  unplaced: UnplacedText[];
  /** Whether a clause mapper was there to match sections and fill `addresses`. */
  mapped: boolean;
}

function recommendationOf(clause: string, schema: Schema): Recommendation | undefined {
  return resolveClause(clause, schema).recommendation;
}

function sectionInput(section: DraftSection): { title: string; description?: string; context?: string } {
  const title = section.path[section.path.length - 1] ?? '';
  const description = [...section.summary, ...section.measures.map((measure) => measure.title)].join('\n');
  const context = section.path.slice(0, -1).join(' / ');
  return { title, ...(description !== '' ? { description } : {}), ...(context !== '' ? { context } : {}) };
}

/** How much the section's own heading and prose count against one measure's text in choosing its recommendation. */
const SECTION_TEXT_WEIGHT = 1.5;

/**
 * The recommendation a section answers: the mapper is asked about the section's heading and
 * prose, and about each of its measures; each answer is a vote for the recommendations of
 * the clauses suggested, weighed by the suggestion's share of the best score. A section's
 * heading is short, and its measures say more about what it does than its title.
 */
function sectionRecommendation(section: DraftSection, schema: Schema, suggest: SuggestClauses): Recommendation | undefined {
  const votes = new Map<Recommendation, number>();
  const vote = (suggestions: ClauseSuggestion[], weight: number): void => {
    const best = suggestions[0]?.score ?? 0;
    const seen = new Set<Recommendation>();
    for (const suggestion of suggestions) {
      const recommendation = recommendationOf(suggestion.clause, schema);
      if (!recommendation || seen.has(recommendation)) continue;
      seen.add(recommendation);
      votes.set(recommendation, (votes.get(recommendation) ?? 0) + (weight * suggestion.score) / best);
    }
  };
  vote(suggest(sectionInput(section), schema, { limit: 3 }), SECTION_TEXT_WEIGHT);
  const context = section.path.join(' / ');
  for (const measure of section.measures) {
    vote(suggest({ title: measure.title, ...(measure.description ? { description: measure.description } : {}), context }, schema, { limit: 3 }), 1);
  }
  let chosen: Recommendation | undefined;
  for (const [recommendation, total] of votes) if (!chosen || total > votes.get(chosen)!) chosen = recommendation;
  return chosen;
}

function measureAddresses(measure: DraftMeasure, context: string, schema: Schema, suggest: SuggestClauses | undefined): string[] {
  if (!suggest) return [];
  const suggestions = suggest({ title: measure.title, ...(measure.description ? { description: measure.description } : {}), context }, schema, { limit: MAX_ADDRESSES });
  const best = suggestions[0]?.score ?? 0;
  return suggestions.filter((suggestion) => suggestion.score >= best * ADDRESS_SCORE_SHARE).slice(0, MAX_ADDRESSES).map((suggestion) => suggestion.clause);
}

function measureText(measure: DraftMeasure): string[] {
  return [measure.ref ? `${measure.ref}: ${measure.title}` : measure.title, ...(measure.description ? [measure.description] : [])];
}

export function assemble(structure: DocumentStructure, schema: Schema, suggest: SuggestClauses | undefined): ImportedStrategy {
  const byRecommendation = new Map<Recommendation, ImportedSection>();
  const unplaced: UnplacedText[] = [...structure.unplaced];
  const usedIds = new Set<string>();
  const sectionFor = (recommendation: Recommendation): ImportedSection => {
    let section = byRecommendation.get(recommendation);
    if (!section) {
      section = { recommendation, headings: [], summary: [], measures: [] };
      byRecommendation.set(recommendation, section);
    }
    return section;
  };
  const place = (section: ImportedSection, measure: DraftMeasure, context: string): void => {
    const id = freeMeasureId(section.recommendation.idPrefix, usedIds);
    usedIds.add(id);
    section.measures.push({
      id,
      ...(measure.ref ? { ref: measure.ref } : {}),
      title: measure.title,
      ...(measure.description ? { description: measure.description } : {}),
      addresses: measureAddresses(measure, context, schema, suggest),
      fields: measure.fields,
    });
  };

  for (const draft of structure.sections) {
    const heading = draft.path.join(' / ');
    const recommendation = suggest ? sectionRecommendation(draft, schema, suggest) : undefined;
    if (recommendation) {
      const section = sectionFor(recommendation);
      if (heading !== '') section.headings.push(heading);
      section.summary.push(...draft.summary);
      for (const measure of draft.measures) place(section, measure, heading);
      continue;
    }
    // No recommendation for the section as a whole: each measure goes where its own text points.
    const left: string[] = [...draft.summary];
    for (const measure of draft.measures) {
      const own = suggest ? suggest({ title: measure.title, ...(measure.description ? { description: measure.description } : {}), context: heading }, schema, { limit: 1 })[0] : undefined;
      const ownRecommendation = own ? recommendationOf(own.clause, schema) : undefined;
      if (ownRecommendation) {
        const section = sectionFor(ownRecommendation);
        if (heading !== '' && !section.headings.includes(heading)) section.headings.push(heading);
        place(section, measure, heading);
      } else {
        left.push(...measureText(measure));
      }
    }
    if (left.length > 0) unplaced.push({ ...(heading !== '' ? { heading } : {}), text: left });
  }
  const sections = schema.recommendations.map((recommendation) => byRecommendation.get(recommendation)).filter((section): section is ImportedSection => section !== undefined);
  return { strategy: structure.strategy, sections, unplaced, mapped: suggest !== undefined };
}
