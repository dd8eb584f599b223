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
    const units = view.recommendations.flatMap((recommendation) => recommendation.units);
    const missing = units.filter((unit) => unit.status === 'missing');
    const weak = units.filter((unit) => unit.status === 'weak');
    const notApplicable = units.filter((unit) => unit.status === 'not-applicable');
    item.text = statusText(view);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${view.addressed} of ${view.total}** clauses of ${view.instrument} addressed by a measure.`);
    if (weak.length > 0) tooltip.appendMarkdown(`\n\nWeak (no lead or no indicator with a target): ${weak.map((unit) => unit.ref).join(', ')}.`);
    if (notApplicable.length > 0) tooltip.appendMarkdown(`\n\nDeclared not applicable: ${notApplicable.map((unit) => unit.ref).join(', ')}.`);
    if (missing.length > 0) tooltip.appendMarkdown(`\n\nNot yet addressed: ${missing.map((unit) => unit.ref).join(', ')}.`);
    tooltip.appendMarkdown('\n\nCoverage is what the strategy declares, not an assessment by dgs.');
    tooltip.appendMarkdown('\n\nClick to show the coverage report.');
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: `DGS coverage: ${view.addressed} of ${view.total} clauses addressed. Show the coverage report.`, role: 'button' };
    item.show();
  };
  const subscription = tracker.onDidChange(show);
  show(tracker.snapshot);
  return vscode.Disposable.from(item, subscription);
}
