/** dgs/coverage: the coverage of an open strategy, for the extension's views (features/coverageSummary.ts). */
import { coverageSummary, CoverageSummary } from '../features/coverageSummary';
import { ServerContext } from './context';
import { isRecord } from './settings';

export const COVERAGE_REQUEST = 'dgs/coverage';

export function registerCoverage(server: ServerContext): void {
  server.connection.onRequest(
    COVERAGE_REQUEST,
    server.guard('coverage', null as CoverageSummary | null, (params: unknown): CoverageSummary | null => {
      const uri = isRecord(params) && typeof params.uri === 'string' ? params.uri : undefined;
      const found = uri ? server.strategyAt(uri) : undefined;
      return found ? coverageSummary(found.result.analysis) : null;
    }),
  );
}
