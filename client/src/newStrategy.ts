/**
 * "DGS: New strategy": a new, unsaved strategy holding the skeleton `dgs init` writes (the
 * language server writes it, with the schema that applies there), named
 * `national.strategy.yaml` (or the first free variant) in the chosen or first workspace folder,
 * so that saving it puts it there. Nothing is written until the drafter saves.
 */
import * as vscode from 'vscode';
import { DEFAULT_STRATEGY_FILE, SkeletonAnswer, SkeletonParams } from '../../server/src/protocol';
import { candidateName } from './strategyFileName';

/** Sends `dgs/skeleton` to the running server; undefined while no server runs. */
export type SkeletonRequester = (params: SkeletonParams) => Promise<SkeletonAnswer | null>;

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The first name that is neither a file in the folder nor an open unsaved document. */
export async function freeUri(folder: vscode.Uri, base?: string): Promise<vscode.Uri> {
  const open = new Set(vscode.workspace.textDocuments.map((document) => document.uri.path));
  for (let index = 1; ; index++) {
    const file = vscode.Uri.joinPath(folder, candidateName(index, base));
    if (!open.has(file.path) && !(await exists(file))) return file;
  }
}

async function targetFolder(argument: unknown): Promise<vscode.Uri | undefined> {
  if (argument instanceof vscode.Uri) {
    try {
      const stat = await vscode.workspace.fs.stat(argument);
      return stat.type & vscode.FileType.Directory ? argument : vscode.Uri.joinPath(argument, '..');
    } catch {
      return undefined;
    }
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  const activeFolder = active ? vscode.workspace.getWorkspaceFolder(active) : undefined;
  return (activeFolder ?? vscode.workspace.workspaceFolders?.[0])?.uri;
}

async function skeleton(uri: vscode.Uri, request: SkeletonRequester | undefined): Promise<string | undefined> {
  const answer = request ? await request({ uri: uri.toString(), year: new Date().getFullYear() }).catch(() => null) : null;
  if (answer && typeof answer.text === 'string') return answer.text;
  void vscode.window.showErrorMessage('The DGS language server is not running, so it cannot write a new strategy. Run "DGS: Restart language server" and try again.');
  return undefined;
}

export async function newStrategy(argument: unknown, request: SkeletonRequester | undefined): Promise<vscode.TextEditor | undefined> {
  const folder = await targetFolder(argument);
  if (!folder) {
    const text = await skeleton(vscode.Uri.from({ scheme: 'untitled', path: DEFAULT_STRATEGY_FILE }), request);
    if (text === undefined) return undefined;
    const document = await vscode.workspace.openTextDocument({ language: 'dgs-strategy', content: text });
    return vscode.window.showTextDocument(document);
  }
  const file = await freeUri(folder);
  const text = await skeleton(file, request);
  if (text === undefined) return undefined;
  const document = await vscode.workspace.openTextDocument(file.with({ scheme: 'untitled' }));
  const editor = await vscode.window.showTextDocument(document);
  if (document.getText() === '') {
    await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), text));
  }
  if (document.languageId !== 'dgs-strategy') await vscode.languages.setTextDocumentLanguage(document, 'dgs-strategy');
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  return editor;
}
