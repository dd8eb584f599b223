/**
 * "DGS: Import a strategy document": the drafter picks a Word, Markdown or text document;
 * the language server turns it into a first strategy (the client runs no analysis); the
 * result opens as a new, unsaved strategy next to the document, named after it, so that
 * nothing is written until the drafter saves.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, State } from 'vscode-languageclient/node';
import { IMPORT_DOCUMENT_COMMAND, ImportDocumentArguments, ImportDocumentResult } from '../../server/src/import/protocol';
import { freeUri } from './newStrategy';

const DOCUMENT_EXTENSIONS = ['docx', 'md', 'markdown', 'txt'];

/** `strategy.docx` → `strategy.strategy.yaml` beside it, or the first free variant. */
function strategyUriFor(document: vscode.Uri): Promise<vscode.Uri> {
  const name = document.path.slice(document.path.lastIndexOf('/') + 1);
  return freeUri(vscode.Uri.joinPath(document, '..'), `${name.replace(/\.[^.]*$/, '')}.strategy.yaml`);
}

async function pickDocument(resource: unknown): Promise<vscode.Uri | undefined> {
  if (resource instanceof vscode.Uri) return resource;
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Import',
    title: 'Import a strategy document',
    filters: { 'Strategy documents': DOCUMENT_EXTENSIONS },
  });
  return picked?.[0];
}

export async function importStrategyDocument(client: LanguageClient | undefined, resource?: unknown): Promise<vscode.TextEditor | undefined> {
  const source = await pickDocument(resource);
  if (!source) return undefined;
  if (!client || client.state !== State.Running) {
    void vscode.window.showErrorMessage('The DGS language server is not running, so the document cannot be imported. Run "DGS: Restart language server" and try again.');
    return undefined;
  }
  const fileName = source.path.slice(source.path.lastIndexOf('/') + 1);
  const target = await strategyUriFor(source);
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Importing ${fileName}…` }, async () => {
    const content = Buffer.from(await vscode.workspace.fs.readFile(source)).toString('base64');
    const argument: ImportDocumentArguments = { fileName, content, target: target.toString() };
    return (await client.sendRequest(ExecuteCommandRequest.type, { command: IMPORT_DOCUMENT_COMMAND, arguments: [argument] })) as ImportDocumentResult | null;
  });
  if (!result || 'error' in result) {
    void vscode.window.showErrorMessage(result?.error ?? `${fileName} could not be imported.`);
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(target.with({ scheme: 'untitled' }));
  const editor = await vscode.window.showTextDocument(document);
  if (document.getText() === '') await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), result.text));
  if (document.languageId !== 'dgs-strategy') await vscode.languages.setTextDocumentLanguage(document, 'dgs-strategy');
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  const unplaced = result.unplaced > 0 ? `; ${result.unplaced} passages that fit nowhere are kept under x-unplaced` : '';
  void vscode.window
    .showInformationMessage(
      `Imported ${fileName}: ${result.measures} measures in ${result.sections} sections${unplaced}. Every guessed value is marked "imported: check"; the Problems panel lists what is left to do.`,
      'Show problems',
    )
    .then((choice) => choice && vscode.commands.executeCommand('workbench.actions.view.problems'));
  return editor;
}
