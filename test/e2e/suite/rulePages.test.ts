/**
 * A finding's code links to its rule's page, which the extension carries: the link (the code's
 * target, which the Problems panel and the hover open on a click) runs "DGS: Show rule", and the
 * page opens inside VS Code as a Markdown preview of docs/rules/<rule>.md from the extension's
 * own folder: nothing is fetched, so it works offline.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, closeEditors, EXTENSION_ID, openStrategy, ruleOf, waitForDiagnostics, WAIT_MS } from './support';

/** Waits until a tab satisfies `accept`, by the tab events; fails after WAIT_MS with the tabs shown. */
function waitForTab(accept: (tab: vscode.Tab) => boolean, what: string): Promise<vscode.Tab> {
  return new Promise((resolve, reject) => {
    const find = (): vscode.Tab | undefined => vscode.window.tabGroups.all.flatMap((group) => group.tabs).find(accept);
    const check = (): void => {
      const tab = find();
      if (!tab) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(tab);
    };
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${WAIT_MS} ms waiting for ${what}; the tabs: ${vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label)).join(', ')}`));
    }, WAIT_MS);
    const subscription = vscode.window.tabGroups.onDidChangeTabs(check);
    check();
  });
}

describe('Rule pages in VS Code', () => {
  before(activateExtension);
  afterEach(closeEditors);

  it('opens the page of a finding\'s rule from its code link, as a preview of the page the extension carries', async () => {
    const { document } = await openStrategy('draft.strategy.yaml');
    const diagnostics = await waitForDiagnostics(document.uri, (found) => found.some((d) => ruleOf(d) === 'clause-not-addressed'), 'a clause-not-addressed finding');
    const diagnostic = diagnostics.find((d) => ruleOf(d) === 'clause-not-addressed')!;
    const code = diagnostic.code as { value: string | number; target: vscode.Uri };
    assert.strictEqual(typeof code, 'object', 'the code carries a link');
    assert.strictEqual(code.target.scheme, 'command', `the link runs a command, nothing on the web (${code.target.toString()})`);
    assert.strictEqual(code.target.path, 'dgs.showRule');
    const args = JSON.parse(code.target.query) as unknown[];
    assert.deepStrictEqual(args, ['clause-not-addressed']);

    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const page = path.join(extension.extensionPath, 'docs', 'rules', 'clause-not-addressed.md');
    assert.ok(fs.existsSync(page), `the extension carries ${page}`);
    await vscode.commands.executeCommand(code.target.path, ...args);
    const tab = await waitForTab((candidate) => candidate.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(candidate.input.viewType) && candidate.label.includes('clause-not-addressed.md'), 'the preview of clause-not-addressed.md');
    assert.ok(tab.isActive, 'the rule page is in front');
    // Every finding's link is the same command, with its own rule.
    for (const other of diagnostics) {
      const target = (other.code as { target: vscode.Uri }).target;
      assert.deepStrictEqual([target.scheme, target.path, JSON.parse(target.query)], ['command', 'dgs.showRule', [ruleOf(other)]], `the link of ${ruleOf(other)}`);
    }
  });
});
