/**
 * The language server's requests for exports and comparisons, shared by the server and the
 * extension: names and shapes only, so that the extension asks the server and never analyses.
 */
import type { DiffFormat } from './diffRender';
import type { ExportFormat, TableName } from './index';

/** `dgs/export`: the open strategy as a document. The result is null when the document is not an open strategy. */
export const EXPORT_REQUEST = 'dgs/export';

export interface ExportRequestParams {
  uri: string;
  format: ExportFormat;
  table?: TableName;
}

export interface ExportRequestResult {
  /** The document's bytes, base64: a JSON-RPC message carries text only. */
  base64: string;
}

/**
 * `dgs/diff`: what changed from an earlier text of the strategy (the client reads it, from
 * git for instance) to the open document. Null when the document is not an open strategy.
 */
export const DIFF_REQUEST = 'dgs/diff';

export interface DiffRequestParams {
  uri: string;
  previousText: string;
  /** How the comparison names the earlier version, such as `HEAD:strategies/city.strategy.yaml`. */
  previousLabel: string;
  format?: DiffFormat;
}

export interface DiffRequestResult {
  text: string;
}
