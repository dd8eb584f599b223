/**
 * What the status bar, the coverage view and the report show for one strategy, arranged from
 * the server's answer to `dgs/coverage` (the report's own data: its statuses, clause texts,
 * measures and where they are written). Pure: no VS Code API, and no analysis: the client
 * computes nothing, it only arranges what the server says.
 */
import type { CoverageAnswer, CoverageStatus, ProtocolRange, ReportMessage } from '../../server/src/protocol';

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
  /** The report's status of the clause. */
  status: CoverageStatus;
  /** Whether some measure addresses it (complete or partly). */
  addressed: boolean;
  measures: MeasureItem[];
}

export interface RecommendationItem {
  number: number;
  section: string;
  title: string;
  text: string;
  part: string;
  /** The report's status of the recommendation. */
  status: CoverageStatus;
  /** Whether the strategy has this section at all, and where its key is written. */
  present: boolean;
  sectionRange?: ProtocolRange;
  units: UnitItem[];
}

export interface CoverageView {
  /** Clauses addressed, of all clauses. */
  addressed: number;
  total: number;
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
    typeof candidate.report === 'object' &&
    candidate.report !== null &&
    Array.isArray(candidate.report.parts) &&
    Array.isArray(candidate.report.measures) &&
    Array.isArray(candidate.measureRanges) &&
    typeof candidate.sectionRanges === 'object' &&
    candidate.sectionRanges !== null
  );
}

/** The view of a strategy's coverage: the recommendations in the schema's order, their clauses, the measures addressing each. */
export function buildCoverageView(answer: CoverageAnswer): CoverageView {
  const { report } = answer;
  const measureItem = (index: number): MeasureItem => {
    const measure = report.measures[index];
    return { index, id: measure.id ?? `line ${measure.line}`, title: measure.title, range: answer.measureRanges[index] };
  };
  const recommendations = report.parts.flatMap((part) =>
    part.recommendations.map(
      (recommendation): RecommendationItem => ({
        number: recommendation.number,
        section: recommendation.section,
        title: recommendation.title,
        text: recommendation.text,
        part: part.key,
        status: recommendation.status,
        present: recommendation.present,
        sectionRange: answer.sectionRanges[recommendation.section],
        units: recommendation.units.map((unit) => ({
          ref: unit.ref,
          text: unit.text,
          status: unit.status,
          addressed: unit.status !== 'none',
          measures: unit.measures.map(measureItem),
        })),
      }),
    ),
  );
  return { addressed: answer.addressed, total: answer.total, instrument: report.instrument.id, recommendations };
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

/** How the view words a clause's status, as the report does: `addressed by OPN-1, GOV-1`, `…, lacks a lead or an indicator`, `not addressed`. */
export function unitDescription(unit: Pick<UnitItem, 'status' | 'measures'>): string {
  if (unit.status === 'none' || unit.measures.length === 0) return 'not addressed';
  const by = `addressed by ${unit.measures.map((measure) => measure.id).join(', ')}`;
  return unit.status === 'partial' ? `${by}, lacks a lead or an indicator` : by;
}

/** The status bar's text: `DGS 22/26`. */
export function statusText(view: Pick<CoverageView, 'addressed' | 'total'>): string {
  return `DGS ${view.addressed}/${view.total}`;
}

/** The documents the tools treat as strategies (spec §3), as the client can tell before the server answers. */
export function looksLikeStrategy(document: { languageId: string; fileName: string; firstLine: string }, treatAllYamlAsStrategy: boolean): boolean {
  if (document.languageId === 'dgs-strategy') return true;
  if (document.languageId !== 'yaml') return false;
  return treatAllYamlAsStrategy || /\.strategy\.ya?ml$/i.test(document.fileName) || STRATEGY_MARKER.test(document.firstLine);
}

/** The first line that marks a YAML file as a strategy. */
export const STRATEGY_MARKER = /^# dgs-strategy(?:\s|$)/;
