/**
 * The extension's commands, run as from the command palette, and the status bar's coverage.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeEditors, cliCheck, dgsDiagnostics, DRIVER_URL, edit, hoverMarkdown, openCopy, openStrategy, positionOf, rangeOf, ruleOf, schema, statusBarShows, waitForCheckedFindings, waitForDiagnostics, UNKNOWN_CLAUSE } from './support';

/** Resolves when a tab satisfying `accept` is open; checks at once, then on every tab change. */
function waitForTab(accept: (tab: vscode.Tab) => boolean, what: string, timeoutMs = 30_000): Promise<vscode.Tab> {
  return new Promise((resolve, reject) => {
    const find = (): vscode.Tab | undefined => vscode.window.tabGroups.all.flatMap((group) => group.tabs).find(accept);
    const found = find();
    if (found) {
      resolve(found);
      return;
    }
    const subscription = vscode.window.tabGroups.onDidChangeTabs(() => {
      const tab = find();
      if (tab) {
        clearTimeout(timer);
        subscription.dispose();
        resolve(tab);
      }
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)).join(', ')}`));
    }, timeoutMs);
  });
}

describe('Commands and status bar in VS Code', () => {
  before(activateExtension);
  afterEach(closeEditors);

  it('"DGS: Insert all missing sections" inserts every section in the schema\'s order, once', async () => {
    const { document } = await openCopy('started.strategy.yaml', 'insert-all');
    const before = await waitForCheckedFindings(document);
    assert.ok(before.diagnostics.some((d) => d.rule === 'missing-section'), 'the started strategy lacks sections');
    const comments = document.getText().split('\n').filter((line) => line.trim().startsWith('#'));

    await vscode.commands.executeCommand('dgs.insertAllMissingSections');
    await waitForDiagnostics(document.uri, (d) => d.length > 0 && !d.some((x) => ruleOf(x) === 'missing-section'), 'every missing-section finding to go');
    const after = await waitForCheckedFindings(document);
    assert.ok(!after.diagnostics.some((d) => d.rule === 'yaml-syntax' || d.rule === 'missing-section'), 'every section is there and the YAML is valid');

    const text = document.getText();
    const order = schema().recommendations.map((r) => text.search(new RegExp(`^  ${r.section}:`, 'm')));
    assert.ok(order.every((index) => index >= 0), 'every section key is in the file');
    assert.deepStrictEqual([...order].sort((a, b) => a - b), order, 'the sections follow the schema\'s order');
    for (const comment of comments) assert.ok(text.includes(comment), `the comment "${comment.trim()}" is untouched`);

    // Run again: there is nothing left to insert, and the text does not change.
    await vscode.commands.executeCommand('dgs.insertAllMissingSections');
    assert.strictEqual(document.getText(), text, 'a second run changes nothing');
  });

  it('"DGS: Show coverage" opens the coverage report', async () => {
    await openStrategy('draft.strategy.yaml');
    await vscode.commands.executeCommand('dgs.showCoverage');
    const tab = await waitForTab((t) => t.input instanceof vscode.TabInputWebview && /coverage/i.test(t.label), 'the coverage report');
    assert.match(tab.label, /coverage/i);
  });

  it('"DGS: Restart language server" brings the server back: findings follow edits and hover answers', async () => {
    const { document } = await openCopy('draft.strategy.yaml', 'restart');
    await waitForCheckedFindings(document);
    await vscode.commands.executeCommand('dgs.restartServer');
    // The restarted server checks an edit: the unknown clause 1.iv becomes 1.iii.
    await edit(document, (e) => e.replace(document.uri, rangeOf(document, UNKNOWN_CLAUSE), '1.iii'));
    await waitForDiagnostics(document.uri, (d) => d.length > 0 && !d.some((x) => ruleOf(x) === 'unknown-clause'), 'the restarted server to clear the unknown clause');
    await waitForCheckedFindings(document);
    const unit = schema().unitByRef.get('1.iii');
    assert.ok(unit?.clause);
    const markdown = await hoverMarkdown(document.uri, positionOf(document, 'addresses: [1.i, |1.iii', 2));
    assert.ok(markdown.replace(/\s+/g, ' ').includes(unit.clause.text.replace(/\s+/g, ' ').trim()), 'hover answers after the restart');
  });

  it('shows the strategy\'s coverage in the status bar, and follows the strategy in the editor', async () => {
    const total = schema().units.length;
    const { document: draft } = await openStrategy('draft.strategy.yaml');
    const draftAddressed = cliCheck(draft.getText()).coverage.addressed.length;
    assert.ok(draftAddressed < total, 'the draft does not address every clause');
    const { document: national } = await openStrategy('national.strategy.yaml');
    const nationalAddressed = cliCheck(national.getText()).coverage.addressed.length;
    assert.strictEqual(nationalAddressed, total, 'the national example addresses every clause');
    assert.ok(dgsDiagnostics(national.uri).length === 0);
    if (!DRIVER_URL) throw new Error('reading the status bar needs the code-server launcher\'s driver (DGS_E2E_DRIVER_URL)');

    const shown = await statusBarShows(new RegExp(`^DGS ${nationalAddressed}/${total}$`));
    assert.ok(shown.some((entry) => entry.text === `DGS ${nationalAddressed}/${total}`));
    await vscode.window.showTextDocument(draft);
    await statusBarShows(new RegExp(`^DGS ${draftAddressed}/${total}$`));
  });
});
