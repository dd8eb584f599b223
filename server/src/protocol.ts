/**
 * What the language server and the VS Code extension say to each other beyond LSP: the
 * names of the custom requests and the shapes of their data. Types and constants only, no
 * code: the extension imports this module and nothing else from `server/src`, so that it
 * computes nothing itself and its bundle holds none of the analysis.
 */
import type { ClauseCoverageStatus } from './core/shared';
import type { CoverageSummary } from './features/coverageSummary';
import type { CoverageReportData, CoverageStatus, FindingInfo, MeasureInfo, RecommendationReport, UnitReport } from './report/data';

export type { ClauseCoverageStatus, CoverageReportData, CoverageStatus, CoverageSummary, FindingInfo, MeasureInfo, RecommendationReport, UnitReport };

/** The clause statuses (spec §7.1), in their order. */
export { CLAUSE_STATUSES } from './core/shared';

/** A position in a document, 0-based, in UTF-16 code units: LSP's. */
export interface ProtocolPosition {
  line: number;
  character: number;
}

export interface ProtocolRange {
  start: ProtocolPosition;
  end: ProtocolPosition;
}

/**
 * `dgs/coverage`: the coverage of an open document, as the report computes it. The answer is
 * null when the server does not treat the document as a strategy (a plain YAML file), or
 * does not have it open.
 */
export const COVERAGE_REQUEST = 'dgs/coverage';

export interface CoverageParams {
  uri: string;
  /** How the report names the file (a path relative to the workspace); the URI's last segment by default. */
  file?: string;
  /** Also the report as HTML for a webview: the standalone report with hooks to link back to the file. */
  html?: boolean;
}

/**
 * The core's coverage summary (each clause's status, spec §7.1, and the ids of the measures
 * that address it; the counts the status bar shows), with the report's data and where things
 * are written.
 */
export interface CoverageAnswer extends CoverageSummary {
  uri: string;
  /** The document version the answer is about. */
  version: number;
  /** Why a clause is weak (what its measures lack) or not applicable (the section's reason), by clause. */
  notes: Record<string, string>;
  /** The report's data: the statuses, clause texts, measures and findings, as every report shows them. */
  report: CoverageReportData;
  /** Where each measure of `report.measures` is written (the same index): its id, or its first line when it has none. */
  measureRanges: ProtocolRange[];
  /** Where each section the strategy has is written: its key, by section name. */
  sectionRanges: Record<string, ProtocolRange>;
  /** The report as HTML, when asked for (`html: true`). */
  html?: string;
}

/** `dgs/skeleton`: the new strategy `dgs init` would write, with the schema that applies at `uri`. */
export const SKELETON_REQUEST = 'dgs/skeleton';

export interface SkeletonParams {
  /** Where the strategy will be saved (a file URI), or an untitled URI. */
  uri: string;
  year: number;
}

export interface SkeletonAnswer {
  text: string;
}

/** The name `dgs init` and "DGS: New strategy" give a new strategy. */
export { DEFAULT_STRATEGY_FILE } from './core/shared';

/**
 * The attributes of the report's HTML that say where an element's subject is written: the
 * webview turns a click on such an element into a move of the editor's cursor.
 */
export const REPORT_LINK_ATTRIBUTES = {
  /** The index of a measure in `report.measures`. */
  measure: 'data-dgs-measure',
  /** A clause's reference (`1.i`). */
  clause: 'data-dgs-clause',
  /** A finding: `line:column`, 1-based. */
  finding: 'data-dgs-finding',
} as const;

/** What the report webview's script posts to the extension when the drafter clicks a linked element. */
export type ReportMessage =
  | { type: 'reveal-measure'; index: number }
  | { type: 'reveal-clause'; ref: string }
  | { type: 'reveal-finding'; line: number; column: number };
