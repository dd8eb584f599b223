/**
 * The findings a drafter sees in the editor: opening the examples shows exactly what
 * `dgs check` reports, each pointing where the format says, with its rule as the code and a
 * link to the rule's documentation; an edit updates them.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, asFinding, closeEditors, dgsDiagnostics, edit, openCopy, openStrategy, rangeOf, ruleOf, waitForCheckedFindings, waitForDiagnostics, UNKNOWN_CLAUSE } from './support';

describe('Diagnostics in VS Code', () => {
  before(activateExtension);
  afterEach(closeEditors);

  it('shows the draft example\'s findings, exactly as dgs check reports them', async () => {
    const { document } = await openStrategy('draft.strategy.yaml');
    const expected = await waitForCheckedFindings(document);
    assert.ok(expected.diagnostics.length >= 5, `the draft example has findings to show (dgs check reports ${expected.diagnostics.length})`);

    const diagnostics = dgsDiagnostics(document.uri);
    // The unknown clause 1.iv is underlined where it is written, as an error that suggests 1.iii.
    const unknown = diagnostics.find((d) => ruleOf(d) === 'unknown-clause');
    assert.ok(unknown, 'an unknown-clause finding');
    assert.strictEqual(unknown.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(unknown.range.isEqual(rangeOf(document, UNKNOWN_CLAUSE)), `unknown-clause underlines 1.iv, not ${JSON.stringify(asFinding(unknown).range)}`);
    assert.match(unknown.message, /1\.iii/, 'the message suggests the closest clause');
    // The absent procurement section is a warning on the key of its part.
    const missing = diagnostics.find((d) => ruleOf(d) === 'missing-section' && /procurement/.test(d.message));
    assert.ok(missing, 'a missing-section finding for procurement');
    assert.strictEqual(missing.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(missing.range.isEqual(rangeOf(document, '\n|implementation')), 'missing-section points at the part key');
    // Every finding names its rule and links to the rule's documentation.
    for (const diagnostic of diagnostics) {
      const code = diagnostic.code;
      assert.ok(typeof code === 'object' && code !== null, `${ruleOf(diagnostic)} has a documentation link`);
      assert.ok(code.target.toString().includes(String(code.value)), `the link of ${String(code.value)} leads to its documentation: ${code.target.toString()}`);
    }
  });

  it('shows nothing on the complete examples, and an edit updates the findings both ways', async () => {
    for (const example of ['national.strategy.yaml', 'regional.strategy.yaml']) {
      const { document } = await openCopy(example, 'edit');
      // A broken value appears as a finding: proof that the server has the document…
      const level = rangeOf(document, '\n  |level: ');
      const valueStart = level.end;
      const valueEnd = document.lineAt(valueStart.line).range.end;
      const original = document.getText(new vscode.Range(valueStart, valueEnd));
      await edit(document, (e) => e.replace(document.uri, new vscode.Range(valueStart, valueEnd), 'nationwide'));
      const broken = await waitForCheckedFindings(document, `the finding on "level: nationwide" in ${example}`);
      assert.deepStrictEqual(broken.diagnostics.map((d) => d.rule), ['type-mismatch'], 'dgs check reports one type-mismatch');
      // …and putting the value back clears it: the complete example shows no finding at all.
      await edit(document, (e) => e.replace(document.uri, new vscode.Range(valueStart, document.lineAt(valueStart.line).range.end), original));
      await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length === 0, `${example} to show no finding again`);
      assert.deepStrictEqual((await waitForCheckedFindings(document)).diagnostics, [], `dgs check reports nothing on ${example}`);
    }
  });
});
