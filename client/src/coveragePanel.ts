/**
 * "DGS: Show coverage": the coverage report beside the editor, as the server renders it (the
 * same report as `dgs coverage --format html`), re-rendered as the drafter types. The
 * extension's stylesheet makes it follow the editor's theme and width; its script turns a
 * click on a measure, a clause or a finding into a move of the editor's cursor there.
 */
import * as vscode from 'vscode';
import type { ReportMessage } from '../../server/src/protocol';
import { revealTargets } from './coverageModel';
import { CoverageSnapshot, CoverageTracker } from './coverageTracker';
import { revealRanges } from './reveal';
import { makeNonce, webviewPage } from './webviewHtml';

export const COVERAGE_PANEL_TYPE = 'dgs.coverageReport';

function isReportMessage(value: unknown): value is ReportMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'reveal-measure':
      return typeof message.index === 'number';
    case 'reveal-clause':
      return typeof message.ref === 'string';
    case 'reveal-finding':
      return typeof message.line === 'number' && typeof message.column === 'number';
    default:
      return false;
  }
}

export class CoveragePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private shownUri: string | undefined;
  private lastHtml: string | undefined;
  private readonly media: vscode.Uri;
  private readonly subscription: vscode.Disposable;
  private readonly revealed = new vscode.EventEmitter<vscode.TextEditor>();
  /** Fires when a click in the report has moved the editor's cursor (for tests). */
  readonly onDidReveal = this.revealed.event;

  constructor(
    private readonly tracker: CoverageTracker,
    extensionUri: vscode.Uri,
  ) {
    this.media = vscode.Uri.joinPath(extensionUri, 'client', 'media');
    this.subscription = tracker.onDidChange((snapshot) => {
      if (this.panel && snapshot) this.render(snapshot);
    });
  }

  get webviewPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** Opens the report beside the editor, or brings it forward; false when no strategy is open. */
  async show(): Promise<boolean> {
    if (!this.tracker.snapshot) return false;
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(
        COVERAGE_PANEL_TYPE,
        'Coverage',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, enableFindWidget: true, retainContextWhenHidden: false, localResourceRoots: [this.media] },
      );
      this.panel = panel;
      panel.webview.onDidReceiveMessage((message: unknown) => void this.onMessage(message));
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.lastHtml = undefined;
        this.shownUri = undefined;
        this.tracker.includeHtml = false;
      });
    } else {
      this.panel.reveal(this.panel.viewColumn ?? vscode.ViewColumn.Beside, true);
    }
    this.tracker.includeHtml = true;
    if (this.tracker.snapshot?.answer.html === undefined) await this.tracker.refresh();
    if (this.tracker.snapshot) this.render(this.tracker.snapshot);
    return true;
  }

  private async onMessage(message: unknown): Promise<void> {
    const snapshot = this.tracker.snapshot;
    if (!snapshot || !isReportMessage(message)) return;
    const editor = await revealRanges(snapshot.document.uri, revealTargets(snapshot.answer, message));
    if (editor) this.revealed.fire(editor);
  }

  private render(snapshot: CoverageSnapshot): void {
    const panel = this.panel;
    const report = snapshot.answer.html;
    if (!panel || report === undefined) return;
    const uri = snapshot.document.uri.toString();
    panel.title = `Coverage: ${snapshot.answer.report.file.split('/').pop()}`;
    // The report alone decides whether the page changes: a new nonce must not reload an unchanged page.
    if (report === this.lastHtml && uri === this.shownUri) return;
    this.lastHtml = report;
    this.shownUri = uri;
    const webview = panel.webview;
    panel.webview.html = webviewPage(report, {
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'report.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'report.js')).toString(),
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.revealed.dispose();
    this.panel?.dispose();
  }
}
