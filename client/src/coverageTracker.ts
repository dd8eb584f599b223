/**
 * Follows the strategy the drafter is working on (the active editor's, or the last one while
 * it stays open) and keeps its coverage up to date as they type, by asking the language
 * server (`dgs/coverage`): the extension analyses nothing itself. The status bar, the
 * coverage view and the report listen to it.
 */
import * as vscode from 'vscode';
import type { CoverageAnswer, CoverageParams } from '../../server/src/protocol';
import { buildCoverageView, CoverageView, isCoverageAnswer, looksLikeStrategy } from './coverageModel';

/** How long typing must pause before the coverage is asked for again. */
const TYPING_PAUSE_MS = 150;
/** How long to wait for the server's answer before giving up on this version. */
const SERVER_TIMEOUT_MS = 5000;

/** Sends `dgs/coverage` to the running server; undefined while no server runs. */
export type CoverageRequester = (params: CoverageParams) => Promise<unknown>;

export interface CoverageSnapshot {
  document: vscode.TextDocument;
  version: number;
  answer: CoverageAnswer;
  view: CoverageView;
}

/** Schemes whose YAML files the server checks; a document in the strategy language is checked whatever its scheme. */
const YAML_SCHEMES = new Set(['file', 'untitled']);

/** Whether a document is one the tools may treat as a strategy, as far as the client can tell. */
export function isStrategyCandidate(document: vscode.TextDocument): boolean {
  if (document.languageId === 'dgs-strategy') return true;
  if (document.languageId !== 'yaml' || !YAML_SCHEMES.has(document.uri.scheme)) return false;
  const treatAll = vscode.workspace.getConfiguration('dgs', document.uri).get<boolean>('treatAllYamlAsStrategy', false);
  return looksLikeStrategy({ languageId: document.languageId, fileName: document.fileName, firstLine: document.lineCount > 0 ? document.lineAt(0).text : '' }, treatAll);
}

export class CoverageTracker implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CoverageSnapshot | undefined>();
  /** Fires when the followed strategy, or its coverage, changes; undefined when there is none. */
  readonly onDidChange = this.changed.event;
  private current: vscode.TextDocument | undefined;
  private latest: CoverageSnapshot | undefined;
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Whether the answers should carry the report's HTML: while the report is open. */
  private html = false;

  constructor(private readonly requestCoverage: () => CoverageRequester | undefined) {
    this.subscriptions.push(
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => this.follow()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.current && event.contentChanges.length > 0) this.schedule();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document === this.current) {
          this.current = undefined;
          this.follow();
        }
      }),
      vscode.workspace.onDidOpenTextDocument((document) => {
        // A document whose language changed is closed and opened again under its new language.
        if (vscode.window.activeTextEditor?.document === document) this.follow();
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        // The server has analysed a new version: its summary is up to date now.
        if (this.current && event.uris.some((uri) => uri.toString() === this.current!.uri.toString())) this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('dgs')) this.follow(true);
      }),
    );
    this.follow();
  }

  get document(): vscode.TextDocument | undefined {
    return this.current;
  }

  get snapshot(): CoverageSnapshot | undefined {
    return this.latest;
  }

  /** Asks for the report's HTML with the coverage from now on (true), or no longer (false). */
  set includeHtml(value: boolean) {
    if (this.html === value) return;
    this.html = value;
    if (value) void this.refresh();
  }

  /** Takes the active editor's document when it may be a strategy; keeps the last one otherwise while it is open. */
  follow(force = false): void {
    const active = vscode.window.activeTextEditor?.document;
    let next = this.current;
    if (active && isStrategyCandidate(active)) next = active;
    else if (active && YAML_SCHEMES.has(active.uri.scheme)) next = undefined;
    if (next && next.isClosed) next = undefined;
    if (next === this.current && !force && this.latest) return;
    this.current = next;
    void this.refresh();
  }

  /** Recomputes the coverage after a pause in typing. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, TYPING_PAUSE_MS);
  }

  /** Recomputes the coverage of the followed strategy now. */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const document = this.current;
    if (!document) {
      this.publish(undefined);
      return;
    }
    const version = document.version;
    const answer = await this.askServer(document);
    if (generation !== this.generation || document.version !== version || document.isClosed) return;
    if (answer === null) {
      // The server does not treat this document as a strategy (a plain YAML file).
      this.publish(undefined);
      return;
    }
    if (answer === undefined) {
      // No answer (no server yet, or it failed): the coverage shown stays until the next one, if it is this document's.
      if (this.latest && this.latest.document !== document) this.publish(undefined);
      return;
    }
    this.publish({ document, version: answer.version, answer, view: buildCoverageView(answer) });
  }

  /** The server's answer; null when it says the document is no strategy; undefined when it cannot say. */
  private async askServer(document: vscode.TextDocument): Promise<CoverageAnswer | null | undefined> {
    const request = this.requestCoverage();
    if (!request) return undefined;
    let timeout: NodeJS.Timeout | undefined;
    try {
      const answer = await Promise.race([
        request({ uri: document.uri.toString(), file: vscode.workspace.asRelativePath(document.uri, false), html: this.html }),
        new Promise<'timeout'>((resolve) => {
          timeout = setTimeout(() => resolve('timeout'), SERVER_TIMEOUT_MS);
        }),
      ]);
      if (answer === null) return null;
      return isCoverageAnswer(answer) ? answer : undefined;
    } catch {
      return undefined;
    } finally {
      if (timeout) clearTimeout(timeout);
    }
  }

  private publish(snapshot: CoverageSnapshot | undefined): void {
    this.latest = snapshot;
    void vscode.commands.executeCommand('setContext', 'dgs.strategyActive', snapshot !== undefined);
    this.changed.fire(snapshot);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
