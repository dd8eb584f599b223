/**
 * "DGS: Export to Word", "DGS: Export to spreadsheet" and "DGS: Compare with the last commit".
 * The language server makes the documents and the comparison (dgs/export, dgs/diff); the
 * extension only asks, saves the bytes where the user says, and reads the committed version
 * through the built-in Git extension.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';
import {
  DIFF_REQUEST,
  DiffRequestParams,
  DiffRequestResult,
  EXPORT_REQUEST,
  ExportRequestParams,
  ExportRequestResult,
} from '../../server/src/export/protocol';

/** The part of the Git extension's API (extensions/git/src/api/git.d.ts, version 1) this module uses. */
interface GitRepository {
  readonly rootUri: vscode.Uri;
  show(ref: string, path: string): Promise<string>;
}
interface GitApi {
  getRepository(uri: vscode.Uri): GitRepository | null;
}
interface GitExtension {
  getAPI(version: 1): GitApi;
}

const OPEN_A_STRATEGY = 'Open a strategy file (*.strategy.yaml) first.';

/** The strategy's file name without `.strategy.yaml` (or `.yaml`), for the names of what is saved. */
function baseName(uri: vscode.Uri): string {
  return path.basename(uri.path).replace(/(\.strategy)?\.ya?ml$/i, '');
}

async function saveBytes(source: vscode.Uri, suggested: string, filters: Record<string, string[]>, bytes: Uint8Array): Promise<void> {
  const folder = source.scheme === 'file' ? vscode.Uri.joinPath(source, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, suggested) : undefined, filters });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, bytes);
  const choice = await vscode.window.showInformationMessage(`Saved ${path.basename(target.path)}.`, 'Open');
  if (choice === 'Open') await vscode.env.openExternal(target);
}

export function registerExportCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, activeUri: () => vscode.Uri | undefined): void {
  /** The running client and the strategy to work on, or undefined after saying what is missing. */
  const target = (): { running: LanguageClient; uri: vscode.Uri } | undefined => {
    const uri = activeUri();
    const running = client();
    if (!uri) {
      void vscode.window.showInformationMessage(OPEN_A_STRATEGY);
      return undefined;
    }
    if (!running || running.state !== State.Running) {
      void vscode.window.showWarningMessage('The DGS language server is not running; run "DGS: Restart language server".');
      return undefined;
    }
    return { running, uri };
  };

  const exportAs = async (params: Omit<ExportRequestParams, 'uri'>, suggested: string, filters: Record<string, string[]>): Promise<void> => {
    const found = target();
    if (!found) return;
    const result = await found.running.sendRequest<ExportRequestResult | null>(EXPORT_REQUEST, { ...params, uri: found.uri.toString() });
    if (!result) {
      void vscode.window.showInformationMessage(OPEN_A_STRATEGY);
      return;
    }
    await saveBytes(found.uri, `${baseName(found.uri)}${suggested}`, filters, Buffer.from(result.base64, 'base64'));
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('dgs.exportWord', () => exportAs({ format: 'docx' }, '.docx', { 'Word document': ['docx'] })),
    vscode.commands.registerCommand('dgs.exportSpreadsheet', async () => {
      const choice = await vscode.window.showQuickPick(
        [
          { label: 'Excel workbook', description: 'both tables, a sheet each (.xlsx)', table: undefined },
          { label: 'Measures (CSV)', description: 'one row per measure: section, id, title, lead, due date, budget, business case, status, clauses', table: 'measures' as const },
          { label: 'Clauses (CSV)', description: 'one row per clause of the Recommendation: its text, status and measures', table: 'clauses' as const },
        ],
        { title: 'Export to spreadsheet', placeHolder: 'A workbook, or one table as CSV?' },
      );
      if (!choice) return;
      if (choice.table === undefined) await exportAs({ format: 'xlsx' }, '.xlsx', { 'Excel workbook': ['xlsx'] });
      else await exportAs({ format: 'csv', table: choice.table }, `-${choice.table}.csv`, { 'CSV (spreadsheet)': ['csv'] });
    }),
    vscode.commands.registerCommand('dgs.compareWithLastCommit', () => compareWithLastCommit(target())),
  );
}

async function gitApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) return undefined;
  const exports = extension.isActive ? extension.exports : await extension.activate();
  return exports?.getAPI(1);
}

async function compareWithLastCommit(found: { running: LanguageClient; uri: vscode.Uri } | undefined): Promise<void> {
  if (!found) return;
  const git = await gitApi().catch(() => undefined);
  if (!git) {
    void vscode.window.showWarningMessage('The built-in Git extension is not available, so the last commit cannot be read. Use dgs diff git:HEAD:FILE FILE in a terminal.');
    return;
  }
  const repository = found.uri.scheme === 'file' ? git.getRepository(found.uri) : null;
  if (!repository) {
    void vscode.window.showInformationMessage('This strategy is not in a Git repository, so it has no last commit to compare with.');
    return;
  }
  let previousText: string;
  try {
    previousText = await repository.show('HEAD', found.uri.fsPath);
  } catch {
    void vscode.window.showInformationMessage('This strategy is not in the last commit yet: commit it once, then compare.');
    return;
  }
  const relative = path.relative(repository.rootUri.fsPath, found.uri.fsPath).split(path.sep).join('/');
  const params: DiffRequestParams = { uri: found.uri.toString(), previousText, previousLabel: `HEAD:${relative}`, format: 'markdown' };
  const result = await found.running.sendRequest<DiffRequestResult | null>(DIFF_REQUEST, params);
  if (!result) {
    void vscode.window.showInformationMessage(OPEN_A_STRATEGY);
    return;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.text });
  await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  // The rendered Markdown reads better; the text stays open for copying into a comment.
  await vscode.commands.executeCommand('markdown.showPreview', document.uri).then(undefined, () => undefined);
}
