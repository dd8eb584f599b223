/**
 * Typing a new key in VS Code: while the key has no colon yet, the YAML does not parse, and
 * only the measure being typed in may say so. Every other finding stays on screen at each
 * keystroke (no flicker), the status bar's coverage does not drop, and once the key is
 * complete the editor shows what `dgs check` reports.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, asFinding, closeEditors, dgsDiagnostics, openCopy, positionOf, ruleOf, statusBarShows, waitForCheckedFindings, waitForDiagnostics } from './support';

/** A finding as its rule, message and line, to compare what stays. */
const key = (diagnostic: vscode.Diagnostic): string => `${ruleOf(diagnostic)}@${diagnostic.range.start.line}: ${diagnostic.message}`;

describe('Typing a new key in VS Code', () => {
  before(activateExtension);
  afterEach(closeEditors);

  it('keeps every other finding while the key is typed, and the measure reports the syntax error', async () => {
    const editor = await openCopy('draft.strategy.yaml', 'typing');
    const { document } = editor;
    await waitForCheckedFindings(document);
    // A new line in measure OPN-2, after its title: the drafter starts a key there.
    const title = positionOf(document, '- id: OPN-2\n        |title:');
    await editor.edit((builder) => builder.insert(document.lineAt(title.line).range.end, '\n        '));
    const before = await waitForCheckedFindings(document, 'the findings after a new blank line');
    // The measure's lines: from its dash to the line before the next section.
    const measureStart = positionOf(document, '|- id: OPN-2').line;
    const measureEnd = positionOf(document, '|  engagement:').line - 1;
    const elsewhere = (diagnostics: readonly vscode.Diagnostic[]): string[] =>
      diagnostics.filter((d) => d.range.start.line < measureStart || d.range.start.line > measureEnd).map(key).sort();
    const expected = elsewhere(dgsDiagnostics(document.uri));
    assert.ok(expected.length >= 5, `the draft has findings outside the measure (${expected.length})`);
    assert.ok(before.diagnostics.length > 0);
    // The status bar's coverage, as the drafter sees it on the page: it must not drop while the key is typed.
    const coverageShown = async (): Promise<string> => (await statusBarShows(/^DGS \d+\/\d+/)).find((entry) => entry.text.startsWith('DGS '))!.text;
    const coverage = await coverageShown();
    assert.match(coverage, new RegExp(`^DGS ${before.coverage.addressed.length}/`), 'the status bar counts what dgs check counts');

    const line = title.line + 1;
    let typed = '';
    for (const character of 'partners') {
      await editor.edit((builder) => builder.insert(new vscode.Position(line, 8 + typed.length), character));
      typed += character;
      // The key has no colon yet: the measure reports it, and every other finding is still there.
      const shown = await waitForDiagnostics(
        document.uri,
        (diagnostics) => diagnostics.some((d) => ruleOf(d) === 'yaml-syntax' && d.range.start.line >= measureStart && d.range.start.line <= measureEnd),
        `the syntax error in the measure after typing "${typed}"`,
      );
      assert.deepStrictEqual(elsewhere(shown), expected, `after typing "${typed}", the other findings are the same:\n${shown.map(asFinding).map((f) => `${f.rule}@${f.range.start.line}`).join('\n')}`);
      assert.ok(!shown.some((d) => ruleOf(d) === 'yaml-syntax' && (d.range.start.line < measureStart || d.range.start.line > measureEnd)), 'no syntax error outside the measure');
      // The client asks for the coverage once the diagnostics arrive: give it that moment, then read the page.
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.strictEqual(await coverageShown(), coverage, `after typing "${typed}", the status bar's coverage is the same`);
    }
    await editor.edit((builder) => builder.insert(new vscode.Position(line, 8 + typed.length), ': [Parliament]'));
    const after = await waitForCheckedFindings(document, 'the findings once the key is complete');
    assert.ok(!after.diagnostics.some((d) => d.rule === 'yaml-syntax'), 'the YAML parses again');
  });
});
