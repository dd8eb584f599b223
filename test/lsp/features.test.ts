/**
 * Editor features over the real protocol: hover, completion, outline, folding, code lens,
 * definition, references, rename, code actions, the coverage request and the command.
 * Texts of the Recommendation are compared with the schema file itself, read here with
 * the `yaml` package (not with the project's schema loader).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  CodeAction,
  CodeActionRequest,
  CodeLens,
  CodeLensRequest,
  CompletionItem,
  CompletionList,
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbol,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FoldingRange,
  FoldingRangeRequest,
  Hover,
  HoverRequest,
  InsertTextFormat,
  InsertTextMode,
  Location,
  MarkupContent,
  MessageType,
  PrepareRenameRequest,
  Range,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
  TextDocumentEdit,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { parse } from 'yaml';
import { analyze } from '../../server/src/core/analyze';
import { renderSkeleton } from '../../server/src/core/skeleton';
import { COVERAGE_REQUEST, CoverageAnswer, SKELETON_REQUEST, SkeletonAnswer } from '../../server/src/protocol';
import { buildReportData } from '../../server/src/report/data';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { packageInfo } from '../../server/src/host/packageInfo';
import { editorCapabilities, LspClient, positionOf, ROOT } from './client';
import { SMALL } from './fixtures';

interface RawClause {
  id: string;
  text: string;
}
interface RawRecommendation {
  number: number;
  section: string;
  text: string;
  clauses: RawClause[];
}
interface RawPart {
  key: string;
  'lead-in': string;
  recommendations: RawRecommendation[];
}
interface RawSchema {
  definitions: Array<{ term: string; text: string }>;
  parts: RawPart[];
  fields: Record<string, { doc: string; clauses?: string[] }>;
}

const RAW = parse(fs.readFileSync(path.join(ROOT, 'server', 'schema', 'oecd-legal-0406.yaml'), 'utf8')) as RawSchema;
const recommendation = (number: number): RawRecommendation => RAW.parts.flatMap((part) => part.recommendations).find((r) => r.number === number)!;
const partOf = (number: number): RawPart => RAW.parts.find((part) => part.recommendations.some((r) => r.number === number))!;
const clause = (number: number, id: string): string => recommendation(number).clauses.find((c) => c.id === id)!.text;
const definition = (term: string): string => RAW.definitions.find((d) => d.term === term)!.text;
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

function assertContains(haystack: string, needle: string, what: string): void {
  assert.ok(squash(haystack).includes(squash(needle)), `${what}: expected the text verbatim\n--- text:\n${needle}\n--- in:\n${haystack}`);
}

/** Text with a `$0` cursor marker → the text without it, and the cursor's position. */
function cursor(textWithMarker: string): { text: string; position: { line: number; character: number } } {
  return { text: textWithMarker.replace('$0', ''), position: positionOf(textWithMarker, '$0') };
}

function rangeAt(text: string, needle: string, occurrence = 1): Range {
  const start = positionOf(text, needle, 0, occurrence);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

describe('language server over stdio: features', function () {
  let client: LspClient;
  let uri: string;
  let counter = 0;

  before(async () => {
    ({ client } = await LspClient.start());
    uri = client.uri('features.strategy.yaml');
    await client.open(uri, SMALL, 'dgs-strategy');
    await client.nextDiagnostics(uri);
  });
  after(async () => client.stop());

  async function hover(position: { line: number; character: number }, documentUri = uri): Promise<Hover | null> {
    return client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: documentUri }, position });
  }
  const hoverText = (result: Hover | null): string => (result?.contents as MarkupContent).value;

  /** Opens a new document with a `$0` marker and asks for completion there. */
  async function complete(textWithMarker: string): Promise<CompletionItem[]> {
    const { text, position } = cursor(textWithMarker);
    const documentUri = client.uri(`completion-${++counter}.strategy.yaml`);
    await client.open(documentUri, text);
    const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: documentUri }, position });
    await client.close(documentUri);
    return Array.isArray(result) ? result : (result as CompletionList | null)?.items ?? [];
  }
  const labels = (items: CompletionItem[]): string[] => items.map((item) => item.label);
  const bySortText = (items: CompletionItem[]): CompletionItem[] => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));

  describe('hover', () => {
    it('on a clause reference: the clause verbatim, with its recommendation and the part’s lead-in', async () => {
      const result = await hover(positionOf(SMALL, '1.iii', 2));
      const text = hoverText(result);
      assertContains(text, clause(1, 'iii'), 'clause 1.iii');
      assertContains(text, recommendation(1).text, 'recommendation 1');
      assertContains(text, partOf(1)['lead-in'], 'part II lead-in');
      assert.match(text, /\*\*1\.\*\*/);
      assert.deepStrictEqual(result?.range, rangeAt(SMALL, '1.iii'));
      // A recommendation without clauses is its own unit.
      assertContains(hoverText(await hover(positionOf(SMALL, '[4]', 1))), recommendation(4).text, 'recommendation 4');
      // An unknown clause says why, and what was meant.
      assert.match(hoverText(await hover(positionOf(SMALL, '1.x', 1))), /1\.iii/);
    });

    it('on a section key: the whole recommendation and which clauses are addressed, by which measures', async () => {
      const result = await hover(positionOf(SMALL, 'openness', 3));
      const text = hoverText(result);
      assertContains(text, recommendation(1).text, 'recommendation 1');
      for (const c of recommendation(1).clauses) assertContains(text, c.text, `clause 1.${c.id}`);
      assertContains(text, partOf(1)['lead-in'], 'part II lead-in');
      assert.match(text, /2 of 3 clauses addressed/);
      assert.match(text, /1\.i: addressed by `OPN-1`, `GOV-1`/);
      assert.match(text, /1\.ii: not addressed/);
      assert.match(text, /1\.iii: weak: addressed by `OPN-2`, with no indicator with a target/);
      assert.deepStrictEqual(result?.range, rangeAt(SMALL, 'openness'));
      assert.match(hoverText(await hover(positionOf(SMALL, 'leadership', 1))), /recommendation 5 not addressed/);
    });

    it('on a part key: the part’s lead-in', async () => {
      const text = hoverText(await hover(positionOf(SMALL, 'development', 4)));
      assertContains(text, partOf(5)['lead-in'], 'part III lead-in');
      assert.match(text, /Part III/);
    });

    it('on a field: its documentation and the clauses it relates to, with their text', async () => {
      const text = hoverText(await hover(positionOf(SMALL, 'lead: Agency', 1)));
      assertContains(text, RAW.fields['measure.lead'].doc, 'measure.lead doc');
      assert.deepStrictEqual(RAW.fields['measure.lead'].clauses, ['7.i']);
      assertContains(text, clause(7, 'i'), 'clause 7.i');
      const strategyLead = hoverText(await hover(positionOf(SMALL, 'lead: Ministry', 1)));
      assertContains(strategyLead, RAW.fields['strategy.lead'].doc, 'strategy.lead doc');
      assertContains(strategyLead, clause(6, 'iv'), 'clause 6.iv');
      const from = hoverText(await hover(positionOf(SMALL, 'from', 1)));
      assertContains(from, RAW.fields['strategy.period.from'].doc, 'strategy.period.from doc');
    });

    it('on a term of Part I in prose: its definition verbatim', async () => {
      const digital = await hover(positionOf(SMALL, 'Digital Government for', 9));
      assertContains(hoverText(digital), definition('Digital Government'), 'Digital Government');
      assert.deepStrictEqual(digital?.range, rangeAt(SMALL, 'Digital Government'));
      assertContains(hoverText(await hover(positionOf(SMALL, 'E-Government', 3))), definition('E-Government'), 'E-Government');
      assert.strictEqual(await hover(positionOf(SMALL, 'everyone', 2)), null, 'no hover on other prose');
    });

    it('on a measure id in depends-on: the measure', async () => {
      const text = hoverText(await hover(positionOf(SMALL, '[OPN-1, OPN-9]', 2)));
      assert.match(text, /OPN-1/);
      assert.match(text, /Open processes/);
    });
  });

  describe('completion', () => {
    it('offers the keys allowed at the cursor, leaving out those present', async () => {
      const items = await complete(SMALL.replace('  status: draft\n', '  status: draft\n  $0\n'));
      assert.deepStrictEqual(labels(items).filter((label) => !label.includes(' ')).sort(), ['adopted-on', 'business-case-threshold']);
      const measureKeys = labels(await complete(SMALL.replace('        title: Open processes\n', '        title: Open processes\n        $0\n')));
      for (const key of ['description', 'partners', 'due', 'budget', 'business-case', 'depends-on', 'status']) assert.ok(measureKeys.includes(key), `${key} offered`);
      for (const key of ['id', 'title', 'addresses', 'lead', 'indicators']) assert.ok(!measureKeys.includes(key), `${key} left out`);
    });

    it('offers missing sections first, then their templates as snippets', async () => {
      const items = await complete(SMALL.replace('  openness:\n', '  $0\n  openness:\n'));
      const ordered = labels(bySortText(items));
      assert.deepStrictEqual(ordered.slice(0, 2), ['engagement', 'data-driven-culture']);
      assert.ok(!ordered.includes('openness') && !ordered.includes('security-and-privacy'));
      const snippet = items.find((item) => item.label === 'engagement (template)')!;
      assert.strictEqual(snippet.insertTextFormat, InsertTextFormat.Snippet);
      assert.strictEqual(snippet.insertTextMode, InsertTextMode.asIs);
      const newText = (snippet.textEdit as TextEdit).newText;
      assert.match(newText, /^engagement:\n {4}summary: \$\{1:TODO/);
      assert.match(newText, /- id: ENG-1\n/);
      assert.match(newText, /addresses: \[2\.i, 2\.ii\]/);
    });

    it('offers a whole part at the top level when it is missing', async () => {
      const items = await complete(`${SMALL}$0`);
      assert.deepStrictEqual(labels(items).filter((label) => !label.includes(' ')), ['implementation']);
      const part = items.find((item) => item.label === 'implementation (template)')!;
      const text = (part.textEdit as TextEdit).newText.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$0$/, '').replace(/\\\}/g, '}');
      const sections = Object.keys((parse(text) as Record<string, Record<string, unknown>>).implementation);
      assert.deepStrictEqual(sections, ['business-cases', 'project-capacity', 'procurement', 'legal-frameworks']);
    });

    it('offers clause ids with their text in addresses', async () => {
      const items = await complete(SMALL.replace('addresses: [1.iii, 6]', 'addresses: [1.iii, $0]'));
      assert.ok(!labels(items).includes('1.iii'), 'a clause already listed is left out');
      const ii = items.find((item) => item.label === '1.ii')!;
      assertContains((ii.documentation as MarkupContent).value, clause(1, 'ii'), 'clause 1.ii');
      assert.strictEqual(labels(items).length, 25);
      assert.ok(labels(bySortText(items)).indexOf('1.ii') < labels(bySortText(items)).indexOf('2.i'), "the section's own clauses first");
      const block = await complete(SMALL.replace('        addresses: [7.i, 1.i]\n', '        addresses:\n          - 7.i\n          - $0\n'));
      assert.ok(labels(block).includes('7.ii') && !labels(block).includes('7.i'));
    });

    it('offers measure ids in depends-on, not the measure’s own', async () => {
      const items = await complete(SMALL.replace('depends-on: [OPN-1, OPN-9]', 'depends-on: [$0]'));
      assert.deepStrictEqual(labels(items).sort(), ['GOV-1', 'LDR-1', 'OPN-1', 'SEC-1']);
      assert.strictEqual(items.find((item) => item.label === 'OPN-1')!.detail, 'Open processes');
    });

    it('offers the allowed values of level and status', async () => {
      assert.deepStrictEqual(labels(await complete(SMALL.replace('level: national', 'level: $0'))), ['national', 'regional', 'local']);
      assert.deepStrictEqual(labels(await complete(SMALL.replace('  status: draft', '  status: d$0'))), ['draft', 'consultation', 'adopted']);
      const measureStatus = await complete(SMALL.replace('        title: Open processes\n', '        title: Open processes\n        status: $0\n'));
      assert.deepStrictEqual(labels(measureStatus), ['planned', 'in-progress', 'done', 'dropped']);
    });

    it('offers a measure snippet for a new list item, with the next free id', async () => {
      const items = await complete(SMALL.replace('      - id: OPN-2\n', '      - $0\n      - id: OPN-2\n'));
      const measure = items.find((item) => item.label === 'measure')!;
      const newText = (measure.textEdit as TextEdit).newText;
      assert.match(newText, /^id: OPN-3\n {8}title: \$\{1:TODO/);
      assert.match(newText, /addresses: \[1\.i, 1\.ii, 1\.iii\]/);
      const indicator = (await complete(SMALL.replace('target: 10 }\n', 'target: 10 }\n          - $0\n'))).find((item) => item.label === 'indicator')!;
      assert.strictEqual((indicator.textEdit as TextEdit).newText, 'name: ${1:TODO name the indicator}\n            target: ${2:TODO set the target}$0');
      const business = (await complete(SMALL.replace('        title: Open processes\n', '        title: Open processes\n        $0\n'))).find((item) => item.label === 'business case')!;
      assert.match((business.textEdit as TextEdit).newText, /^business-case:\n {10}value: \$\{1:TODO/);
    });

    it('gives plain text to a client without snippets', async () => {
      const { client: plainClient } = await LspClient.start({ capabilities: editorCapabilities({ snippets: false }) });
      try {
        const { text, position } = cursor(SMALL.replace('level: national', 'level: $0'));
        const documentUri = plainClient.uri('plain.strategy.yaml');
        await plainClient.open(documentUri, text);
        const result = (await plainClient.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: documentUri }, position })) as CompletionItem[];
        assert.deepStrictEqual(result.map((item) => item.insertTextFormat), [InsertTextFormat.PlainText, InsertTextFormat.PlainText, InsertTextFormat.PlainText]);
        const keys = (await plainClient.connection.sendRequest(CompletionRequest.type, {
          textDocument: { uri: documentUri },
          position: positionOf(text, '  lead: Ministry'),
        })) as CompletionItem[];
        assert.ok(keys.every((item) => !(item.textEdit as TextEdit).newText.includes('$')));
      } finally {
        await plainClient.stop();
      }
    });
  });

  it('outlines parts, sections and measures', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const shape = (symbol: DocumentSymbol): unknown => (symbol.children?.length ? { [symbol.name]: symbol.children.map(shape) } : symbol.name);
    assert.deepStrictEqual(symbols.map(shape), ['strategy', { objectives: [{ openness: ['OPN-1', 'OPN-2'] }, { 'security-and-privacy': ['SEC-1'] }] }, { development: [{ leadership: ['LDR-1'] }, { governance: ['GOV-1'] }] }]);
    const openness = symbols[1].children![0];
    assert.deepStrictEqual(openness.selectionRange, rangeAt(SMALL, 'openness'));
    const measure = openness.children![0];
    assert.strictEqual(measure.detail, 'Open processes');
    assert.deepStrictEqual(measure.selectionRange, rangeAt(SMALL, 'OPN-1'));
    assert.deepStrictEqual(measure.range.start, positionOf(SMALL, 'id: OPN-1'));
  });

  it('folds blocks and measures', async () => {
    const folds = (await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } })) as FoldingRange[];
    const fold = (from: string, to: string, toOccurrence = 1): { startLine: number; endLine: number } => ({
      startLine: positionOf(SMALL, from).line,
      endLine: positionOf(SMALL, to, 0, toOccurrence).line,
    });
    const pairs = folds.map((range) => ({ startLine: range.startLine, endLine: range.endLine }));
    for (const expected of [fold('strategy:', 'lead: Ministry'), fold('objectives:', '{ name: Registers kept'), fold('- id: OPN-1', '{ name: Processes opened'), fold('- id: OPN-2', 'lead: Agency', 2)]) {
      assert.ok(pairs.some((pair) => pair.startLine === expected.startLine && pair.endLine === expected.endLine), `fold ${JSON.stringify(expected)} in ${JSON.stringify(pairs)}`);
    }
  });

  it('shows each section’s coverage in a code lens', async () => {
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
    assert.deepStrictEqual(
      lenses.map((lens) => [lens.range.start.line, lens.command?.title]),
      [
        [positionOf(SMALL, 'openness').line, '2 of 3 clauses addressed (1 weak)'],
        [positionOf(SMALL, 'security-and-privacy').line, 'recommendation 4 addressed'],
        [positionOf(SMALL, 'leadership').line, 'recommendation 5 not addressed'],
        [positionOf(SMALL, 'governance').line, '1 of 2 clauses addressed'],
      ],
    );
  });

  describe('navigation', () => {
    const at = (needle: string, delta = 1, occurrence = 1): { textDocument: { uri: string }; position: { line: number; character: number } } => ({
      textDocument: { uri },
      position: positionOf(SMALL, needle, delta, occurrence),
    });

    it('goes from a measure id in depends-on to the measure, and from a clause to its section', async () => {
      const toMeasure = (await client.connection.sendRequest(DefinitionRequest.type, at('[OPN-1, OPN-9]'))) as Location[];
      assert.deepStrictEqual(toMeasure, [{ uri, range: rangeAt(SMALL, 'OPN-1') }]);
      const toSection = (await client.connection.sendRequest(DefinitionRequest.type, at('7.i'))) as Location[];
      assert.deepStrictEqual(toSection, [{ uri, range: rangeAt(SMALL, 'governance') }]);
      const absent = (await client.connection.sendRequest(DefinitionRequest.type, at('[8]'))) as Location[];
      assert.deepStrictEqual(absent, [], 'recommendation 8 has no section in the file');
    });

    it('finds every depends-on naming a measure, and every measure addressing a clause', async () => {
      const dependents = (await client.connection.sendRequest(ReferencesRequest.type, { ...at('id: OPN-1', 5), context: { includeDeclaration: false } })) as Location[];
      assert.deepStrictEqual(dependents.map((location) => location.range), [rangeAt(SMALL, 'OPN-1', 2), rangeAt(SMALL, 'OPN-1', 3)]);
      const withDeclaration = (await client.connection.sendRequest(ReferencesRequest.type, { ...at('OPN-1, OPN-9'), context: { includeDeclaration: true } })) as Location[];
      assert.deepStrictEqual(withDeclaration.map((location) => location.range), [rangeAt(SMALL, 'OPN-1', 1), rangeAt(SMALL, 'OPN-1', 2), rangeAt(SMALL, 'OPN-1', 3)]);
      const addressing = (await client.connection.sendRequest(ReferencesRequest.type, { ...at('[1.i,'), context: { includeDeclaration: false } })) as Location[];
      assert.deepStrictEqual(addressing.map((location) => location.range), [{ start: positionOf(SMALL, '[1.i,', 1), end: positionOf(SMALL, '[1.i,', 4) }, { start: positionOf(SMALL, '7.i, 1.i', 5), end: positionOf(SMALL, '7.i, 1.i', 8) }]);
    });

    it('renames a measure id with every reference to it, and refuses an invalid or taken id', async () => {
      const prepared = (await client.connection.sendRequest(PrepareRenameRequest.type, at('[OPN-1, OPN-9]'))) as { range: Range; placeholder: string };
      assert.deepStrictEqual(prepared, { range: rangeAt(SMALL, 'OPN-1', 2), placeholder: 'OPN-1' });
      assert.strictEqual(await client.connection.sendRequest(PrepareRenameRequest.type, at('summary')), null);

      const edit = (await client.connection.sendRequest(RenameRequest.type, { ...at('id: OPN-1', 5), newName: 'OPN-10' })) as WorkspaceEdit;
      const change = edit.documentChanges![0] as TextDocumentEdit;
      assert.deepStrictEqual(change.textDocument, { uri, version: 1 });
      assert.deepStrictEqual(
        change.edits.map((textEdit) => [textEdit.range, textEdit.newText]),
        [1, 2, 3].map((occurrence) => [rangeAt(SMALL, 'OPN-1', occurrence), 'OPN-10']),
      );
      for (const newName of ['1st', 'has space', 'GOV-1']) {
        await assert.rejects(client.connection.sendRequest(RenameRequest.type, { ...at('id: OPN-1', 5), newName }), (error: ResponseError<unknown>) => {
          assert.match(error.message, newName === 'GOV-1' ? /already has the id/ : /not a valid measure id/);
          return true;
        });
      }
    });
  });

  it('answers dgs/coverage with the report\'s data, where each measure is written, and the report itself when asked', async () => {
    const coverage = (await client.connection.sendRequest(COVERAGE_REQUEST, { uri, file: 'small.strategy.yaml', html: true })) as CoverageAnswer;
    const analysis = analyze(SMALL, loadDefaultSchema());
    const expected = analysis.coverage;
    assert.strictEqual(coverage.uri, uri);
    assert.strictEqual(coverage.total, 26);
    assert.strictEqual(coverage.addressed, expected.addressed.length);
    // The core's statuses, clause by clause (spec §7.1).
    assert.deepStrictEqual(coverage.units[0], { ref: '1.i', recommendation: 1, section: 'openness', addressed: true, status: 'addressed', measures: ['OPN-1', 'GOV-1'], inactive: [] });
    assert.deepStrictEqual(coverage.units.filter((unit) => !unit.addressed).map((unit) => unit.ref), expected.missing);
    assert.deepStrictEqual(coverage.report, JSON.parse(JSON.stringify(buildReportData(analysis, { file: 'small.strategy.yaml', dgsVersion: packageInfo().version }))), 'the report\'s own data');
    // The report says which dgs made it, as the command line's does.
    assert.match(coverage.html ?? '', new RegExp(`by dgs ${packageInfo().version.replace(/\./g, '\\.')}\\.`));
    const units = coverage.report.parts.flatMap((part) => part.recommendations.flatMap((recommendation) => recommendation.units));
    assert.deepStrictEqual(units[0].measures.map((index) => coverage.report.measures[index].id), ['OPN-1', 'GOV-1']);
    assert.deepStrictEqual(units.filter((unit) => unit.status === 'none').map((unit) => unit.ref), expected.missing);
    const lines = SMALL.split('\n');
    coverage.report.measures.forEach((measure, index) => {
      const range = coverage.measureRanges[index];
      assert.strictEqual(lines[range.start.line].slice(range.start.character, range.end.character), measure.id, `where ${measure.id} is written`);
    });
    assert.match(lines[coverage.sectionRanges.openness.start.line], /^\s+openness:/);
    assert.match(coverage.html ?? '', /^<!DOCTYPE html>[\s\S]*data-dgs-measure="0"/);
    const plain = (await client.connection.sendRequest(COVERAGE_REQUEST, { uri })) as CoverageAnswer;
    assert.strictEqual(plain.html, undefined, 'no HTML unless asked');
    assert.strictEqual(plain.report.file, uri.split('/').pop(), 'the file named by the last segment of its URI');
    assert.strictEqual(await client.connection.sendRequest(COVERAGE_REQUEST, { uri: client.uri('not-open.strategy.yaml') }), null);
  });

  it('answers dgs/skeleton with the strategy dgs init writes', async () => {
    const answer = (await client.connection.sendRequest(SKELETON_REQUEST, { uri: client.uri('new-2.strategy.yaml'), year: 2031 })) as SkeletonAnswer;
    assert.strictEqual(answer.text, renderSkeleton(loadDefaultSchema(), 2031, 'new-2.strategy.yaml'));
  });

  it('offers quick fixes for a finding, and inserts all missing sections on command', async () => {
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: rangeAt(SMALL, '1.x'),
      context: { diagnostics: [], only: ['quickfix'] },
    })) as CodeAction[];
    const replace = actions.find((action) => /1\.iii/.test(action.title));
    assert.ok(replace, `a fix replacing 1.x among ${actions.map((action) => action.title).join(' | ')}`);
    const edits = (replace.edit!.documentChanges![0] as TextDocumentEdit).edits;
    assert.deepStrictEqual(edits, [{ range: rangeAt(SMALL, '1.x'), newText: '1.iii' }]);
    assert.strictEqual(replace.diagnostics?.[0].code, 'unknown-clause');

    const result = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'dgs.insertAllMissingSections', arguments: [uri] })) as { applied: boolean };
    assert.strictEqual(result.applied, true);
    const applied = client.appliedEdits[client.appliedEdits.length - 1];
    const inserted = (applied.edit.documentChanges![0] as TextDocumentEdit).edits.map((textEdit) => textEdit.newText).join('');
    for (const section of ['engagement', 'data-driven-culture', 'coherence', 'international-cooperation', 'business-cases', 'legal-frameworks']) {
      assert.match(inserted, new RegExp(`\\b${section}:`), `${section} inserted`);
    }
  });

  it('survives a handler that fails: logs it and answers empty', async () => {
    const broken = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: null as unknown as { line: number; character: number } });
    assert.strictEqual(broken, null);
    const log = await client.nextLog((params) => params.type === MessageType.Error && /hover failed/.test(params.message), 'the logged hover failure');
    assert.match(log.message, /TypeError/);
    const again = await hover(positionOf(SMALL, '1.iii', 2));
    assertContains(hoverText(again), clause(1, 'iii'), 'hover after the failure');
    assert.strictEqual(client.exited(), undefined);
  });
});
