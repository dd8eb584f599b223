/** The coverage summary the status bar and the coverage view ask for (`dgs/coverage`). */
import { Analysis } from '../analyze';

export interface CoverageSummary {
  addressed: number;
  total: number;
  units: Array<{ ref: string; recommendation: number; section: string; addressed: boolean; measures: string[] }>;
}

export function coverageSummary(analysis: Analysis): CoverageSummary {
  const units = analysis.coverage.units.map((entry) => ({
    ref: entry.unit.ref,
    recommendation: entry.unit.recommendation.number,
    section: entry.unit.recommendation.section,
    addressed: entry.measures.length > 0,
    measures: [...new Set(entry.measures.map((measure) => measure.id?.text).filter((id): id is string => id !== undefined))],
  }));
  return { addressed: units.filter((unit) => unit.addressed).length, total: units.length, units };
}
