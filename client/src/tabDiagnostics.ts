/**
 * The findings the Problems panel lists: those of the strategies open in a tab, as when
 * VS Code pulled them. The server pushes the findings of every document the editor has
 * loaded, and VS Code keeps a document loaded for minutes after its tab is closed (or when
 * an extension only reads it); those are kept aside and shown again if a tab opens it.
 */
import * as vscode from 'vscode';

/** Whether a document is shown in some tab. */
function inTab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === key));
}

export class TabDiagnostics implements vscode.Disposable {
  private readonly latest = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
  private readonly shown = new Set<string>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly collection: () => vscode.DiagnosticCollection | undefined) {
    this.subscription = vscode.window.tabGroups.onDidChangeTabs(() => this.refresh());
  }

  /** The language client's middleware: each push is kept, and shown when its document is in a tab. */
  handle(uri: vscode.Uri, diagnostics: vscode.Diagnostic[], next: (uri: vscode.Uri, diagnostics: vscode.Diagnostic[]) => void): void {
    const key = uri.toString();
    if (diagnostics.length === 0) this.latest.delete(key);
    else this.latest.set(key, { uri, diagnostics });
    const show = diagnostics.length > 0 && inTab(uri);
    if (show) this.shown.add(key);
    else this.shown.delete(key);
    next(uri, show ? diagnostics : []);
  }

  /** Tabs opened or closed: the findings of each kept document follow its tab. */
  private refresh(): void {
    const collection = this.collection();
    if (!collection) return;
    for (const [key, { uri, diagnostics }] of this.latest) {
      const show = inTab(uri);
      if (show === this.shown.has(key)) continue;
      if (show) this.shown.add(key);
      else this.shown.delete(key);
      collection.set(uri, show ? diagnostics : []);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.latest.clear();
  }
}
