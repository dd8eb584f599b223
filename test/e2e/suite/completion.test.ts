/**
 * Completion, as a drafter uses it: clause ids with their text inside `addresses`, the sections
 * a part still lacks first, and accepting a suggestion fixes the finding it answers.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, assertReads, closeEditors, edit, openCopy, positionOf, rangeOf, ruleOf, schema, waitForCheckedFindings, waitForDiagnostics, UNKNOWN_CLAUSE } from './support';

async function completions(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, undefined, 100);
  return list?.items ?? [];
}

const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);
const documentationOf = (item: vscode.CompletionItem): string => (typeof item.documentation === 'string' ? item.documentation : item.documentation?.value ?? '');
const bySortText = (a: vscode.CompletionItem, b: vscode.CompletionItem): number => (a.sortText ?? labelOf(a)).localeCompare(b.sortText ?? labelOf(b));

describe('Completion in VS Code', () => {
  before(activateExtension);
  afterEach(closeEditors);

  it('offers every clause id with its text in `addresses`, and accepting one fixes an unknown clause', async () => {
    const { document } = await openCopy('draft.strategy.yaml', 'complete');
    await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'unknown-clause'), 'the unknown clause 1.iv');
    // The drafter deletes the wrong clause 1.iv and asks for completion in its place.
    const wrong = rangeOf(document, UNKNOWN_CLAUSE);
    await edit(document, (e) => e.delete(document.uri, wrong));
    const items = await completions(document.uri, wrong.start);
    const labels = items.map(labelOf);
    // Every clause the measure does not address yet (it has 1.i) is offered.
    for (const unit of schema().units) {
      if (unit.ref !== '1.i') assert.ok(labels.includes(unit.ref), `clause ${unit.ref} is offered (offered: ${labels.join(' ')})`);
    }
    const choice = items.find((item) => labelOf(item) === '1.iii');
    assert.ok(choice);
    const unit = schema().unitByRef.get('1.iii');
    assert.ok(unit?.clause);
    assertReads(documentationOf(choice) + '\n' + (choice.detail ?? ''), unit.clause.text, 'the text of clause 1.iii beside its id');

    // Accepting it inserts the id; the finding on the clause goes, and the file checks as dgs check says.
    const insert = typeof choice.insertText === 'string' ? choice.insertText : choice.insertText?.value ?? labelOf(choice);
    const range = choice.range instanceof vscode.Range ? choice.range : choice.range?.replacing ?? new vscode.Range(wrong.start, wrong.start);
    await edit(document, (e) => e.replace(document.uri, range, insert));
    assert.match(document.lineAt(wrong.start.line).text, /addresses: \[1\.i, 1\.iii\]/);
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => ruleOf(x) === 'unknown-clause'), 'the unknown-clause finding to go');
    await waitForCheckedFindings(document);
  });

  it('offers the sections a part lacks, before anything else', async () => {
    const { document } = await openCopy('draft.strategy.yaml', 'sections');
    const expected = await waitForCheckedFindings(document);
    const missingSections = expected.diagnostics.filter((d) => d.rule === 'missing-section');
    assert.ok(missingSections.length > 0, 'the draft lacks a section');
    // A new line at the indentation of the sections of `implementation`.
    const part = positionOf(document, '\n|implementation:');
    await edit(document, (e) => e.insert(document.uri, document.lineAt(part.line).range.end, '\n  '));
    // Snippets (the editor's and the server's) come after the keys; the keys are what is ranked here.
    const items = (await completions(document.uri, new vscode.Position(part.line + 1, 2))).filter((item) => item.kind !== vscode.CompletionItemKind.Snippet).sort(bySortText);
    const implementation = schema().partByKey.get('implementation');
    assert.ok(implementation);
    const present = implementation.recommendations.filter((r) => new RegExp(`^  ${r.section}:`, 'm').test(document.getText()));
    const absent = implementation.recommendations.filter((r) => !present.includes(r));
    const labels = items.map(labelOf);
    assert.deepStrictEqual(labels.slice(0, absent.length), absent.map((r) => r.section), `the absent sections come first (offered: ${labels.join(', ')})`);
    for (const r of present) assert.ok(!labels.includes(r.section), `the present section ${r.section} is not offered again`);
  });
});
