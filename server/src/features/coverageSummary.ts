/** The coverage summary the status bar and the coverage view ask for (`dgs/coverage`): the core's statuses, as they are. */
import { Analysis } from '../core/analyze';
import { ClauseCoverageStatus } from '../core/coverage';

export interface CoverageSummary {
  /** Units addressed or weak. */
  addressed: number;
  total: number;
  /** Units by status (spec §7.1). */
  counts: Record<ClauseCoverageStatus, number>;
  units: Array<{ ref: string; recommendation: number; section: string; addressed: boolean; status: ClauseCoverageStatus; measures: string[]; inactive: string[] }>;
}

function ids(measures: Array<{ id?: { text: string } }>): string[] {
  return [...new Set(measures.map((measure) => measure.id?.text).filter((id): id is string => id !== undefined))];
}

export function coverageSummary(analysis: Analysis): CoverageSummary {
  const counts: Record<ClauseCoverageStatus, number> = { addressed: 0, weak: 0, 'not-applicable': 0, missing: 0 };
  const units = analysis.coverage.units.map((entry) => {
    counts[entry.status]++;
    return {
      ref: entry.unit.ref,
      recommendation: entry.unit.recommendation.number,
      section: entry.unit.recommendation.section,
      addressed: entry.status === 'addressed' || entry.status === 'weak',
      status: entry.status,
      measures: ids(entry.measures),
      inactive: ids(entry.inactive),
    };
  });
  return { addressed: counts.addressed + counts.weak, total: units.length, counts, units };
}
