/**
 * Changing a strategy through the editor: the "insert missing section" quick fix and a section
 * snippet, each applied as VS Code applies them, after which the finding is gone, the file
 * checks exactly as `dgs check` says, and (for the fix) the cursor is on the first placeholder inserted.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, asFinding, closeEditors, describeFindings, dgsDiagnostics, DRIVER_URL, openCopy, positionOf, ruleOf, schema, screenshot, waitForCheckedFindings, waitForDiagnostics } from './support';

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  // Resolved, as the light bulb resolves the action a drafter picks (a server may send the edit lazily).
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value, 20)) ?? [];
}

/** The sections of a part that the text does not have (the text is YAML with two-space indentation). */
function absentSections(text: string, partKey: string): string[] {
  const part = schema().partByKey.get(partKey);
  assert.ok(part, `the schema has the part ${partKey}`);
  return part.recommendations.map((r) => r.section).filter((section) => !new RegExp(`^  ${section}:`, 'm').test(text));
}

describe('Quick fixes and snippets in VS Code', () => {
  before(activateExtension);
  afterEach(closeEditors);

  it('inserts a missing section with the quick fix, and the finding goes', async () => {
    const { document } = await openCopy('draft.strategy.yaml', 'quickfix');
    await waitForCheckedFindings(document);
    const [section] = absentSections(document.getText(), 'implementation');
    assert.ok(section, 'the draft lacks a section of implementation');
    const finding = dgsDiagnostics(document.uri).find((d) => ruleOf(d) === 'missing-section' && d.message.includes(`"${section}"`));
    assert.ok(finding, `a missing-section finding for ${section}`);

    const actions = await quickFixes(document.uri, finding.range);
    const fix = actions.find((a) => a.title.includes(`"${section}"`));
    assert.ok(fix, `a quick fix that names ${section} (offered: ${actions.map((a) => a.title).join(' | ')})`);
    // (vscode.executeCodeActionProvider does not pass an action's `diagnostics` on; the protocol tests check them.)
    assert.ok(fix.isPreferred, 'it is the preferred fix (the one Ctrl+. applies first)');
    assert.ok(fix.edit, 'it carries its edit');
    assert.match(fix.title, new RegExp(section), 'its title names the section');
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'VS Code applied the quick fix');
    // Then the command VS Code runs after a code action's edit: the cursor goes to the first placeholder inserted.
    assert.ok(fix.command, 'the fix moves the cursor after its edit');
    await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document === document, 'the strategy is the active editor');
    const selected = document.getText(editor.selection);
    assert.match(selected, /^TODO\b/, `the first placeholder of the inserted section is selected, ready to be typed over (selected: ${JSON.stringify(selected)})`);
    const sectionLine = positionOf(document, `\n  ${section}:`, 1).line;
    assert.ok(editor.selection.start.line > sectionLine && editor.selection.start.line < sectionLine + 8, `the placeholder is in the inserted section (line ${editor.selection.start.line + 1}, section at ${sectionLine + 1})`);

    assert.deepStrictEqual(absentSections(document.getText(), 'implementation'), [], `${section} is now in implementation`);
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => x.message === finding.message), `the missing-section finding for ${section} to go`);
    const after = await waitForCheckedFindings(document);
    assert.ok(!after.diagnostics.some((d) => d.rule === 'yaml-syntax'), 'the fix kept the YAML valid');
    // Asked again at the same place, nothing offers to insert it twice.
    const again = await quickFixes(document.uri, finding.range);
    assert.ok(!again.some((a) => a.title === fix.title), `the fix is not offered again (offered: ${again.map((a) => a.title).join(' | ')})`);
  });

  it('inserts a section snippet where a drafter types its name, and the finding goes', async () => {
    const editor = await openCopy('draft.strategy.yaml', 'snippet');
    const { document } = editor;
    await waitForCheckedFindings(document);
    const [section] = absentSections(document.getText(), 'implementation');
    assert.ok(section, 'the draft lacks a section of implementation');
    const before = dgsDiagnostics(document.uri).map(asFinding);

    // On a new line under `implementation:`, at the sections' indentation, the drafter picks the
    // snippet the extension contributes for the section, by its prefix.
    const line = positionOf(document, '\n|implementation:').line;
    await editor.edit((builder) => builder.insert(document.lineAt(line).range.end, '\n  '));
    const cursor = new vscode.Position(line + 1, 2);
    editor.selection = new vscode.Selection(cursor, cursor);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, cursor, undefined, 100);
    const snippet = list.items.find((item) => item.kind === vscode.CompletionItemKind.Snippet && (item.filterText ?? (typeof item.label === 'string' ? item.label : item.label.label)).includes(section) && item.insertText instanceof vscode.SnippetString);
    assert.ok(snippet && snippet.insertText instanceof vscode.SnippetString, `a snippet for ${section} is offered`);
    assert.ok(await editor.insertSnippet(snippet.insertText, cursor), 'the editor inserted the snippet');

    assert.deepStrictEqual(absentSections(document.getText(), 'implementation'), [], `${section} is now in implementation`);
    const after = await waitForCheckedFindings(document, `the findings after the ${section} snippet`);
    assert.ok(!after.diagnostics.some((d) => d.rule === 'missing-section' && d.message.includes(`"${section}"`)), 'the missing-section finding is gone');
    const errors = (findings: { severity: string }[]): number => findings.filter((f) => f.severity === 'error').length;
    assert.strictEqual(errors(after.diagnostics), errors(before), `the snippet adds no error:\n${describeFindings(after.diagnostics)}`);
  });

  it('answers a clause declared not applicable that a measure addresses: the clause leaves the measure, and the finding goes', async () => {
    const editor = await openCopy('draft.strategy.yaml', 'contradiction');
    const { document } = editor;
    await waitForCheckedFindings(document);
    // The drafter declares clause 5 not applicable in leadership, whose measure LDR-1 addresses 5 and 7.i.
    const summary = positionOf(document, 'sets yearly priorities.|');
    await editor.edit((builder) => builder.insert(summary, "\n    not-applicable:\n      - clause: '5'\n        reason: The council is set up by another body."));
    const [finding] = await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'not-applicable-addressed'), 'the not-applicable-addressed finding').then((d) => d.filter((x) => ruleOf(x) === 'not-applicable-addressed'));
    const actions = await quickFixes(document.uri, finding.range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Remove the declaration that clause 5 does not apply'), `the declaration can go (offered: ${titles.join(' | ')})`);
    const fix = actions.find((a) => a.title === 'Remove 5 from the clauses measure LDR-1 addresses');
    assert.ok(fix?.edit, `the clause can leave the measure (offered: ${titles.join(' | ')})`);
    assert.ok(!fix.isPreferred, 'which of the two is wrong is the drafter\'s call: neither is preferred');
    if (DRIVER_URL) {
      // What the drafter sees on Ctrl+.: the two answers side by side.
      editor.selection = new vscode.Selection(finding.range.start, finding.range.start);
      editor.revealRange(finding.range, vscode.TextEditorRevealType.InCenter);
      await vscode.commands.executeCommand('editor.action.quickFix');
      assert.match(await screenshot('quick-fix-not-applicable.png', '.action-widget'), /quick-fix-not-applicable\.png$/);
      await vscode.commands.executeCommand('hideCodeActionWidget');
    }
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'VS Code applied the quick fix');
    assert.match(document.getText(), /\n {6}- id: LDR-1\n.*\n {8}addresses: \[7\.i\]\n/, 'LDR-1 now addresses 7.i alone');
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => ruleOf(x) === 'not-applicable-addressed'), 'the not-applicable-addressed finding to go');
    const after = await waitForCheckedFindings(document);
    assert.ok(!after.diagnostics.some((d) => d.rule === 'yaml-syntax'), 'the fix kept the YAML valid');
  });
});
