/** The status bar item: the followed strategy's coverage, `DGS 22/26`; a click opens the report. */
import * as vscode from 'vscode';
import { statusText } from './coverageModel';
import { CoverageSnapshot, CoverageTracker } from './coverageTracker';

export const STATUS_BAR_ID = 'dgs.coverageStatus';

export function createStatusBar(tracker: CoverageTracker): vscode.Disposable {
  const item = vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Left, 50);
  item.name = 'DGS strategy coverage';
  item.command = 'dgs.showCoverage';
  const show = (snapshot: CoverageSnapshot | undefined): void => {
    if (!snapshot) {
      item.hide();
      return;
    }
    const { view } = snapshot;
    const missing = view.recommendations.flatMap((recommendation) => recommendation.units).filter((unit) => !unit.addressed);
    item.text = statusText(view);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${view.addressed} of ${view.total}** clauses of ${view.instrument} addressed by a measure.`);
    if (missing.length > 0) tooltip.appendMarkdown(`\n\nNot yet addressed: ${missing.map((unit) => unit.ref).join(', ')}.`);
    tooltip.appendMarkdown('\n\nClick to show the coverage report.');
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: `DGS coverage: ${view.addressed} of ${view.total} clauses addressed. Show the coverage report.`, role: 'button' };
    item.show();
  };
  const subscription = tracker.onDidChange(show);
  show(tracker.snapshot);
  return vscode.Disposable.from(item, subscription);
}
