/**
 * Documents for the approval circuit: the strategy as a Word document, an Excel workbook or a CSV table,
 * and what changed between two drafts. The command line and the language server call these;
 * they never touch the file system.
 */
import { Analysis } from '../core/analyze';
import { renderCsv } from './csv';
import { buildExportData, ExportOptions } from './data';
import { diffStrategies } from './diff';
import { DiffFormat, renderDiff } from './diffRender';
import { renderDocx } from './docx';
import { renderXlsx } from './xlsx';
import { exportTable, TableName } from './tables';

export type ExportFormat = 'docx' | 'xlsx' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['docx', 'xlsx', 'csv'];
export { TABLE_NAMES, TableName } from './tables';
export { DIFF_FORMATS, DiffFormat } from './diffRender';

/** The strategy as a Word document (.docx bytes), an Excel workbook of both tables (.xlsx bytes) or a CSV table (UTF-8 bytes with a byte order mark). */
export async function exportStrategy(analysis: Analysis, format: ExportFormat, options: ExportOptions & { table?: TableName }): Promise<Uint8Array> {
  const data = buildExportData(analysis, options);
  if (format === 'docx') return renderDocx(data);
  if (format === 'xlsx') return renderXlsx(data);
  return new TextEncoder().encode(renderCsv(exportTable(data, options.table ?? 'measures')));
}

/** What changed from one version to the other, as text, Markdown or JSON. */
export function diffAnalyses(before: Analysis, after: Analysis, options: { before: ExportOptions; after: ExportOptions; format: DiffFormat }): string {
  return renderDiff(diffStrategies(buildExportData(before, options.before), buildExportData(after, options.after)), options.format);
}
