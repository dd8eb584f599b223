/**
 * Hover, as a drafter sees it: the Recommendation's own words, verbatim, under the cursor.
 * The expected texts come from the project's schema data, never from this file. The example's
 * screenshot for the README (diagnostics and a clause hover) is taken here too.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, assertReads, asRead, closeEditors, DRIVER_URL, hoverMarkdown, openStrategy, positionOf, schema, screenshot, waitForCheckedFindings, KNOWN_CLAUSE, UNKNOWN_CLAUSE } from './support';

describe('Hover in VS Code', () => {
  before(activateExtension);
  afterEach(closeEditors);

  it('shows a clause reference\'s text verbatim, under its part\'s lead-in', async () => {
    const { document } = await openStrategy('draft.strategy.yaml');
    const unit = schema().unitByRef.get('1.i');
    assert.ok(unit?.clause, 'the schema has clause 1.i');
    const markdown = await hoverMarkdown(document.uri, positionOf(document, KNOWN_CLAUSE, 1));
    assertReads(markdown, unit.clause.text, 'the text of clause 1.i');
    assertReads(markdown, unit.recommendation.part.leadIn, 'the lead-in of Part II');
    assertReads(markdown, unit.recommendation.text, 'the text of recommendation 1');
    // Another clause's text is not there: the hover is about this reference.
    const other = schema().unitByRef.get('1.ii');
    assert.ok(other?.clause && !asRead(markdown).includes(other.clause.text.replace(/\s+/g, ' ').trim()), 'clause 1.ii is not shown for 1.i');
  });

  it('shows the whole recommendation on a section key, and a suggestion on an unknown clause', async () => {
    const { document } = await openStrategy('draft.strategy.yaml');
    const openness = schema().sectionByKey.get('openness');
    assert.ok(openness, 'the schema has the openness section');
    const section = await hoverMarkdown(document.uri, positionOf(document, '\n  |openness:', 2));
    assertReads(section, openness.text, 'recommendation 1');
    for (const clause of openness.clauses) assertReads(section, clause.text, `clause ${clause.ref}`);

    const unknown = await hoverMarkdown(document.uri, positionOf(document, UNKNOWN_CLAUSE, 2));
    assert.match(asRead(unknown), /1\.iv/, 'the unknown clause is named');
    assert.match(asRead(unknown), /1\.iii/, 'the closest clause is suggested');
  });

  it('shows diagnostics and a clause hover together (the README screenshot)', async function () {
    const editor = await openStrategy('draft.strategy.yaml');
    const { document } = editor;
    await waitForCheckedFindings(document);
    const clause = positionOf(document, KNOWN_CLAUSE, 1);
    const unit = schema().unitByRef.get('1.i');
    assert.ok(unit?.clause);
    assertReads(await hoverMarkdown(document.uri, clause), unit.clause.text, 'the hover to show');
    if (!DRIVER_URL) {
      // Desktop VS Code: nothing can photograph the window from here; the hover itself was checked above.
      return;
    }
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.window.showTextDocument(document, { preserveFocus: false });
    editor.selection = new vscode.Selection(clause, clause);
    editor.revealRange(new vscode.Range(clause.translate(-6), clause.translate(14)), vscode.TextEditorRevealType.AtTop);
    await vscode.commands.executeCommand('editor.action.showHover');
    const file = await screenshot('vscode-example.png', '.monaco-hover .hover-contents');
    assert.match(file, /vscode-example\.png$/);
  });
});
