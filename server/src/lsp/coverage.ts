/**
 * dgs/coverage and dgs/skeleton: what the VS Code extension asks instead of analysing anything
 * itself (features/coverageRequest.ts; the shapes in protocol.ts).
 */
import { registerCoverageRequests } from '../features/coverageRequest';
import { ServerContext } from './context';

export { COVERAGE_REQUEST } from '../protocol';

export function registerCoverage(server: ServerContext, dgsVersion: string): void {
  registerCoverageRequests(
    server.connection,
    {
      strategyAt: (uri) => {
        const found = server.strategyAt(uri);
        return found && { version: found.entry.version, analysis: found.result.analysis };
      },
      schemaAt: (uri) => server.settingsFor(server.documentPath(uri)).schema,
    },
    (name, fallback, handler) => server.request(name, fallback, handler),
    dgsVersion,
  );
}
