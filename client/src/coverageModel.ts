/**
 * What the status bar, the coverage view and the report show for one strategy: the server's
 * coverage summary (`dgs/coverage`), completed from the client's own analysis of the same
 * text (recommendation titles, clause texts, where each measure is). Pure: no VS Code API.
 */
import { Analysis } from '../../server/src/analyze';
import { CLAUSE_STATUSES, ClauseCoverageStatus, lacksText } from '../../server/src/coverage';
import { CoverageSummary } from '../../server/src/features/coverageSummary';
import { Range } from '../../server/src/text/lineIndex';

/** The answer to `dgs/coverage` (null when the server does not treat the document as a strategy): the core's statuses. */
export type { CoverageSummary } from '../../server/src/features/coverageSummary';

export const COVERAGE_REQUEST = 'dgs/coverage';

export interface MeasureItem {
  id: string;
  title?: string;
  /** Where the measure's id is written (0-based, UTF-16), when the text has it. */
  range?: Range;
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
  /** For a weak clause, what its measures lack; for a not-applicable one, the reason. */
  note?: string;
}

export interface RecommendationItem {
  number: number;
  section: string;
  title: string;
  text: string;
  part: string;
  /** Whether the strategy has this section at all. */
  present: boolean;
  units: UnitItem[];
}

export interface CoverageView {
  /** Clauses addressed or weak. */
  addressed: number;
  total: number;
  /** Clauses by status. */
  counts: Record<ClauseCoverageStatus, number>;
  recommendations: RecommendationItem[];
  /** Where the statuses come from: the language server, or the client's own analysis. */
  source: 'server' | 'client';
}

/** Checks the shape of a `dgs/coverage` answer; anything else is treated as no answer. */
export function isCoverageSummary(value: unknown): value is CoverageSummary {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<CoverageSummary>;
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
    )
  );
}

/**
 * The coverage of a strategy. The server's summary decides what is addressed and by which
 * measures when it speaks of the same clauses as the client's analysis (both read the same
 * schema); otherwise the client's analysis decides alone.
 */
export function buildCoverageView(analysis: Analysis, summary?: CoverageSummary): CoverageView {
  const { model, coverage } = analysis;
  const schema = model.schema;
  const serverUnits = summary ? new Map(summary.units.map((unit) => [unit.ref, unit])) : undefined;
  const useServer = serverUnits !== undefined && serverUnits.size === schema.units.length && schema.units.every((unit) => serverUnits.has(unit.ref));
  const localUnits = new Map(coverage.units.map((entry) => [entry.unit.ref, entry]));
  const presentSections = new Set(model.sections.map((section) => section.recommendation.section));

  const measureItem = (id: string): MeasureItem => {
    const measure = model.measuresById.get(id)?.[0];
    if (!measure?.id) return { id };
    return {
      id,
      title: measure.title,
      range: { start: model.lines.positionAt(measure.id.span.start), end: model.lines.positionAt(measure.id.span.end) },
    };
  };

  const recommendations = schema.recommendations.map((recommendation): RecommendationItem => {
    const units = recommendation.units.map((unit): UnitItem => {
      const local = localUnits.get(unit.ref);
      let status: ClauseCoverageStatus;
      let ids: string[];
      let inactive: string[];
      if (useServer) {
        const served = serverUnits!.get(unit.ref)!;
        ({ status, measures: ids, inactive } = served);
      } else {
        status = local?.status ?? 'missing';
        ids = idsOf(local?.measures ?? []);
        inactive = idsOf(local?.inactive ?? []);
      }
      let note: string | undefined;
      if (status === 'weak') note = `Weak: ${lacksText(local?.lacks)}`;
      else if (status === 'not-applicable' && local?.notApplicable?.reason) note = `Not applicable: ${local.notApplicable.reason}`;
      return { ref: unit.ref, text: unit.text, addressed: status === 'addressed' || status === 'weak', status, measures: ids.map(measureItem), inactive: inactive.map(measureItem), note };
    });
    return {
      number: recommendation.number,
      section: recommendation.section,
      title: recommendation.title,
      text: recommendation.text,
      part: recommendation.part.key,
      present: presentSections.has(recommendation.section),
      units,
    };
  });
  const allUnits = recommendations.flatMap((recommendation) => recommendation.units);
  const counts: Record<ClauseCoverageStatus, number> = { addressed: 0, weak: 0, 'not-applicable': 0, missing: 0 };
  for (const unit of allUnits) counts[unit.status]++;
  return {
    addressed: counts.addressed + counts.weak,
    total: allUnits.length,
    counts,
    recommendations,
    source: useServer ? 'server' : 'client',
  };
}

/** The status bar's text: `DGS 22/26`, and the clauses declared not applicable when there are some: `DGS 20/26 · 2 n/a`. */
export function statusText(view: Pick<CoverageView, 'addressed' | 'total'> & { counts?: Record<ClauseCoverageStatus, number> }): string {
  const notApplicable = view.counts?.['not-applicable'] ?? 0;
  return `DGS ${view.addressed}/${view.total}${notApplicable > 0 ? ` · ${notApplicable} n/a` : ''}`;
}

function idsOf(measures: Array<{ id?: { text: string } }>): string[] {
  return [...new Set(measures.map((measure) => measure.id?.text).filter((id): id is string => id !== undefined))];
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
  else if (unit.status === 'not-applicable') text = 'not applicable';
  else text = 'not addressed';
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
