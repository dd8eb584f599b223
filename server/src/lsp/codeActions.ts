/** Quick fixes, fix all, and the command that inserts every missing section (features/codeActions.ts). */
import { CodeAction, ErrorCodes, ResponseError, TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentAnalysis } from './documents';
import { ADD_SUGGESTED_CLAUSES_KIND, CodeActionResult, computeCodeActions, FIX_ALL_KIND, INSERT_MISSING_SECTIONS_KIND, QUICK_FIX_KIND } from '../features/codeActions';
import { rangeOf, ServerContext } from './context';
import { toDiagnostic } from './diagnostics';
import { IMPORT_DOCUMENT_COMMAND, importDocument } from './importDocument';
import { isRecord } from './settings';

export const INSERT_ALL_MISSING_SECTIONS = 'dgs.insertAllMissingSections';
export const CODE_ACTION_KINDS = [QUICK_FIX_KIND, FIX_ALL_KIND, INSERT_MISSING_SECTIONS_KIND, ADD_SUGGESTED_CLAUSES_KIND];

/** A quick fix's offsets as an LSP code action, version-checked where the client allows. */
function toCodeAction(server: ServerContext, document: TextDocument, result: DocumentAnalysis, action: CodeActionResult): CodeAction {
  const lines = result.analysis.model.lines;
  const codeAction: CodeAction = {
    title: action.title,
    kind: action.kind,
    edit: server.workspaceEdit(document, action.edits.map((edit) => TextEdit.replace(rangeOf(lines, { start: edit.start, end: edit.end }), edit.newText))),
  };
  if (action.isPreferred) codeAction.isPreferred = true;
  if (action.diagnostics && action.diagnostics.length > 0) codeAction.diagnostics = action.diagnostics.map((finding) => toDiagnostic(document.uri, lines, finding));
  return codeAction;
}

async function insertAllMissingSections(server: ServerContext, document: TextDocument, result: DocumentAnalysis): Promise<{ applied: boolean; reason?: string }> {
  const whole = { start: 0, end: result.analysis.model.text.length };
  const action = computeCodeActions(result.analysis, whole, [INSERT_MISSING_SECTIONS_KIND]).find((candidate) => candidate.kind === INSERT_MISSING_SECTIONS_KIND);
  if (!action || action.edits.length === 0) return { applied: false, reason: 'No section is missing, or the file does not parse.' };
  const edit = toCodeAction(server, document, result, action).edit!;
  const response = await server.connection.workspace.applyEdit({ label: action.title, edit });
  return { applied: response.applied, reason: response.failureReason };
}

export function registerCodeActions(server: ServerContext): void {
  const { connection } = server;
  connection.onCodeAction(
    server.request('code actions', [] as CodeAction[], (params): CodeAction[] => {
      const found = server.strategyAt(params.textDocument.uri);
      if (!found) return [];
      const range = { start: found.lines.offsetAt(params.range.start), end: found.lines.offsetAt(params.range.end) };
      return computeCodeActions(found.result.analysis, range, params.context.only).map((action) => toCodeAction(server, found.document, found.result, action));
    }),
  );

  connection.onExecuteCommand(
    server.request('execute command', null, async (params) => {
      // One handler answers every command of the server; the import has a module of its own.
      if (params.command === IMPORT_DOCUMENT_COMMAND) return importDocument(server, params.arguments?.[0]);
      if (params.command !== INSERT_ALL_MISSING_SECTIONS) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${params.command}`);
      const argument: unknown = params.arguments?.[0];
      const uri = typeof argument === 'string' ? argument : isRecord(argument) && typeof argument.uri === 'string' ? argument.uri : server.lastActiveUri;
      const found = uri ? server.strategyAt(uri) : undefined;
      if (!found) return { applied: false, reason: 'No open strategy document.' };
      return insertAllMissingSections(server, found.document, found.result);
    }),
  );
}
