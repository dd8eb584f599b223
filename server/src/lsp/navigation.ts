/** Going from a measure id to its measure and its uses, and renaming it (features/definition.ts, references.ts, rename.ts). */
import { ErrorCodes, Location, ResponseError, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { definitionAt } from '../features/definition';
import { referencesAt } from '../features/references';
import { prepareRenameAt, renameAt } from '../features/rename';
import { rangeOf, ServerContext } from './context';

export function registerNavigation(server: ServerContext): void {
  const { connection } = server;
  connection.onDefinition(
    server.guard('definition', [] as Location[], (params): Location[] => {
      const found = server.strategyAt(params.textDocument.uri);
      if (!found) return [];
      return definitionAt(found.result.analysis, found.lines.offsetAt(params.position)).map((span) => ({ uri: params.textDocument.uri, range: rangeOf(found.lines, span) }));
    }),
  );

  connection.onReferences(
    server.guard('references', [] as Location[], (params): Location[] => {
      const found = server.strategyAt(params.textDocument.uri);
      if (!found) return [];
      return referencesAt(found.result.analysis, found.lines.offsetAt(params.position), params.context.includeDeclaration).map((span) => ({
        uri: params.textDocument.uri,
        range: rangeOf(found.lines, span),
      }));
    }),
  );

  connection.onPrepareRename(
    server.guard('prepare rename', null, (params) => {
      const found = server.strategyAt(params.textDocument.uri);
      if (!found) return null;
      const target = prepareRenameAt(found.result.analysis, found.lines.offsetAt(params.position));
      return target ? { range: rangeOf(found.lines, target.span), placeholder: target.id } : null;
    }),
  );

  connection.onRenameRequest(
    server.guard('rename', null, (params): WorkspaceEdit | null => {
      const found = server.strategyAt(params.textDocument.uri);
      if (!found) return null;
      const result = renameAt(found.result.analysis, found.lines.offsetAt(params.position), params.newName.trim());
      if (!result) throw new ResponseError(ErrorCodes.InvalidRequest, 'Only a measure id can be renamed here.');
      if ('error' in result) throw new ResponseError(ErrorCodes.InvalidParams, result.error);
      return server.workspaceEdit(found.document, result.edits.map((edit) => TextEdit.replace(rangeOf(found.lines, edit.span), edit.newText)));
    }),
  );
}
