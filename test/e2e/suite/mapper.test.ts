/**
 * The clause mapper in VS Code: inside `addresses`, the clauses a measure's words support
 * come first, each with a short gist and the words that matched; hover on a clause reference
 * shows the evidence, or its absence.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeEditors, edit, hoverMarkdown, openCopy, positionOf, rangeOf, schema, waitForCheckedFindings } from './support';

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
});
