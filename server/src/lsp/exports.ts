/** dgs/export and dgs/diff: the open strategy as the documents an approval circuit passes round, and what changed (export/requests.ts). */
import * as path from 'path';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { DIFF_REQUEST, EXPORT_REQUEST } from '../export/protocol';
import { answerDiff, answerExport, readDiffParams, readExportParams, RequestContext } from '../export/requests';
import { ServerContext } from './context';

export function registerExports(server: ServerContext, version: string): void {
  /** What an export or a comparison of the open strategy at `uri` states about itself. */
  const requestContext = (uri: string): RequestContext => ({ file: path.basename(server.documentPath(uri)), date: new Date().toISOString().slice(0, 10), version });

  server.connection.onRequest(
    EXPORT_REQUEST,
    server.guard('export', null, async (params: unknown) => {
      const request = readExportParams(params);
      if (typeof request === 'string') throw new ResponseError(ErrorCodes.InvalidParams, request);
      const found = server.strategyAt(request.uri);
      return found ? answerExport(found.result.analysis, request, requestContext(request.uri)) : null;
    }),
  );

  server.connection.onRequest(
    DIFF_REQUEST,
    server.guard('diff', null, (params: unknown) => {
      const request = readDiffParams(params);
      if (typeof request === 'string') throw new ResponseError(ErrorCodes.InvalidParams, request);
      const found = server.strategyAt(request.uri);
      return found ? answerDiff(found.result.analysis, request, requestContext(request.uri)) : null;
    }),
  );
}
