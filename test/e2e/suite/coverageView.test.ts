/**
 * The getting-started walkthrough and the "Strategy Coverage" view, in a real VS Code: every
 * step of the walkthrough names a command the editor has; "DGS: New strategy" opens the
 * skeleton; the view shows the draft example's recommendations → clauses with their status →
 * measures, and a click on a measure shows it in the file. The README's picture of the view is
 * taken here. Expected texts come from the schema, statuses from `dgs check`, never from here.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CoverageNode } from '../../../client/src/coverageTree';
import type { DgsApi } from '../../../client/src/extension';
import { renderSkeleton } from '../../../server/src/core/skeleton';
import { activateExtension, cliCheck, click, closeEditors, describeFindings, DRIVER_URL, EXTENSION_ID, LANGUAGE_ID, openCopy, openStrategy, ROOT, schema, screenshot, waitForCheckedFindings, waitForEditor, WAIT_MS, workspaceDir } from './support';

interface WalkthroughStep {
  id: string;
  title: string;
  description: string;
  completionEvents?: string[];
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { walkthroughs: Array<{ id: string; steps: WalkthroughStep[] }>; views: Record<string, Array<{ id: string; name: string }>> };
};
const COVERAGE_VIEW = Object.values(manifest.contributes.views)
  .flat()
  .find((view) => /coverage/i.test(view.id));

/** The commands a step's description links to: `[label](command:ID)` or `(command:ID?ARGS)`. */
function linkedCommands(step: WalkthroughStep): string[] {
  return [...step.description.matchAll(/\(command:([\w.-]+)/g)].map((match) => match[1]);
}

function api(): DgsApi {
  const extension = vscode.extensions.getExtension<DgsApi>(EXTENSION_ID);
  assert.ok(extension?.isActive, 'the extension is active');
  assert.ok(extension.exports?.coverageTree, 'the extension exports its coverage tree');
  return extension.exports;
}

const labelOf = (item: vscode.TreeItem): string => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A node of the view with its tree item and children, as the view would render them. */
interface Rendered {
  node: CoverageNode;
  item: vscode.TreeItem;
  children: Rendered[];
}

async function render(provider: vscode.TreeDataProvider<CoverageNode>, node?: CoverageNode): Promise<Rendered[]> {
  const children = (await provider.getChildren(node)) ?? [];
  return Promise.all(children.map(async (child) => ({ node: child, item: await provider.getTreeItem(child), children: await render(provider, child) })));
}

/** Waits, by the tree's change event, until the view's title reads `expected` after its name; fails after WAIT_MS. */
function waitForView(view: vscode.TreeView<CoverageNode>, provider: vscode.TreeDataProvider<CoverageNode>, expected: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (view.description !== expected) return;
      clearTimeout(timer);
      subscription?.dispose();
      resolve();
    };
    const timer = setTimeout(() => {
      subscription?.dispose();
      reject(new Error(`timed out after ${WAIT_MS} ms waiting for the coverage view to show "${expected}"; it shows "${view.description ?? ''}"`));
    }, WAIT_MS);
    const subscription = provider.onDidChangeTreeData?.(() => check());
    check();
  });
}

/** Waits, by the tree's change event, until `accept` holds; fails after WAIT_MS. */
function waitForTree(provider: vscode.TreeDataProvider<CoverageNode>, accept: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!accept()) return;
      clearTimeout(timer);
      subscription?.dispose();
      resolve();
    };
    const timer = setTimeout(() => {
      subscription?.dispose();
      reject(new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`));
    }, WAIT_MS);
    const subscription = provider.onDidChangeTreeData?.(() => check());
    check();
  });
}

/** Waits until the view is visible (its visibility changes after the command that shows it returns). */
function waitForVisible(view: vscode.TreeView<CoverageNode>): Promise<void> {
  if (view.visible) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${WAIT_MS} ms waiting for the coverage view to be visible`));
    }, WAIT_MS);
    const subscription = view.onDidChangeVisibility((event) => {
      if (!event.visible) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

describe('Walkthrough and coverage view in VS Code', () => {
  before(activateExtension);
  afterEach(closeEditors);

  it('every step of the walkthrough names a command the editor has', async () => {
    const walkthroughs = manifest.contributes.walkthroughs;
    assert.ok(walkthroughs.length > 0, 'the extension contributes a walkthrough');
    const commands = new Set(await vscode.commands.getCommands(false));
    let steps = 0;
    for (const walkthrough of walkthroughs) {
      for (const step of walkthrough.steps) {
        steps++;
        const linked = linkedCommands(step);
        assert.ok(linked.length > 0, `the step "${step.title}" of ${walkthrough.id} links to a command`);
        const completing = (step.completionEvents ?? []).filter((event) => event.startsWith('onCommand:')).map((event) => event.slice('onCommand:'.length));
        for (const command of [...linked, ...completing]) assert.ok(commands.has(command), `the command ${command} of the step "${step.title}" exists`);
      }
    }
    assert.ok(steps >= 4, `the walkthrough has its steps (${steps})`);
    assert.ok(linkedCommands(walkthroughs[0].steps[0]).includes('dgs.init'), 'the first step creates a strategy with dgs.init');
  });

  it('"DGS: New strategy" opens the skeleton, which has no error once its findings arrive', async () => {
    const existing = new Set(vscode.workspace.textDocuments.map((document) => document.uri.toString()));
    await vscode.commands.executeCommand('dgs.init');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is open');
    const { document } = editor;
    try {
      assert.ok(!existing.has(document.uri.toString()), 'a new document opened');
      assert.strictEqual(document.uri.scheme, 'untitled', 'nothing is written until the drafter saves');
      assert.strictEqual(document.languageId, LANGUAGE_ID);
      const name = path.posix.basename(document.uri.path);
      assert.match(name, /\.strategy\.yaml$/);
      assert.strictEqual(path.dirname(document.uri.fsPath), workspaceDir(), 'it is named in the workspace folder');
      assert.ok(!fs.existsSync(path.join(workspaceDir(), name)), `${name} is a free name`);
      assert.strictEqual(document.getText(), renderSkeleton(schema(), new Date().getFullYear(), name), 'the skeleton dgs init writes');
      // The editor's findings are dgs check's: the placeholders to fill in, and no error.
      const expected = await waitForCheckedFindings(document);
      assert.ok(expected.diagnostics.length > 0, 'the skeleton has placeholders to fill in');
      const errors = expected.diagnostics.filter((finding) => finding.severity === 'error');
      assert.deepStrictEqual(errors, [], `no error in the skeleton:\n${describeFindings(errors)}`);
      // Its measures name every clause, but a measure whose title is a placeholder addresses nothing yet (spec §7.1).
      assert.deepStrictEqual(expected.coverage.missing, schema().units.map((unit) => unit.ref), 'the skeleton\'s placeholder measures address nothing until they are named');
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('shows the draft\'s recommendations, clauses with their status, and measures; a click shows the measure in the file', async () => {
    assert.ok(COVERAGE_VIEW, 'the extension contributes a coverage view');
    const { view, provider } = api().coverageTree;
    const { document } = await openStrategy('draft.strategy.yaml');
    await vscode.commands.executeCommand(`${COVERAGE_VIEW.id}.focus`);
    await waitForVisible(view);

    const { coverage } = cliCheck(document.getText(), 'draft.strategy.yaml');
    assert.deepStrictEqual(coverage.missing, ['8', '10.ii', '10.v', '11'], 'dgs check: the draft leaves these clauses open');
    const total = schema().units.length;
    await waitForView(view, provider, `${coverage.addressed.length}/${total} · draft.strategy.yaml`);
    await waitForCheckedFindings(document);

    const tree = await render(provider);
    // The recommendations, in the schema's order, with their titles.
    assert.deepStrictEqual(
      tree.map((r) => labelOf(r.item)),
      schema().recommendations.map((r) => {
        const refs = r.clauses.length > 0 ? r.clauses.map((c) => c.ref) : [String(r.number)];
        return `${refs.filter((ref) => !coverage.missing.includes(ref)).length}/${refs.length}  ${r.number}. ${r.title}`;
      }),
    );
    const text = document.getText();
    const measureItems: Rendered[] = [];
    for (const [index, recommendation] of schema().recommendations.entries()) {
      const rendered = tree[index];
      const units = recommendation.clauses.length > 0 ? recommendation.clauses.map((c) => c.ref) : [String(recommendation.number)];
      assert.deepStrictEqual(rendered.children.map((u) => labelOf(u.item)), units, `the clauses of recommendation ${recommendation.number}`);
      const open = units.filter((ref) => coverage.missing.includes(ref));
      const present = new RegExp(`^ +${escapeRegExp(recommendation.section)}:`, 'm').test(text);
      assert.strictEqual(/section missing/.test(String(rendered.item.description ?? '')), !present, `recommendation ${recommendation.number} says whether its section is missing`);
      if (open.length > 0) assert.strictEqual(rendered.item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded, `recommendation ${recommendation.number} is open: it has open clauses`);

      for (const unit of rendered.children) {
        const ref = labelOf(unit.item);
        const measures = unit.children.map((m) => labelOf(m.item));
        if (coverage.missing.includes(ref)) {
          assert.strictEqual(unit.item.description, 'not addressed', `${ref} is shown as not addressed`);
          assert.deepStrictEqual(measures, [], `no measure under ${ref}`);
          continue;
        }
        assert.ok(coverage.addressed.includes(ref), `dgs check counts ${ref} as addressed`);
        assert.ok(measures.length > 0, `${ref} has the measures that address it`);
        assert.match(String(unit.item.description), new RegExp(`^(weak: )?addressed by ${escapeRegExp(measures.join(', '))}(;|$| \\()`), `${ref} names its measures`);
        for (const measure of unit.children) {
          const id = labelOf(measure.item);
          // The measure is written in the file, and its `addresses` lists this clause.
          const start = text.search(new RegExp(`id: ${escapeRegExp(id)}\\b`));
          assert.ok(start >= 0, `${id} is a measure of the draft`);
          const next = text.indexOf('- id:', start + 1);
          const body = text.slice(start, next < 0 ? undefined : next);
          assert.match(body, new RegExp(`addresses:\\s*\\[[^\\]]*(?<![\\w.])${escapeRegExp(ref)}(?![\\w.])`), `${id} lists ${ref} in its addresses`);
          measureItems.push(measure);
        }
      }
    }
    assert.ok(measureItems.length > 10, 'the draft\'s measures are in the view');

    // A click on a measure (its item's command) opens the file with the measure's id selected, in view.
    const target = measureItems[measureItems.length - 1];
    const id = labelOf(target.item);
    const command = target.item.command;
    assert.ok(command, `a click on ${id} does something`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const shown = (e: vscode.TextEditor): boolean => e.document.getText(e.selection) === id && e.visibleRanges.some((range) => range.contains(e.selection));
    const editor = await waitForEditor(document.uri, shown, `the draft to open with ${id} selected and in view`);
    const written = editor.document.positionAt(editor.document.getText().search(new RegExp(`id: ${escapeRegExp(id)}\\b`)) + 'id: '.length);
    assert.deepStrictEqual([editor.selection.start.line, editor.selection.start.character], [written.line, written.character], `the selection is on the id of ${id}`);
  });

  it('a click on a clause selects its measures, a real click on a measure shows it, and "Add a measure for this clause" adds one with the cursor on its placeholder', async () => {
    assert.ok(COVERAGE_VIEW);
    const { view, provider } = api().coverageTree;
    const editor = await openCopy('draft.strategy.yaml', 'tree');
    const { document } = editor;
    await vscode.commands.executeCommand(`${COVERAGE_VIEW.id}.focus`);
    await waitForVisible(view);
    await waitForCheckedFindings(document);
    const followed = (): boolean => api().coverageTracker.snapshot?.document === document && api().coverageTracker.snapshot?.version === document.version;
    await waitForTree(provider, followed, 'the view to show the copy of the draft');

    // The clause addressed by the most measures: a click selects every one of their ids.
    const units = (await render(provider)).flatMap((recommendation) => recommendation.children);
    const shared = units.reduce((most, unit) => (unit.children.length > most.children.length ? unit : most));
    assert.ok(shared.children.length > 0 && shared.item.command, 'a clause of the draft is addressed by a measure, and a click on it does something');
    const ids = shared.children.map((measure) => labelOf(measure.item));
    await vscode.commands.executeCommand(shared.item.command.command, ...(shared.item.command.arguments ?? []));
    await waitForEditor(document.uri, (e) => JSON.stringify(e.selections.map((s) => e.document.getText(s))) === JSON.stringify(ids), `the measures of ${labelOf(shared.item)} (${ids.join(', ')}) to be selected`);

    if (DRIVER_URL) {
      // A real click, in the page, on a measure's row of the view.
      const measure = shared.children[shared.children.length - 1];
      await view.reveal(measure.node, { expand: true, select: false, focus: false });
      const id = labelOf(measure.item);
      await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      await click(`.monaco-list-row[aria-label^="Measure ${id}:"]`);
      await waitForEditor(document.uri, (e) => e.document.getText(e.selection) === id, `the draft to show ${id} after a click on its row in the view`);
    }

    // A clause of a present section that no measure addresses: the inline action adds a measure for it.
    const open = units.find((unit) => unit.item.contextValue === 'dgs.unit.missing');
    assert.ok(open, 'the draft has a clause of a present section that no measure addresses');
    const ref = labelOf(open.item);
    if (DRIVER_URL) {
      // The view draws only the rows in sight: the clause's row is brought into it first.
      await view.reveal(open.node, { select: true, focus: true });
      await click(`.monaco-list-row[aria-label^="Clause ${ref} "] .action-label[aria-label^="Add a measure for this clause"]`);
    }
    else await vscode.commands.executeCommand('dgs.addMeasureForClause', open.node);
    const placed = await waitForEditor(document.uri, (e) => /^TODO\b/.test(e.document.getText(e.selection)), `the cursor on the first placeholder of the measure added for ${ref}`);
    assert.match(placed.document.getText(), new RegExp(`addresses: \\[${escapeRegExp(ref)}\\]`), `the new measure names ${ref}`);
    // A measure whose title is still a placeholder addresses nothing: the drafter types its title over the selection.
    assert.ok(await placed.edit((builder) => builder.replace(placed.selection, 'Joint projects with neighbouring governments')), 'the title was typed');
    await waitForTree(provider, () => followed() && api().coverageTracker.snapshot!.view.recommendations.some((r) => r.units.some((u) => u.ref === ref && u.addressed)), `the view to show ${ref} addressed`);
    const expected = await waitForCheckedFindings(document);
    assert.ok(expected.coverage.addressed.includes(ref), `dgs check counts ${ref} as addressed`);
  });

  it('shows the coverage view beside the draft (the README screenshot)', async () => {
    assert.ok(COVERAGE_VIEW);
    const { view, provider } = api().coverageTree;
    const editor = await openStrategy('draft.strategy.yaml');
    const { coverage } = cliCheck(editor.document.getText(), 'draft.strategy.yaml');
    await waitForView(view, provider, `${coverage.addressed.length}/${schema().units.length} · draft.strategy.yaml`);
    if (!DRIVER_URL) return; // Desktop VS Code: nothing can photograph the window; the tree was checked above.

    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand(`${COVERAGE_VIEW.id}.focus`);
    await waitForVisible(view);
    // Room for the view: the workspace's files folded, the side bar wider (undone below).
    await click('.pane-header[aria-expanded="true"]:has-text("workspace")');
    await vscode.commands.executeCommand(`${COVERAGE_VIEW.id}.focus`);
    const WIDER = 4;
    for (let step = 0; step < WIDER; step++) await vscode.commands.executeCommand('workbench.action.increaseViewSize');
    try {
      // Recommendation 1 open down to its first clause's measure, clicked: the file shows it too.
      const [first] = (await provider.getChildren()) ?? [];
      const [unit] = (await provider.getChildren(first)) ?? [];
      const [measure] = (await provider.getChildren(unit)) ?? [];
      assert.ok(measure, 'recommendation 1 has a clause addressed by a measure');
      const item = await provider.getTreeItem(measure);
      assert.ok(item.command);
      await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
      await waitForEditor(editor.document.uri, (e) => e.document.getText(e.selection) === labelOf(item), `the draft to show ${labelOf(item)}`);
      await view.reveal(measure, { select: true, focus: true, expand: true });
      const file = await screenshot('coverage-view.png', `.monaco-list-row.selected[aria-label*="${labelOf(item)}"]`);
      assert.match(file, /coverage-view\.png$/);
    } finally {
      // Leave the window as the other tests' screenshots expect it.
      await vscode.commands.executeCommand(`${COVERAGE_VIEW.id}.focus`);
      for (let step = 0; step < WIDER; step++) await vscode.commands.executeCommand('workbench.action.decreaseViewSize');
      await click(`.pane-header[aria-expanded="true"]:has-text("${COVERAGE_VIEW.name}")`);
      await click('.pane-header[aria-expanded="false"]:has-text("workspace")');
    }
  });
});
