/**
 * "DGS: Show coverage": the HTML coverage report (the same as `dgs coverage --format html`)
 * in a webview beside the editor, re-rendered as the drafter types. It runs no script.
 */
import * as vscode from 'vscode';
import { renderCoverageReport } from '../../server/src/report';
import { CoverageSnapshot, CoverageTracker } from './coverageTracker';
import { contentSecurityPolicy, escapeHtml, withContentSecurityPolicy } from './webviewHtml';

export const COVERAGE_PANEL_TYPE = 'dgs.coverageReport';

export class CoveragePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private shownUri: string | undefined;
  private lastHtml: string | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly tracker: CoverageTracker) {
    this.subscription = tracker.onDidChange((snapshot) => {
      if (this.panel && snapshot) this.render(snapshot);
    });
  }

  /** Opens the report beside the editor, or brings it forward; false when no strategy is open. */
  show(): boolean {
    const snapshot = this.tracker.snapshot;
    if (!snapshot) return false;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        COVERAGE_PANEL_TYPE,
        'Coverage',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: false, enableFindWidget: true, localResourceRoots: [] },
      );
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.lastHtml = undefined;
        this.shownUri = undefined;
      });
    } else {
      this.panel.reveal(this.panel.viewColumn ?? vscode.ViewColumn.Beside, true);
    }
    this.render(snapshot);
    return true;
  }

  private render(snapshot: CoverageSnapshot): void {
    const panel = this.panel;
    if (!panel) return;
    const file = vscode.workspace.asRelativePath(snapshot.document.uri, false);
    let report: string;
    try {
      report = renderCoverageReport('html', snapshot.analysis, { file });
    } catch (error) {
      report = `<!doctype html><html><head><title>Coverage</title></head><body><p>The coverage report could not be made: ${escapeHtml((error as Error).message)}</p></body></html>`;
    }
    const html = withContentSecurityPolicy(report, contentSecurityPolicy(panel.webview.cspSource));
    const uri = snapshot.document.uri.toString();
    panel.title = `Coverage: ${file.split('/').pop()}`;
    if (html === this.lastHtml && uri === this.shownUri) return;
    this.lastHtml = html;
    this.shownUri = uri;
    panel.webview.html = html;
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
  }
}
