/**
 * The export and diff requests of the language server, from checked parameters to the result.
 * The server passes the open document's analysis, and the settings to analyse an earlier text
 * with; nothing here touches the connection or the file system.
 */
import { analyze, Analysis } from '../core/analyze';
import { DIFF_FORMATS, diffAnalyses, EXPORT_FORMATS, ExportFormat, exportStrategy, TABLE_NAMES, TableName } from './index';
import { DiffFormat } from './diffRender';
import { DiffRequestParams, DiffRequestResult, ExportRequestParams, ExportRequestResult } from './protocol';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

/** The export request's parameters, or a sentence saying what is wrong with them. */
export function readExportParams(params: unknown): ExportRequestParams | string {
  if (!isRecord(params) || typeof params.uri !== 'string') return 'The export request needs the uri of a strategy.';
  if (!oneOf<ExportFormat>(params.format, EXPORT_FORMATS)) return `The export format must be one of ${EXPORT_FORMATS.join(', ')}.`;
  if (params.table !== undefined && !oneOf<TableName>(params.table, TABLE_NAMES)) return `The table must be one of ${TABLE_NAMES.join(', ')}.`;
  return { uri: params.uri, format: params.format, table: params.table as TableName | undefined };
}

export function readDiffParams(params: unknown): DiffRequestParams | string {
  if (!isRecord(params) || typeof params.uri !== 'string') return 'The diff request needs the uri of a strategy.';
  if (typeof params.previousText !== 'string') return 'The diff request needs the earlier text of the strategy.';
  if (params.format !== undefined && !oneOf<DiffFormat>(params.format, DIFF_FORMATS)) return `The diff format must be one of ${DIFF_FORMATS.join(', ')}.`;
  const previousLabel = typeof params.previousLabel === 'string' ? params.previousLabel : 'the earlier version';
  return { uri: params.uri, previousText: params.previousText, previousLabel, format: params.format as DiffFormat | undefined };
}

export interface RequestContext {
  /** How documents name the strategy file. */
  file: string;
  date: string;
  version: string;
}

export async function answerExport(analysis: Analysis, params: ExportRequestParams, context: RequestContext): Promise<ExportRequestResult> {
  const bytes = await exportStrategy(analysis, params.format, { ...context, table: params.table });
  return { base64: Buffer.from(bytes).toString('base64') };
}

/** Compares the earlier text, analysed with the open document's schema and settings, with the open document. */
export function answerDiff(current: Analysis, params: DiffRequestParams, context: RequestContext): DiffRequestResult {
  const previous = analyze(params.previousText, current.model.schema, current.config);
  const common = { date: context.date, version: context.version };
  return { text: diffAnalyses(previous, current, { before: { ...common, file: params.previousLabel }, after: { ...common, file: context.file }, format: params.format ?? 'markdown' }) };
}
