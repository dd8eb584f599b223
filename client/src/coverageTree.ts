/**
 * The "Strategy Coverage" view: recommendations → their coverage units, addressed or not →
 * the measures addressing each; a click on a measure shows where it is written.
 */
import * as vscode from 'vscode';
import { ClauseCoverageStatus } from '../../server/src/coverage';
import { MeasureItem, RecommendationItem, recommendationTally, STATUS_LABELS, UnitItem, unitDescription } from './coverageModel';
import { CoverageSnapshot, CoverageTracker } from './coverageTracker';

export const COVERAGE_VIEW_ID = 'dgs.coverage';

/** A node of the tree; the same objects until the coverage changes, so that the view can reveal them. */
export type CoverageNode =
  | { kind: 'recommendation'; recommendation: RecommendationItem }
  | { kind: 'unit'; recommendation: RecommendationItem; unit: UnitItem; parent: CoverageNode }
  | { kind: 'measure'; unit: UnitItem; measure: MeasureItem; parent: CoverageNode };
type Node = CoverageNode;

class CoverageTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  snapshot: CoverageSnapshot | undefined;
  private roots: Node[] = [];
  private readonly children = new Map<Node, Node[]>();

  update(snapshot: CoverageSnapshot | undefined): void {
    this.snapshot = snapshot;
    this.children.clear();
    this.roots = (snapshot?.view.recommendations ?? []).map((recommendation) => {
      const node: Node = { kind: 'recommendation', recommendation };
      this.children.set(
        node,
        recommendation.units.map((unit) => {
          const unitNode: Node = { kind: 'unit', recommendation, unit, parent: node };
          this.children.set(unitNode, unit.measures.map((measure) => ({ kind: 'measure', unit, measure, parent: unitNode })));
          return unitNode;
        }),
      );
      return node;
    });
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    return node ? (this.children.get(node) ?? []) : this.roots;
  }

  getParent(node: Node): Node | undefined {
    return node.kind === 'recommendation' ? undefined : node.parent;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'recommendation':
        return recommendationItem(node.recommendation);
      case 'unit':
        return unitItem(node.recommendation, node.unit);
      case 'measure':
        return measureItem(node.unit, node.measure, this.snapshot!.document.uri);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function recommendationItem(recommendation: RecommendationItem): vscode.TreeItem {
  const { addressed, total, settled, weak, notApplicable } = recommendationTally(recommendation);
  const item = new vscode.TreeItem(`${recommendation.number}. ${recommendation.title}`, settled ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
  item.id = `recommendation:${recommendation.number}`;
  const extras = [weak > 0 ? `${weak} weak` : '', notApplicable > 0 ? `${notApplicable} n/a` : '', recommendation.present ? '' : 'section missing'].filter((extra) => extra !== '');
  item.description = `${addressed}/${total}${extras.map((extra) => ` · ${extra}`).join('')}`;
  item.iconPath = settled ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')) : new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${recommendation.number}. ${escapeMarkdown(recommendation.title)}** (short title, the project's own; \`${recommendation.part}.${recommendation.section}\`)\n\n`);
  tooltip.appendText(recommendation.text);
  tooltip.appendMarkdown(`\n\n${addressed} of ${total} addressed${extras.length > 0 ? ` (${extras.join(', ')})` : ''}.`);
  item.tooltip = tooltip;
  item.contextValue = 'dgs.recommendation';
  item.accessibilityInformation = { label: `Recommendation ${recommendation.number}, ${recommendation.title}: ${addressed} of ${total} clauses addressed${extras.length > 0 ? `, ${extras.join(', ')}` : ''}` };
  return item;
}

const STATUS_ICONS: Record<ClauseCoverageStatus, [string, string]> = {
  addressed: ['check', 'testing.iconPassed'],
  weak: ['warning', 'list.warningForeground'],
  'not-applicable': ['circle-slash', 'disabledForeground'],
  missing: ['circle-large-outline', 'list.warningForeground'],
};

function unitItem(recommendation: RecommendationItem, unit: UnitItem): vscode.TreeItem {
  const hasMeasures = unit.measures.length > 0;
  const item = new vscode.TreeItem(unit.ref, hasMeasures ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = `unit:${unit.ref}`;
  item.description = unitDescription(unit);
  const [icon, colour] = STATUS_ICONS[unit.status];
  item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(colour));
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**Clause ${unit.ref}** — ${STATUS_LABELS[unit.status]}\n\n`);
  tooltip.appendText(unit.text);
  if (unit.note) tooltip.appendText(`\n\n${unit.note}`);
  item.tooltip = tooltip;
  item.contextValue = `dgs.unit.${unit.status === 'addressed' || unit.status === 'weak' ? 'addressed' : unit.status === 'not-applicable' ? 'notApplicable' : 'missing'}`;
  item.accessibilityInformation = { label: `Clause ${unit.ref} of recommendation ${recommendation.number}: ${item.description}` };
  return item;
}

function measureItem(unit: UnitItem, measure: MeasureItem, uri: vscode.Uri): vscode.TreeItem {
  const item = new vscode.TreeItem(measure.id, vscode.TreeItemCollapsibleState.None);
  item.id = `measure:${unit.ref}:${measure.id}`;
  item.description = measure.title;
  item.iconPath = new vscode.ThemeIcon('symbol-event');
  item.contextValue = 'dgs.measure';
  if (measure.range) {
    const range = new vscode.Range(measure.range.start.line, measure.range.start.character, measure.range.end.line, measure.range.end.character);
    item.command = { command: 'vscode.open', title: 'Show the measure', arguments: [uri, { selection: range } satisfies vscode.TextDocumentShowOptions] };
    item.tooltip = `${measure.id}${measure.title ? `: ${measure.title}` : ''} — line ${range.start.line + 1}`;
  }
  return item;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/** The view and what it shows: the extension's API hands it to tests. */
export interface CoverageTree extends vscode.Disposable {
  readonly view: vscode.TreeView<CoverageNode>;
  readonly provider: vscode.TreeDataProvider<CoverageNode>;
}

export function createCoverageTree(tracker: CoverageTracker): CoverageTree {
  const provider = new CoverageTreeProvider();
  const view = vscode.window.createTreeView(COVERAGE_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const show = (snapshot: CoverageSnapshot | undefined): void => {
    provider.update(snapshot);
    view.description = snapshot ? `${snapshot.view.addressed}/${snapshot.view.total} · ${vscode.workspace.asRelativePath(snapshot.document.uri, false)}` : undefined;
  };
  const subscription = tracker.onDidChange(show);
  show(tracker.snapshot);
  const disposable = vscode.Disposable.from(view, provider, subscription);
  return { view, provider, dispose: () => disposable.dispose() };
}
