/**
 * The clause mapper in the editor, over the real protocol: suggestions first in completion
 * inside `addresses`, the evidence on hover, clause-mismatch with its quick fix, and the
 * code action that adds the suggested clauses.
 */
import * as assert from 'assert';
import { CodeAction, CodeActionRequest, CompletionItem, CompletionList, CompletionRequest, Hover, HoverRequest, MarkupContent, TextDocumentEdit } from 'vscode-languageserver-protocol/node';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { LspClient, positionOf } from './client';

const schema = loadDefaultSchema();

const STRATEGY = `# dgs-strategy
strategy:
  title: Test strategy
  government: Testland
  level: national
  period: { from: 2026, to: 2030 }
  status: draft
  lead: Ministry of Digital Affairs
development:
  leadership:
    summary: Political backing for the strategy.
    measures:
      - id: LDR-1
        title: Ministerial committee for digital government
        description: Ministers responsible for digital meet quarterly to set the priorities of the agenda.
        addresses: [12.ii]
        lead: Prime Minister's Office
implementation:
  procurement:
    summary: How the government buys technology.
    measures:
      - id: PRO-1
        title: Agile procurement of cloud services
        description: New framework agreements with suppliers; any technology spend above one million needs central approval.
        addresses: [11]
        lead: Central Purchasing Body
`;

describe('language server over stdio: the clause mapper', function () {
  let client: LspClient;
  let uri: string;
  let counter = 0;

  before(async () => {
    ({ client } = await LspClient.start());
    uri = client.uri('mapper.strategy.yaml');
    await client.open(uri, STRATEGY, 'dgs-strategy');
  });
  after(async () => client.stop());

  async function complete(text: string, at: { line: number; character: number }): Promise<CompletionItem[]> {
    const documentUri = client.uri(`mapper-completion-${++counter}.strategy.yaml`);
    await client.open(documentUri, text);
    const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: documentUri }, position: at });
    await client.close(documentUri);
    return Array.isArray(result) ? result : (result as CompletionList | null)?.items ?? [];
  }
  const ordered = (items: CompletionItem[]): CompletionItem[] => [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
  async function hover(needle: string, occurrence = 1): Promise<string> {
    const result = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(STRATEGY, needle, 1, occurrence) })) as Hover | null;
    return (result?.contents as MarkupContent).value;
  }

  it('reports the clause the measure says nothing about, at the reference, as info', async () => {
    const { diagnostics } = await client.nextDiagnostics(uri);
    const mismatch = diagnostics.filter((diagnostic) => diagnostic.code === 'clause-mismatch');
    assert.strictEqual(mismatch.length, 1);
    assert.strictEqual(mismatch[0].severity, 3);
    assert.deepStrictEqual(mismatch[0].range.start, positionOf(STRATEGY, '12.ii]'));
    assert.match(mismatch[0].message, /^Measure LDR-1 names clause 12\.ii \(digital needs in impact assessment\), but its title and description say nothing of it; they speak of 5 \(political leadership and commitment\)/);
    assert.doesNotMatch(mismatch[0].message, /`/);
  });

  it('offers the suggested clauses first in addresses, with a gist and the words that matched', async () => {
    const text = STRATEGY.replace('addresses: [11]', 'addresses: [11, ]');
    const items = ordered(await complete(text, positionOf(text, '11, ]', 4)));
    const first = items[0];
    assert.strictEqual(first.label, '7.ii', `first of ${items.map((item) => item.label).join(' ')}`);
    const eleven = items.find((item) => item.label === '11');
    assert.strictEqual(eleven, undefined, 'a clause already listed is left out');
    assert.match(first.labelDetails?.description ?? '', /^suggested: matches '/);
    assert.strictEqual(first.labelDetails?.detail, ` ${schema.vocabulary!.units.get('7.ii')!.gist}`);
    // The clause's own text is in the documentation, verbatim, and nowhere else.
    const documentation = (first.documentation as MarkupContent).value;
    assert.ok(documentation.includes(schema.unitByRef.get('7.ii')!.text.slice(0, 60)), documentation);
    assert.ok(!(first.detail ?? '').includes(schema.unitByRef.get('7.ii')!.text.slice(0, 30)));
    // Then the clauses no measure addresses yet, marked.
    const rest = items.slice(items.findIndex((item) => !/^suggested/.test(item.labelDetails?.description ?? '')));
    const open = rest.filter((item) => /not addressed yet/.test(item.labelDetails?.description ?? ''));
    assert.ok(open.length > 10);
    assert.deepStrictEqual(rest.slice(0, open.length), open, 'the clauses not addressed yet come right after the suggestions');
    assert.ok(!/not addressed yet/.test(items.find((item) => item.label === '12.ii')?.labelDetails?.description ?? ''), '12.ii is addressed by LDR-1');
  });

  it('shows on hover the words that match a clause, or that none do', async () => {
    const supported = await hover('11]');
    assert.match(supported, /\*\*Evidence:\*\* the text of `PRO-1` matches "Agile procurement"/);
    const unsupported = await hover('12.ii]');
    assert.match(unsupported, /\*\*No evidence:\*\* nothing in the title and description of `LDR-1` speaks of clause 12\.ii/);
    assert.match(unsupported, /It speaks of 5 \("Ministerial committee"/);
  });

  it('offers "Replace 12.ii with 5" for the mismatch, and adds the suggested clauses to a measure', async () => {
    const at = positionOf(STRATEGY, '12.ii]');
    const fixes = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: at, end: at },
      context: { diagnostics: [], only: ['quickfix'] },
    })) as CodeAction[];
    const replace = fixes.find((action) => action.title === 'Replace 12.ii with 5');
    assert.ok(replace, fixes.map((action) => action.title).join(' | '));
    assert.deepStrictEqual((replace.edit!.documentChanges![0] as TextDocumentEdit).edits, [{ range: { start: at, end: { line: at.line, character: at.character + 5 } }, newText: '5' }]);
    assert.strictEqual(replace.diagnostics?.[0].code, 'clause-mismatch');

    const onMeasure = positionOf(STRATEGY, 'PRO-1');
    const refactors = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: onMeasure, end: onMeasure },
      context: { diagnostics: [], only: ['refactor'] },
    })) as CodeAction[];
    const add = refactors.find((action) => action.title.startsWith('Add the suggested clauses'));
    assert.ok(add, refactors.map((action) => action.title).join(' | '));
    const edits = (add.edit!.documentChanges![0] as TextDocumentEdit).edits;
    assert.strictEqual(edits.length, 1);
    assert.match(edits[0].newText, /^, 7\.ii/);
    assert.deepStrictEqual(edits[0].range.start, positionOf(STRATEGY, ']\n        lead: Central Purchasing Body'));
  });
});
