/**
 * What the end-to-end tests share: opening strategies in the editor, waiting for the findings
 * by event (never by sleeping), the command line as the oracle of what the findings must be,
 * and the launcher's driver (status bar, screenshots) when the editor runs under code-server.
 */
import * as assert from 'assert';
import * as cp from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { loadDefaultSchema } from '../../../server/src/host/schemaFile';
import { Schema } from '../../../server/src/core/schema/types';

/** The project root: this file runs from out/test/e2e/suite/. */
export const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const EXTENSION_ID = 'dgs.dgs-strategy';
export const LANGUAGE_ID = 'dgs-strategy';
/** Bounded waits: long enough for a loaded 2-core machine, short enough to fail a run in time. */
export const WAIT_MS = 45_000;

let schemaCache: Schema | undefined;
/** The Recommendation as the project's schema data holds it: the source of every expected text. */
export function schema(): Schema {
  schemaCache ??= loadDefaultSchema();
  return schemaCache;
}

export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is open');
  return folder.uri.fsPath;
}

export async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `the extension ${EXTENSION_ID} is loaded`);
  await extension.activate();
}

/** Opens a strategy of the test workspace in an editor, as a drafter does from the explorer. */
export async function openStrategy(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(path.join(workspaceDir(), name));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  assert.strictEqual(document.languageId, LANGUAGE_ID, `${name} opens as a DGS strategy`);
  return editor;
}

let copies: string | undefined;
/**
 * Opens a fresh copy of a workspace strategy, for a test that edits it. The copies live outside
 * the workspace folder, so that the explorer (and the screenshot) shows only the examples.
 */
export async function openCopy(name: string, tag: string): Promise<vscode.TextEditor> {
  // runTest.ts names a scratch folder it removes at the end; elsewhere, the system's temporary folder.
  copies ??= fs.mkdtempSync(path.join(process.env.DGS_E2E_SCRATCH ?? os.tmpdir(), 'copies-'));
  const copy = path.join(copies, name.replace(/\.strategy\.ya?ml$/, `.${tag}.strategy.yaml`));
  fs.copyFileSync(path.join(workspaceDir(), name), copy);
  const document = await vscode.workspace.openTextDocument(copy);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  assert.strictEqual(document.languageId, LANGUAGE_ID, `${path.basename(copy)} opens as a DGS strategy`);
  return editor;
}

/** Saves (copies only) and closes every editor, so that no test sees another's leftovers. */
export async function closeEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (document.isDirty && document.uri.scheme === 'file') await document.save();
  }
  await vscode.commands.executeCommand('workbench.action.closeAllGroups');
}

// ---- Findings --------------------------------------------------------------------------

export type SeverityName = 'error' | 'warning' | 'info';

/** A finding as the command line's JSON output writes it, and as the tests compare them. */
export interface Finding {
  rule: string;
  severity: SeverityName;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

const SEVERITY_NAMES = new Map<vscode.DiagnosticSeverity, SeverityName>([
  [vscode.DiagnosticSeverity.Error, 'error'],
  [vscode.DiagnosticSeverity.Warning, 'warning'],
  [vscode.DiagnosticSeverity.Information, 'info'],
]);

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

/** The findings of this extension (source `dgs`) that the editor shows for a document. */
export function dgsDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'dgs');
}

export function asFinding(diagnostic: vscode.Diagnostic): Finding {
  const { start, end } = diagnostic.range;
  return {
    rule: ruleOf(diagnostic),
    severity: SEVERITY_NAMES.get(diagnostic.severity) ?? 'info',
    message: diagnostic.message,
    range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } },
  };
}

const findingKey = (f: Finding): string => `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.severity} ${f.rule}: ${f.message}`;
export const describeFindings = (findings: readonly Finding[]): string => findings.map(findingKey).sort().join('\n') || '(none)';

export interface CheckResult {
  diagnostics: Finding[];
  coverage: { addressed: string[]; missing: string[] };
}

/**
 * What `dgs check --format json` reports for this text: the oracle the editor's findings are held
 * to. The command line shares the core with the server but none of its protocol code, so a server
 * that drops, moves or rewords findings shows as a difference.
 */
export function cliCheck(text: string, name = 'oracle.strategy.yaml'): CheckResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgs-e2e-oracle-'));
  try {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    // Under desktop VS Code process.execPath is Electron, which runs as Node.js with this variable.
    const result = cp.spawnSync(process.execPath, [path.join(ROOT, 'bin', 'dgs.js'), 'check', '--format', 'json', file], {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      timeout: 30_000,
    });
    assert.ok(result.status === 0 || result.status === 1, `dgs check ran (exit ${result.status}): ${result.stderr}${result.error ?? ''}`);
    let report: { files: CheckResult[] };
    try {
      report = JSON.parse(result.stdout) as { files: CheckResult[] };
    } catch (error) {
      throw new Error(`dgs check printed no JSON (exit ${result.status}, ${(error as Error).message}): ${result.stdout.slice(0, 500)}${result.stderr}`);
    }
    return report.files[0];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Waits, by the editor's diagnostics event, until the document's findings satisfy `accept`;
 * checks once at once, since they may already. Fails after WAIT_MS with what was last seen.
 */
export function waitForDiagnostics(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = WAIT_MS): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const check = (): void => {
      if (settled) return;
      const diagnostics = dgsDiagnostics(uri);
      let ok = false;
      try {
        ok = accept(diagnostics);
      } catch (error) {
        finish();
        reject(error);
        return;
      }
      if (ok) {
        finish();
        resolve(diagnostics);
      }
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      if (settled) return;
      finish();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the editor shows:\n${describeFindings(dgsDiagnostics(uri).map(asFinding))}`));
    }, timeoutMs);
    function finish(): void {
      settled = true;
      clearTimeout(timer);
      subscription.dispose();
    }
    check();
  });
}

/** Waits until the editor shows exactly the findings `dgs check` reports for the document's current text. */
export async function waitForCheckedFindings(document: vscode.TextDocument, what = `the findings of ${path.basename(document.fileName)}`): Promise<CheckResult> {
  const expected = cliCheck(document.getText(), path.basename(document.fileName));
  const wanted = describeFindings(expected.diagnostics);
  try {
    await waitForDiagnostics(document.uri, (diagnostics) => describeFindings(diagnostics.map(asFinding)) === wanted, what);
  } catch (error) {
    throw new Error(`${(error as Error).message}\nwhile dgs check reports:\n${wanted}`);
  }
  return expected;
}

// ---- Positions, edits, hover --------------------------------------------------------------

/**
 * Where `needle` is written, `delta` characters into it. A needle written as `before|needle`
 * is looked for after the first `before` (so that `addresses: [1.i, |1.iv` finds the 1.iv of that
 * line, not one in a comment above it).
 */
export function positionOf(document: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const text = document.getText();
  const bar = needle.indexOf('|');
  const before = bar >= 0 ? needle.slice(0, bar) : '';
  const target = bar >= 0 ? needle.slice(bar + 1) : needle;
  const from = before ? text.indexOf(before) : 0;
  assert.ok(from >= 0, `${path.basename(document.fileName)} contains ${JSON.stringify(before)}`);
  const index = text.indexOf(target, from + before.length);
  assert.ok(index >= 0, `${path.basename(document.fileName)} contains ${JSON.stringify(target)} after ${JSON.stringify(before)}`);
  return document.positionAt(index + delta);
}

/** In the draft example: a clause reference that exists, and the unknown one on the same line. */
export const KNOWN_CLAUSE = 'addresses: [|1.i';
export const UNKNOWN_CLAUSE = 'addresses: [1.i, |1.iv';

/** The range of `needle` (written as in positionOf). */
export function rangeOf(document: vscode.TextDocument, needle: string): vscode.Range {
  const start = positionOf(document, needle);
  const length = needle.length - (needle.indexOf('|') + 1);
  return new vscode.Range(start, document.positionAt(document.offsetAt(start) + length));
}

export async function edit(document: vscode.TextDocument, change: (builder: vscode.WorkspaceEdit) => void): Promise<void> {
  const workspaceEdit = new vscode.WorkspaceEdit();
  change(workspaceEdit);
  const version = document.version;
  assert.ok(await vscode.workspace.applyEdit(workspaceEdit), 'the editor applied the edit');
  assert.ok(document.version > version, 'the edit changed the document');
}

/** The Markdown of every hover the editor would show at the position. */
export async function hoverMarkdown(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n\n');
}

/** Markdown read as a drafter reads it: escapes and emphasis gone, whitespace collapsed. */
export function asRead(markdown: string): string {
  return collapse(markdown.replace(/\\([\\`*_[\]<>#|~{}()+\-.!])/g, '$1').replace(/\*\*|__/g, ''));
}

export const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

export function assertReads(markdown: string, expected: string, what: string): void {
  const read = asRead(markdown);
  assert.ok(read.includes(collapse(expected)), `${what}: expected the text\n  ${collapse(expected)}\nverbatim in what the editor shows:\n  ${read}`);
}

// ---- The launcher's driver (code-server only) ---------------------------------------------

/** The launcher's address, when the editor runs under scripts/e2e/code-server-launcher.js. */
export const DRIVER_URL = process.env.DGS_E2E_DRIVER_URL;

export function driverRequest(method: 'GET' | 'POST', route: string, query: Record<string, string>, timeoutMs = WAIT_MS + 15_000): Promise<string> {
  assert.ok(DRIVER_URL, 'the editor runs under the code-server launcher (DGS_E2E_DRIVER_URL)');
  const url = new URL(route, DRIVER_URL);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => (response.statusCode === 200 ? resolve(body) : reject(new Error(`${route}: ${response.statusCode} ${body}`))));
    });
    request.on('timeout', () => request.destroy(new Error(`${route}: no answer in ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end();
  });
}

export interface StatusBarEntry {
  id: string;
  text: string;
  label: string;
}

/**
 * Waits until the workbench's status bar shows an entry whose text matches `pattern`, and returns
 * every entry then shown. Read from the page itself: what the drafter sees.
 */
export async function statusBarShows(pattern: RegExp): Promise<StatusBarEntry[]> {
  const body = await driverRequest('GET', '/statusbar', { match: pattern.source, timeout: String(WAIT_MS) });
  return JSON.parse(body) as StatusBarEntry[];
}

/** Clicks, in the page, the first element a CSS selector finds: for what no command does. */
export async function click(selector: string): Promise<void> {
  await driverRequest('POST', '/click', { selector });
}

/** Takes a screenshot of the workbench into the launcher's screenshot folder, once `waitFor` (a CSS selector) is visible. */
export async function screenshot(name: string, waitFor?: string): Promise<string> {
  return driverRequest('POST', '/screenshot', waitFor ? { name, waitFor } : { name });
}

/** Resizes the page the workbench runs in (code-server only). */
export async function setViewport(width: number, height: number): Promise<void> {
  await driverRequest('POST', '/viewport', { width: String(width), height: String(height) });
}

/** Runs `script` (a function body) in the first frame of the page, such as a webview, that has an element matching `has`. */
export async function evaluateInFrame<T>(has: string, script: string): Promise<T> {
  return JSON.parse(await driverRequest('POST', '/frame/evaluate', { has, script })) as T;
}

/** Clicks, in the first frame that has an element matching `has`, the first element `selector` finds: a real click of the mouse. */
export async function clickInFrame(has: string, selector: string): Promise<void> {
  await driverRequest('POST', '/frame/click', { has, selector });
}

/** Prints a line into the test report (the launcher shows lines that start with `[e2e] `). */
export function report(line: string): void {
  console.log(`[e2e]   ${line}`);
}

/** Waits until the active editor shows `uri` and satisfies `accept` (selection, visible lines). */
export function waitForEditor(uri: vscode.Uri, accept: (editor: vscode.TextEditor) => boolean, what: string): Promise<vscode.TextEditor> {
  return new Promise((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    const matching = (): vscode.TextEditor | undefined =>
      [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].find((editor) => editor && editor.document.uri.toString() === uri.toString() && accept(editor));
    const check = (): void => {
      const editor = matching();
      if (!editor) return;
      finish();
      resolve(editor);
    };
    const timer = setTimeout(() => {
      finish();
      const editor = vscode.window.activeTextEditor;
      reject(new Error(`timed out after ${WAIT_MS} ms waiting for ${what}; the active editor is ${editor?.document.uri.toString() ?? 'none'} at ${editor ? JSON.stringify(editor.selections) : '-'}`));
    }, WAIT_MS);
    function finish(): void {
      clearTimeout(timer);
      subscriptions.forEach((subscription) => subscription.dispose());
    }
    subscriptions.push(vscode.window.onDidChangeActiveTextEditor(check), vscode.window.onDidChangeTextEditorSelection(check), vscode.window.onDidChangeTextEditorVisibleRanges(check));
    check();
  });
}
