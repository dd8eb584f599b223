/**
 * The "Strategy Coverage" view: recommendations → their clauses, with the core's status →
 * the measures addressing each. A click on a measure shows where it is written; a click on a
 * clause selects every measure that addresses it (or shows the section, when none does); a
 * clause no measure addresses offers "Add a measure for this clause" inline.
 */
import * as vscode from 'vscode';
import type { ClauseCoverageStatus } from '../../server/src/protocol';
import { MeasureItem, RecommendationItem, recommendationTally, STATUS_LABELS, UnitItem, unitDescription } from './coverageModel';
import { CoverageSnapshot, CoverageTracker } from './coverageTracker';
import { revealRanges } from './reveal';

export const COVERAGE_VIEW_ID = 'dgs.coverage';
/** Runs when a clause of the view is clicked: shows the measures that address it. */
export const REVEAL_CLAUSE_COMMAND = 'dgs.coverage.revealClause';
/** Runs when a measure of the view is clicked: shows it in the file. */
export const REVEAL_MEASURE_COMMAND = 'dgs.coverage.revealMeasure';

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

  private shown: string | undefined;

  update(snapshot: CoverageSnapshot | undefined): void {
    this.snapshot = snapshot;
    // The same coverage again (a new version that changes nothing it shows): the nodes stay, so
    // that the view neither flickers nor loses what is selected or being revealed.
    const shown = snapshot ? `${snapshot.document.uri.toString()}\n${JSON.stringify(snapshot.view)}` : undefined;
    if (shown === this.shown && shown !== undefined) return;
    this.shown = shown;
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

  /** The node of a clause, by its reference. */
  unitNode(ref: string): Node | undefined {
    for (const root of this.roots) {
      const found = this.children.get(root)?.find((child) => child.kind === 'unit' && child.unit.ref === ref);
      if (found) return found;
    }
    return undefined;
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
        return measureItem(node.unit, node.measure);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function recommendationItem(recommendation: RecommendationItem): vscode.TreeItem {
  const { addressed, total, settled, weak, notApplicable } = recommendationTally(recommendation);
  // The counts lead the label: at the side bar's default width a long title is cut at its end.
  const item = new vscode.TreeItem(`${addressed}/${total}  ${recommendation.number}. ${recommendation.title}`, settled ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
  item.id = `recommendation:${recommendation.number}`;
  const extras = [weak > 0 ? `${weak} weak` : '', notApplicable > 0 ? `${notApplicable} n/a` : '', recommendation.present ? '' : 'section missing'].filter((extra) => extra !== '');
  item.description = extras.length > 0 ? extras.join(' · ') : undefined;
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
  item.contextValue = `dgs.unit.${unit.status === 'addressed' || unit.status === 'weak' ? 'addressed' : unit.status === 'not-applicable' ? 'notApplicable' : recommendation.present ? 'missing' : 'sectionMissing'}`;
  item.command = { command: REVEAL_CLAUSE_COMMAND, title: 'Show the measures that address this clause', arguments: [unit.ref] };
  if (unit.status === 'missing') tooltip.appendMarkdown(recommendation.present ? '\n\n_Click to show the section; + adds a measure for this clause._' : '\n\n_The strategy has no section for it yet; + inserts it._');
  else if (hasMeasures) tooltip.appendMarkdown('\n\n_Click to select the measures that address it._');
  item.accessibilityInformation = { label: `Clause ${unit.ref} of recommendation ${recommendation.number}: ${item.description}` };
  return item;
}

function measureItem(unit: UnitItem, measure: MeasureItem): vscode.TreeItem {
  const item = new vscode.TreeItem(measure.id, vscode.TreeItemCollapsibleState.None);
  item.id = `measure:${unit.ref}:${measure.index}`;
  item.description = measure.title;
  item.iconPath = new vscode.ThemeIcon('symbol-event');
  item.contextValue = 'dgs.measure';
  item.command = { command: REVEAL_MEASURE_COMMAND, title: 'Show the measure', arguments: [measure.index] };
  item.tooltip = `${measure.id}${measure.title ? `: ${measure.title}` : ''}, line ${measure.range.start.line + 1}`;
  item.accessibilityInformation = { label: `Measure ${measure.id}${measure.title ? `: ${measure.title}` : ''}, line ${measure.range.start.line + 1}` };
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
    // The title first: the tree's change event then finds it up to date.
    view.description = snapshot ? `${snapshot.view.addressed}/${snapshot.view.total} · ${vscode.workspace.asRelativePath(snapshot.document.uri, false)}` : undefined;
    provider.update(snapshot);
  };
  const subscription = tracker.onDidChange(show);
  show(tracker.snapshot);
  const revealClause = vscode.commands.registerCommand(REVEAL_CLAUSE_COMMAND, async (ref: unknown) => {
    const snapshot = provider.snapshot;
    const node = provider.unitNode(String(ref));
    if (!snapshot || !node || node.kind !== 'unit') return undefined;
    if (node.unit.measures.length > 0) await view.reveal(node, { expand: true, focus: false, select: true });
    const ranges = node.unit.measures.length > 0 ? node.unit.measures.map((measure) => measure.range) : node.recommendation.sectionRange ? [node.recommendation.sectionRange] : [];
    return revealRanges(snapshot.document.uri, ranges);
  });
  const revealMeasure = vscode.commands.registerCommand(REVEAL_MEASURE_COMMAND, async (index: unknown) => {
    const snapshot = provider.snapshot;
    const range = typeof index === 'number' ? snapshot?.answer.measureRanges[index] : undefined;
    return snapshot && range ? revealRanges(snapshot.document.uri, [range]) : undefined;
  });
  const disposable = vscode.Disposable.from(view, provider, subscription, revealClause, revealMeasure);
  return { view, provider, dispose: () => disposable.dispose() };
}
