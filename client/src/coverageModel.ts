/**
 * What the status bar, the coverage view and the report show for one strategy: the server's
 * coverage summary (`dgs/coverage`), completed from the client's own analysis of the same
 * text (recommendation titles, clause texts, where each measure is). Pure: no VS Code API.
 */
import { Analysis } from '../../server/src/analyze';
import { Range } from '../../server/src/text/lineIndex';

/** The answer to `dgs/coverage`: null when the server does not treat the document as a strategy. */
export interface CoverageSummary {
  addressed: number;
  total: number;
  units: Array<{ ref: string; recommendation: number; section: string; addressed: boolean; measures: string[] }>;
}

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
  addressed: boolean;
  measures: MeasureItem[];
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
  addressed: number;
  total: number;
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
    candidate.units.every((unit) => typeof unit === 'object' && unit !== null && typeof unit.ref === 'string' && typeof unit.addressed === 'boolean' && Array.isArray(unit.measures))
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
      let ids: string[];
      let addressed: boolean;
      if (useServer) {
        const served = serverUnits!.get(unit.ref)!;
        ids = served.measures;
        addressed = served.addressed;
      } else {
        const measures = localUnits.get(unit.ref)?.measures ?? [];
        ids = [...new Set(measures.map((measure) => measure.id?.text).filter((id): id is string => id !== undefined))];
        addressed = measures.length > 0;
      }
      return { ref: unit.ref, text: unit.text, addressed, measures: ids.map(measureItem) };
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
  return {
    addressed: useServer ? summary!.addressed : allUnits.filter((unit) => unit.addressed).length,
    total: useServer ? summary!.total : allUnits.length,
    recommendations,
    source: useServer ? 'server' : 'client',
  };
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
