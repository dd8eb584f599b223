/**
 * The clause mapper in VS Code: inside `addresses`, the clauses a measure's words support
 * come first, each with a short gist and the words that matched; hover on a clause reference
 * shows the evidence, or its absence; a clause the measure's words say nothing of is an info
 * finding at the reference, with the quick fix that names the clause the text supports.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeEditors, edit, hoverMarkdown, openCopy, positionOf, rangeOf, ruleOf, schema, waitForCheckedFindings, waitForDiagnostics } from './support';

const labelOf = (item: vscode.CompletionItem): vscode.CompletionItemLabel => (typeof item.label === 'string' ? { label: item.label } : item.label);

describe('Clause mapper in VS Code', () => {
  before(activateExtension);
  afterEach(closeEditors);

  it('suggests the clauses a measure speaks of first, with their gist and evidence, and shows the evidence on hover', async () => {
    const { document } = await openCopy('national.strategy.yaml', 'mapper');
    await waitForCheckedFindings(document);
    // SEC-3, "Secure national eID for all public digital services", addresses [4, 1.iii]: the drafter removes 1.iii.
    const second = rangeOf(document, 'addresses: [4, |1.iii');
    await edit(document, (e) => e.delete(document.uri, second));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, second.start, undefined, 100);
    const items = [...(list?.items ?? [])].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    const first = labelOf(items[0]);
    assert.match(first.description ?? '', /^suggested: matches '/, `the first item, ${first.label}, is a suggestion`);
    assert.strictEqual(first.detail, ` ${schema().vocabulary!.units.get(first.label)!.gist}`);
    assert.ok(!items.some((item) => labelOf(item).label === '4'), 'the clause already named is left out');
    const open = items.filter((item) => /not addressed yet/.test(labelOf(item).description ?? '') && !/^suggested/.test(labelOf(item).description ?? ''));
    const firstOpen = items.indexOf(open[0]);
    assert.ok(open.length === 0 || items.slice(0, firstOpen).every((item) => /^suggested/.test(labelOf(item).description ?? '')), 'clauses not addressed yet right after the suggestions');

    const text = await hoverMarkdown(document.uri, positionOf(document, 'Secure national eID for all public digital services\n        addresses: [|4', 1));
    assert.match(text, /Evidence:.* the text of .?SEC-3.? matches "Secure/);
  });

  it('reports a clause the measure says nothing of, at the reference, and replaces it with the clause the text supports', async () => {
    const { document } = await openCopy('national.strategy.yaml', 'mismatch');
    await waitForCheckedFindings(document);
    // LDR-1, a council of ministers chaired by the Prime Minister, addresses [5, 7.i]: the drafter writes 12.ii instead of 5.
    await edit(document, (e) => e.replace(document.uri, rangeOf(document, 'addresses: [|5, 7.i'), '7.i, 12.ii'));
    const at = rangeOf(document, 'addresses: [7.i, |12.ii');
    const mismatches = (diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] => diagnostics.filter((d) => ruleOf(d) === 'clause-mismatch');
    const [finding, ...others] = mismatches(await waitForDiagnostics(document.uri, (diagnostics) => mismatches(diagnostics).length > 0, 'the clause-mismatch finding'));
    assert.deepStrictEqual(others, [], 'one finding: 7.i, a close relative of 5, is not doubted');
    assert.strictEqual(finding.severity, vscode.DiagnosticSeverity.Information);
    assert.deepStrictEqual([finding.range.start.line, finding.range.start.character], [at.start.line, at.start.character], 'the finding points at 12.ii');
    assert.match(finding.message, /^Measure LDR-1 names clause 12\.ii \(digital needs in impact assessment\), but its title and description say nothing of it; they speak of 5 \(/);
    const fixes = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, finding.range, vscode.CodeActionKind.QuickFix.value, 20)) ?? [];
    const replace = fixes.find((action) => action.title === 'Replace 12.ii with 5');
    assert.ok(replace?.edit, `the replace fix (offered: ${fixes.map((action) => action.title).join(' | ')})`);
    assert.ok(await vscode.workspace.applyEdit(replace.edit), 'VS Code applied the quick fix');
    assert.ok(document.getText().includes('addresses: [7.i, 5]'), 'the reference now reads 5');
    await waitForDiagnostics(document.uri, (diagnostics) => mismatches(diagnostics).length === 0, 'the finding to go');
  });
});
