/**
 * Coverage reports for people who never open YAML: Markdown and HTML. The JSON form is the
 * command line's (`dgs coverage --format json`).
 */
import { Analysis } from '../analyze';

export type ReportFormat = 'markdown' | 'html';

export interface ReportOptions {
  /** The strategy file's path, as the report names it. */
  file: string;
}

/** Renders a coverage report. Placeholder until the report module lands; replaced by report/markdown.ts and report/html.ts. */
export function renderCoverageReport(format: ReportFormat, analysis: Analysis, options: ReportOptions): string {
  const lines = [`# Coverage of ${options.file}`, '', `${analysis.coverage.addressed.length} of ${analysis.coverage.units.length} clauses addressed.`];
  return format === 'markdown' ? lines.join('\n') + '\n' : `<!doctype html><title>Coverage</title><pre>${lines.join('\n')}</pre>`;
}
