/**
 * The core's constants that the protocol shares with the VS Code extension. A leaf module
 * with no imports, so that the extension's bundle holds none of the analysis.
 */

/** The clause statuses (spec §7.1). */
export type ClauseCoverageStatus = 'addressed' | 'weak' | 'not-applicable' | 'missing';

/** The clause statuses, in their order. */
export const CLAUSE_STATUSES: readonly ClauseCoverageStatus[] = ['addressed', 'weak', 'not-applicable', 'missing'];

/** The name `dgs init` and "DGS: New strategy" give a new strategy. */
export const DEFAULT_STRATEGY_FILE = 'national.strategy.yaml';
