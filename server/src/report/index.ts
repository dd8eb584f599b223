/**
 * Coverage reports for people who never open YAML: Markdown for a pull request or a wiki,
 * one standalone HTML page for a steering committee or a webview, and the same data as JSON.
 * `data.ts` computes what a report says; `markdown.ts`, `html.ts` and `matrix.ts` only render it.
 */
import { Analysis } from '../core/analyze';
import { buildReportData } from './data';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';

export type ReportFormat = 'markdown' | 'html';

export interface ReportOptions {
  /** The strategy file's path, as the report names it. */
  file: string;
  /** The date the report is made (YYYY-MM-DD; today when absent) and the dgs version that made it. */
  madeOn?: string;
  dgsVersion?: string;
}

export { buildReportData, CoverageReportData } from './data';

/** Renders a coverage report of an analysed strategy. Pure: never touches the file system. */
export function renderCoverageReport(format: ReportFormat, analysis: Analysis, options: ReportOptions): string {
  const data = buildReportData(analysis, options);
  return format === 'markdown' ? renderMarkdown(data) : renderHtml(data);
}
