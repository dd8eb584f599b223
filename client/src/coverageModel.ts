/**
 * What the status bar, the coverage view and the report show for one strategy, arranged from
 * the server's answer to `dgs/coverage`: the core's status of each clause (spec §7.1) and the
 * report's data (titles, clause texts, measures and where they are written). Pure: no VS Code
 * API, and no analysis: the client computes nothing, it only arranges what the server says.
 */
import { CLAUSE_STATUSES } from '../../server/src/protocol';
import type { ClauseCoverageStatus, CoverageAnswer, ProtocolRange, ReportMessage } from '../../server/src/protocol';

export interface MeasureItem {
  /** The measure's index in the report's measures. */
  index: number;
  /** Its id, or `line N` when it has none. */
  id: string;
  title?: string;
  /** Where the measure's id is written (its first line when it has no id). */
  range: ProtocolRange;
}

export interface UnitItem {
  ref: string;
  /** The clause's text, verbatim from the schema. */
  text: string;
  /** Addressed or weak. */
  addressed: boolean;
  /** The core's status (spec §7.1): addressed, weak, not-applicable or missing. */
  status: ClauseCoverageStatus;
  /** The live, real measures that address the clause. */
  measures: MeasureItem[];
  /** Measures that name the clause but address nothing (dropped, or still a placeholder). */
  inactive: MeasureItem[];
  /** For a weak clause, what its measures lack; for a not-applicable one, the reason; for a missing one declared not applicable without a written reason, that it does not count yet. */
  note?: string;
}

export interface RecommendationItem {
  number: number;
  section: string;
  title: string;
  text: string;
  part: string;
  /** Whether the strategy has this section at all, and where its key is written. */
  present: boolean;
  sectionRange?: ProtocolRange;
  units: UnitItem[];
}

export interface CoverageView {
  /** Clauses addressed or weak. */
  addressed: number;
  total: number;
  /** Clauses by status. */
  counts: Record<ClauseCoverageStatus, number>;
  /** The instrument the strategy is checked against (OECD/LEGAL/0406). */
  instrument: string;
  recommendations: RecommendationItem[];
}

/** Checks the shape of a `dgs/coverage` answer; anything else is treated as no answer. */
export function isCoverageAnswer(value: unknown): value is CoverageAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<CoverageAnswer>;
  return (
    typeof candidate.addressed === 'number' &&
    typeof candidate.total === 'number' &&
    Array.isArray(candidate.units) &&
    candidate.units.every(
      (unit) =>
        typeof unit === 'object' &&
        unit !== null &&
        typeof unit.ref === 'string' &&
        typeof unit.addressed === 'boolean' &&
        CLAUSE_STATUSES.includes(unit.status) &&
        Array.isArray(unit.measures) &&
        Array.isArray(unit.inactive),
    ) &&
    typeof candidate.report === 'object' &&
    candidate.report !== null &&
    Array.isArray(candidate.report.parts) &&
    Array.isArray(candidate.report.measures) &&
    Array.isArray(candidate.measureRanges) &&
    typeof candidate.sectionRanges === 'object' &&
    candidate.sectionRanges !== null &&
    typeof candidate.notes === 'object' &&
    candidate.notes !== null
  );
}

/** The view of a strategy's coverage: the recommendations in the schema's order, their clauses with the core's statuses, the measures addressing each. */
export function buildCoverageView(answer: CoverageAnswer): CoverageView {
  const { report } = answer;
  // A measure by its id: the first written with it (ids are unique in a valid strategy).
  const byId = new Map<string, number>();
  report.measures.forEach((measure, index) => {
    if (measure.id !== undefined && !byId.has(measure.id)) byId.set(measure.id, index);
  });
  const measureItem = (id: string): MeasureItem | undefined => {
    const index = byId.get(id);
    if (index === undefined) return undefined;
    const measure = report.measures[index];
    return { index, id, title: measure.title, range: answer.measureRanges[index] };
  };
  const items = (ids: string[]): MeasureItem[] => ids.map(measureItem).filter((item): item is MeasureItem => item !== undefined);
  const units = new Map(answer.units.map((unit) => [unit.ref, unit]));
  const recommendations = report.parts.flatMap((part) =>
    part.recommendations.map(
      (recommendation): RecommendationItem => ({
        number: recommendation.number,
        section: recommendation.section,
        title: recommendation.title,
        text: recommendation.text,
        part: part.key,
        present: recommendation.present,
        sectionRange: answer.sectionRanges[recommendation.section],
        units: recommendation.units.map((reported): UnitItem => {
          const unit = units.get(reported.ref);
          const status: ClauseCoverageStatus = unit?.status ?? 'missing';
          return {
            ref: reported.ref,
            text: reported.text,
            addressed: status === 'addressed' || status === 'weak',
            status,
            measures: items(unit?.measures ?? []),
            inactive: items(unit?.inactive ?? []),
            note: answer.notes[reported.ref],
          };
        }),
      }),
    ),
  );
  return { addressed: answer.addressed, total: answer.total, counts: answer.counts, instrument: report.instrument.id, recommendations };
}

/** The places a click in the report points to: a measure's id; a clause's measures, or its section when none addresses it; a finding's start. */
export function revealTargets(answer: CoverageAnswer, message: ReportMessage): ProtocolRange[] {
  switch (message.type) {
    case 'reveal-measure': {
      const range = answer.measureRanges[message.index];
      return range ? [range] : [];
    }
    case 'reveal-clause': {
      const unit = answer.report.parts.flatMap((part) => part.recommendations.flatMap((recommendation) => recommendation.units.map((candidate) => ({ recommendation, unit: candidate })))).find((entry) => entry.unit.ref === message.ref);
      if (!unit) return [];
      const measures = unit.unit.measures.map((index) => answer.measureRanges[index]).filter((range): range is ProtocolRange => range !== undefined);
      if (measures.length > 0) return measures;
      // No measure addresses it: the section where one would go, when the strategy has it.
      const section = answer.sectionRanges[unit.recommendation.section];
      return section ? [section] : [];
    }
    case 'reveal-finding': {
      const position = { line: Math.max(0, message.line - 1), character: Math.max(0, message.column - 1) };
      return [{ start: position, end: position }];
    }
  }
}

/** The status bar's text: `DGS 22/26`, and the clauses declared not applicable when there are some: `DGS 20/26 · 2 n/a`. */
export function statusText(view: Pick<CoverageView, 'addressed' | 'total'> & { counts?: Record<ClauseCoverageStatus, number> }): string {
  const notApplicable = view.counts?.['not-applicable'] ?? 0;
  return `DGS ${view.addressed}/${view.total}${notApplicable > 0 ? ` · ${notApplicable} n/a` : ''}`;
}

/** The documents the tools treat as strategies (spec §3), as the client can tell before the server answers. */
export function looksLikeStrategy(document: { languageId: string; fileName: string; firstLine: string }, treatAllYamlAsStrategy: boolean): boolean {
  if (document.languageId === 'dgs-strategy') return true;
  if (document.languageId !== 'yaml') return false;
  return treatAllYamlAsStrategy || /\.strategy\.ya?ml$/i.test(document.fileName) || STRATEGY_MARKER.test(document.firstLine);
}

/** The first line that marks a YAML file as a strategy. */
export const STRATEGY_MARKER = /^# dgs-strategy(?:\s|$)/;

/** The words of a clause's status in the coverage view, the status bar and the panel. */
export const STATUS_LABELS: Record<ClauseCoverageStatus, string> = {
  addressed: 'addressed',
  weak: 'weak',
  'not-applicable': 'not applicable',
  missing: 'not addressed',
};

/** A clause's line in the coverage view: its status, the measures that address it, and why it is weak or not applicable. */
export function unitDescription(unit: UnitItem): string {
  const ids = unit.measures.map((measure) => measure.id).join(', ') || 'a measure';
  let text: string;
  if (unit.status === 'addressed') text = `addressed by ${ids}`;
  else if (unit.status === 'weak') text = `weak: addressed by ${ids}; ${unit.note?.replace(/^Weak: /, '') ?? ''}`;
  else if (unit.status === 'not-applicable') text = unit.note ? unit.note.replace(/^Not applicable: /, 'not applicable: ') : 'not applicable';
  // A missing clause's note says why a declaration of not applicable does not count yet.
  else text = unit.note ? `not addressed; ${unit.note.charAt(0).toLowerCase()}${unit.note.slice(1)}` : 'not addressed';
  if (unit.inactive.length > 0) text += ` (${unit.inactive.map((measure) => measure.id).join(', ')} dropped or unfinished)`;
  return text;
}

/** A recommendation's tally: clauses addressed or weak, and whether every clause is settled (addressed or not applicable). */
export function recommendationTally(recommendation: RecommendationItem): { addressed: number; total: number; settled: boolean; weak: number; notApplicable: number } {
  const count = (status: ClauseCoverageStatus): number => recommendation.units.filter((unit) => unit.status === status).length;
  const total = recommendation.units.length;
  return {
    addressed: count('addressed') + count('weak'),
    total,
    settled: count('addressed') + count('not-applicable') === total,
    weak: count('weak'),
    notApplicable: count('not-applicable'),
  };
}
