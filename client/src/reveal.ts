/**
 * Shows places of a strategy in its editor: the measures a clause of the coverage view or a
 * row of the report points to. The editor that already shows the document is used (the
 * report stays beside it); the places are selected, the first brought into view.
 */
import * as vscode from 'vscode';
import type { ProtocolRange } from '../../server/src/protocol';

export function toRange(range: ProtocolRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export async function revealRanges(uri: vscode.Uri, ranges: readonly ProtocolRange[]): Promise<vscode.TextEditor | undefined> {
  if (ranges.length === 0) return undefined;
  const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
  const selections = ranges.map((range) => {
    const converted = toRange(range);
    return new vscode.Selection(converted.start, converted.end);
  });
  const options: vscode.TextDocumentShowOptions = { viewColumn: visible?.viewColumn, preserveFocus: false, preview: false, selection: selections[0] };
  const editor = visible ? await vscode.window.showTextDocument(visible.document, options) : await vscode.window.showTextDocument(uri, options);
  editor.selections = selections;
  editor.revealRange(selections[0], vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
