/**
 * The fixes the coverage view offers on a clause, run through the language server's quick
 * fixes (the extension computes no edit itself): "Add a measure for this clause" on a clause
 * of a present section, "Insert the missing section" when the strategy has none for it. After
 * either, and after the same quick fixes taken from the light bulb, the cursor lands on the
 * first placeholder inserted.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import type { CoverageNode } from './coverageTree';
import { insertsPlaceholders, OffsetEdit, placeholderAfterEdits } from './placeholders';

export const ADD_MEASURE_COMMAND = 'dgs.addMeasureForClause';
export const SELECT_PLACEHOLDER_COMMAND = 'dgs.selectPlaceholder';

/** Attaches, to a fix that inserts placeholders, the command that selects the first of them once the edit is applied. */
function withPlaceholderCommand(document: vscode.TextDocument, action: vscode.CodeAction): vscode.CodeAction {
  if (action.command || !action.edit || !insertsPlaceholders(action.title)) return action;
  const edits: OffsetEdit[] = action.edit.get(document.uri).map((edit) => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end), newText: edit.newText }));
  const placeholder = placeholderAfterEdits(edits);
  if (placeholder) action.command = { command: SELECT_PLACEHOLDER_COMMAND, title: 'Select the first placeholder', arguments: [document.uri.toString(), placeholder.start, placeholder.end] };
  return action;
}

/** The language client's middleware for code actions. */
export const codeActionMiddleware: Pick<Middleware, 'provideCodeActions'> = {
  provideCodeActions: async (document, range, context, token, next) => {
    const actions = await next(document, range, context, token);
    return actions?.map((action) => (action instanceof vscode.CodeAction ? withPlaceholderCommand(document, action) : action));
  },
};

async function selectPlaceholder(uri: unknown, start: unknown, end: unknown): Promise<void> {
  if (typeof uri !== 'string' || typeof start !== 'number' || typeof end !== 'number') return;
  const visible = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === uri);
  if (!visible) return;
  const editor = await vscode.window.showTextDocument(visible.document, { viewColumn: visible.viewColumn, preserveFocus: false });
  const selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(end));
  editor.selection = selection;
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** How the title the server gives the fix for a clause begins. */
function fixTitle(node: Extract<CoverageNode, { kind: 'unit' }>): string {
  return node.recommendation.present ? `Add a measure for clause ${node.unit.ref} ` : `Insert the missing section "${node.recommendation.section}"`;
}

/** Runs the server's fix for a clause no measure addresses, in the strategy the view shows. */
export async function addMeasureForClause(node: unknown, documentOf: () => vscode.TextDocument | undefined): Promise<boolean> {
  const unit = node as CoverageNode | undefined;
  const document = documentOf();
  if (!document || !unit || unit.kind !== 'unit') return false;
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const actions = (await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', document.uri, whole, vscode.CodeActionKind.QuickFix.value)) ?? [];
  const title = fixTitle(unit);
  const action = actions.find((candidate): candidate is vscode.CodeAction => 'edit' in candidate && candidate.title.startsWith(title));
  if (!action?.edit) {
    void vscode.window.showInformationMessage(`No measure can be added for clause ${unit.unit.ref} here: fix the problems the file shows first.`);
    return false;
  }
  await vscode.window.showTextDocument(document, { preview: false });
  if (!(await vscode.workspace.applyEdit(action.edit))) return false;
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  return true;
}

export function registerClauseFixes(documentOf: () => vscode.TextDocument | undefined): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(ADD_MEASURE_COMMAND, (node: unknown) => addMeasureForClause(node, documentOf)),
    vscode.commands.registerCommand(SELECT_PLACEHOLDER_COMMAND, selectPlaceholder),
  );
}
