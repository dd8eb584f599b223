/**
 * Diagnostics over the real protocol: the server process started with `--stdio`, documents
 * opened and changed, diagnostics awaited as they are published (or pulled).
 */
import * as assert from 'assert';
import { fork } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  createProtocolConnection,
  Diagnostic,
  DiagnosticSeverity,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticReport,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  InitializeResult,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import { analyze } from '../../server/src/core/analyze';
import { ruleDocUrl } from '../../server/src/core/rules';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { editorCapabilities, LspClient, positionOf, ROOT, SERVER } from './client';
import { PLAIN_YAML, SMALL } from './fixtures';

const schema = loadDefaultSchema();

function find(diagnostics: Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.find((diagnostic) => diagnostic.code === code);
  assert.ok(found, `no ${code} among ${diagnostics.map((diagnostic) => diagnostic.code).join(', ')}`);
  return found;
}

function rangeAt(text: string, needle: string, occurrence = 1): { start: { line: number; character: number }; end: { line: number; character: number } } {
  const start = positionOf(text, needle, 0, occurrence);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

/** What the core finds, as (rule, range) pairs: the oracle for the whole list. */
function coreFindings(text: string, rules: Record<string, 'error' | 'warning' | 'info' | 'off'> = {}): string[] {
  const analysis = analyze(text, schema, { rules, files: [], maxFileSize: 1 << 24 });
  const lines = new LineIndex(text);
  return analysis.findings.map((finding) => `${finding.rule}@${JSON.stringify(lines.rangeOf(finding.span))}`).sort();
}

function published(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => `${diagnostic.code}@${JSON.stringify(diagnostic.range)}`).sort();
}

const folders: string[] = [];
after(() => folders.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

function workspace(files: Record<string, string> = {}): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dgs-lsp-'));
  folders.push(folder);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text);
  return folder;
}

describe('language server over stdio: diagnostics', function () {
  let client: LspClient;
  let initialize: InitializeResult;

  before(async () => {
    ({ client, initialize } = await LspClient.start());
  });
  after(async () => client.stop());

  it('announces its features', () => {
    const capabilities = initialize.capabilities;
    assert.strictEqual(initialize.serverInfo?.name, 'dgs-language-server');
    for (const feature of ['hoverProvider', 'completionProvider', 'documentSymbolProvider', 'foldingRangeProvider', 'codeLensProvider', 'definitionProvider', 'referencesProvider', 'renameProvider'] as const) {
      assert.ok(capabilities[feature], `${feature} is announced`);
    }
    assert.deepStrictEqual(capabilities.executeCommandProvider?.commands, ['dgs.insertAllMissingSections', 'dgs.server.importDocument']);
    assert.strictEqual(capabilities.diagnosticProvider, undefined, 'no pull diagnostics for a client that does not pull');
  });

  it('publishes a strategy’s findings with its version, at their exact places', async () => {
    const uri = client.uri('small.strategy.yaml');
    await client.open(uri, SMALL, 'dgs-strategy');
    const { version, diagnostics } = await client.nextDiagnostics(uri);
    assert.strictEqual(version, 1);

    const unknownClause = find(diagnostics, 'unknown-clause');
    assert.deepStrictEqual(unknownClause.range, rangeAt(SMALL, '1.x'));
    assert.strictEqual(unknownClause.severity, DiagnosticSeverity.Error);
    assert.strictEqual(unknownClause.source, 'dgs');
    assert.deepStrictEqual(unknownClause.codeDescription, { href: ruleDocUrl('unknown-clause') });
    assert.deepStrictEqual(unknownClause.data, { rule: 'unknown-clause', fix: { kind: 'replace', replacement: '1.iii' } });
    assert.match(unknownClause.message, /1\.x/);

    assert.deepStrictEqual(find(diagnostics, 'unknown-reference').range, rangeAt(SMALL, 'OPN-9'));
    const broad = find(diagnostics, 'clause-too-broad');
    assert.deepStrictEqual(broad.range, { start: positionOf(SMALL, '1.iii, 6', 7), end: positionOf(SMALL, '1.iii, 6', 8) });
    assert.strictEqual(broad.severity, DiagnosticSeverity.Information);
    const missingIndicator = find(diagnostics, 'missing-indicator');
    assert.deepStrictEqual(missingIndicator.range, rangeAt(SMALL, 'id: OPN-2'), "the measure's first line");
    assert.strictEqual(missingIndicator.severity, DiagnosticSeverity.Information);
    const missingPart = diagnostics.find((diagnostic) => diagnostic.code === 'missing-section' && /implementation/.test(diagnostic.message));
    assert.deepStrictEqual(missingPart?.range, rangeAt(SMALL, '# dgs-strategy'));
    assert.strictEqual(missingPart?.severity, DiagnosticSeverity.Warning);
    const notAddressed = diagnostics.filter((diagnostic) => diagnostic.code === 'clause-not-addressed');
    assert.deepStrictEqual(
      notAddressed.map((diagnostic) => diagnostic.range),
      [rangeAt(SMALL, 'openness'), rangeAt(SMALL, 'leadership'), rangeAt(SMALL, 'governance')],
    );
    assert.deepStrictEqual(notAddressed[0].data, { rule: 'clause-not-addressed', fix: { kind: 'add-measure', section: 'openness', unit: '1.ii' } });

    assert.deepStrictEqual(published(diagnostics), coreFindings(SMALL), 'every finding of the core, and nothing else');
  });

  it('gives related places (the first of a duplicated key)', async () => {
    const uri = client.uri('duplicate.strategy.yaml');
    const text = SMALL.replace('  status: draft\n', '  status: draft\n  status: adopted\n');
    await client.open(uri, text);
    const { diagnostics } = await client.nextDiagnostics(uri);
    const duplicate = find(diagnostics, 'duplicate-key');
    assert.deepStrictEqual(duplicate.range, rangeAt(text, 'status', 2));
    assert.deepStrictEqual(duplicate.relatedInformation, [{ location: { uri, range: rangeAt(text, 'status', 1) }, message: 'first "status"' }]);
  });

  it('publishes the new version’s findings after a change, and never an older version after a newer one', async () => {
    const uri = client.uri('changing.strategy.yaml');
    await client.open(uri, SMALL);
    assert.ok(find((await client.nextDiagnostics(uri, 1)).diagnostics, 'unknown-clause'));

    const fixed = SMALL.replace('1.x', '1.ii');
    const version2 = await client.change(uri, fixed);
    const second = await client.nextDiagnostics(uri, version2);
    assert.deepStrictEqual(published(second.diagnostics), coreFindings(fixed));
    assert.ok(!second.diagnostics.some((diagnostic) => diagnostic.code === 'unknown-clause'));

    // Three quick edits: whatever is published in between, the last version's findings come last.
    const broken = fixed.replace('OPN-9', 'OPN-8');
    await client.change(uri, broken);
    await client.change(uri, fixed.replace('[4]', '[4.i]'));
    const last = await client.change(uri, fixed);
    const final = await client.nextDiagnostics(uri, last);
    assert.deepStrictEqual(published(final.diagnostics), coreFindings(fixed));
    const versions = client.diagnostics.all.filter((params) => params.uri === uri).map((params) => params.version!);
    assert.deepStrictEqual([...versions].sort((a, b) => a - b), versions, `versions published in order: ${versions.join(', ')}`);
    assert.strictEqual(versions[versions.length - 1], last);
  });

  it('leaves YAML that is not a strategy alone, and checks one marked `# dgs-strategy`', async () => {
    const plain = client.uri('workflow.yaml');
    await client.open(plain, PLAIN_YAML, 'yaml');
    const marked = client.uri('notes.yaml');
    await client.open(marked, SMALL, 'yaml');
    // Published after the plain file's turn would have come: by then it has had none.
    const markedDiagnostics = await client.nextDiagnostics(marked);
    assert.deepStrictEqual(published(markedDiagnostics.diagnostics), coreFindings(SMALL));
    assert.deepStrictEqual(client.diagnostics.all.filter((params) => params.uri === plain && params.diagnostics.length > 0), []);

    // Removing the marker makes it plain YAML again: its diagnostics are cleared.
    const unmarked = SMALL.replace('# dgs-strategy\n', '# notes\n');
    const version = await client.change(marked, unmarked);
    assert.deepStrictEqual((await client.nextDiagnostics(marked, version)).diagnostics, []);
  });

  it('clears a document’s diagnostics when it closes', async () => {
    const uri = client.uri('closing.strategy.yaml');
    await client.open(uri, SMALL);
    assert.ok((await client.nextDiagnostics(uri)).diagnostics.length > 0);
    await client.close(uri);
    assert.deepStrictEqual((await client.nextDiagnostics(uri)).diagnostics, []);
  });
});

describe('language server over stdio: settings and configuration', function () {
  it('treats every YAML as a strategy with dgs.treatAllYamlAsStrategy, and applies dgs.rules over .dgs.yaml', async () => {
    const folder = workspace({ '.dgs.yaml': 'rules:\n  missing-section: off\n  missing-indicator: error\n' });
    const { client } = await LspClient.start({ workspace: folder, settings: { treatAllYamlAsStrategy: false } });
    try {
      const text = SMALL.replace('# dgs-strategy\n', '');
      const uri = client.uri('plan.yaml');
      await client.open(uri, text, 'yaml');
      const marker = client.uri('marker.strategy.yaml');
      await client.open(marker, text);
      const markerDiagnostics = (await client.nextDiagnostics(marker)).diagnostics;
      assert.deepStrictEqual(client.diagnostics.all.filter((params) => params.uri === uri && params.diagnostics.length > 0), []);
      // .dgs.yaml: missing-section off, missing-indicator an error.
      assert.deepStrictEqual(published(markerDiagnostics), coreFindings(text, { 'missing-section': 'off', 'missing-indicator': 'error' }));
      assert.strictEqual(find(markerDiagnostics, 'missing-indicator').severity, DiagnosticSeverity.Error);

      await client.changeSettings({ treatAllYamlAsStrategy: true, rules: { 'unknown-clause': 'off', 'missing-section': 'info' } });
      const diagnostics = (await client.nextDiagnostics(uri)).diagnostics;
      assert.deepStrictEqual(published(diagnostics), coreFindings(text, { 'missing-section': 'info', 'missing-indicator': 'error', 'unknown-clause': 'off' }));
      assert.strictEqual(find(diagnostics, 'missing-section').severity, DiagnosticSeverity.Information);
    } finally {
      await client.stop();
    }
  });

  it('shows a configuration error as one diagnostic at line 0 naming the file and place', async () => {
    const folder = workspace({ '.dgs.yaml': 'rules:\n  missing-indicatr: off\n' });
    const { client } = await LspClient.start({ workspace: folder });
    try {
      const uri = client.uri('a.strategy.yaml');
      await client.open(uri, SMALL);
      const { diagnostics } = await client.nextDiagnostics(uri);
      const config = find(diagnostics, 'config');
      assert.deepStrictEqual(config.range, rangeAt(SMALL, '# dgs-strategy'));
      assert.strictEqual(config.severity, DiagnosticSeverity.Error);
      assert.ok(config.message.includes(`${path.join(folder, '.dgs.yaml')}:2:3`), config.message);
      assert.match(config.message, /unknown rule "missing-indicatr"; did you mean "missing-indicator"/);
      assert.strictEqual(config.relatedInformation?.[0].location.range.start.line, 1);
      // The rest of the file is still checked.
      assert.ok(find(diagnostics, 'unknown-clause'));
    } finally {
      await client.stop();
    }
  });

  it('in an untrusted workspace, does not load a schema from outside it', async () => {
    const elsewhere = workspace({ 'national.yaml': fs.readFileSync(path.join(ROOT, 'server', 'schema', 'oecd-legal-0406.yaml'), 'utf8') });
    const config = `schema: ${JSON.stringify(path.join(elsewhere, 'national.yaml'))}\n`;
    for (const trusted of [true, false]) {
      const folder = workspace({ '.dgs.yaml': config });
      const { client } = await LspClient.start({ workspace: folder, initializationOptions: { trusted } });
      try {
        const uri = client.uri('a.strategy.yaml');
        await client.open(uri, SMALL);
        const { diagnostics } = await client.nextDiagnostics(uri);
        const configDiagnostics = diagnostics.filter((diagnostic) => diagnostic.code === 'config');
        if (trusted) assert.deepStrictEqual(configDiagnostics, []);
        else assert.match(configDiagnostics[0]?.message ?? '', /outside the workspace.*untrusted/);
        assert.ok(find(diagnostics, 'unknown-clause'));
      } finally {
        await client.stop();
      }
    }
  });
});

describe('language server over stdio: pull diagnostics', function () {
  let client: LspClient;
  let initialize: InitializeResult;

  before(async () => {
    ({ client, initialize } = await LspClient.start({ capabilities: editorCapabilities({ pull: true }) }));
    // Once it has read the settings, the server asks the client to pull.
    await client.refreshes.next(() => true, 'the first workspace/diagnostic/refresh', () => client.exited());
  });
  after(async () => client.stop());

  it('answers textDocument/diagnostic, and does not push', async () => {
    assert.deepStrictEqual(initialize.capabilities.diagnosticProvider, { identifier: 'dgs', interFileDependencies: false, workspaceDiagnostics: false });
    const uri = client.uri('pulled.strategy.yaml');
    await client.open(uri, SMALL);
    const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as DocumentDiagnosticReport;
    assert.strictEqual(report.kind, 'full');
    assert.deepStrictEqual(published(report.kind === 'full' ? report.items : []), coreFindings(SMALL));
    assert.deepStrictEqual(find(report.kind === 'full' ? report.items : [], 'unknown-clause').range, rangeAt(SMALL, '1.x'));

    const fixed = SMALL.replace('1.x', '1.ii');
    await client.change(uri, fixed);
    const second = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as DocumentDiagnosticReport;
    assert.deepStrictEqual(published(second.kind === 'full' ? second.items : []), coreFindings(fixed));

    // A settings change asks the client to pull again rather than pushing.
    await client.changeSettings({ rules: { 'unknown-reference': 'off' } });
    await client.refreshes.next(() => true, 'workspace/diagnostic/refresh', () => client.exited());
    const third = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as DocumentDiagnosticReport;
    assert.deepStrictEqual(published(third.kind === 'full' ? third.items : []), coreFindings(fixed, { 'unknown-reference': 'off' }));

    const plain = client.uri('plain.yaml');
    await client.open(plain, PLAIN_YAML);
    const none = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: plain } })) as DocumentDiagnosticReport;
    assert.deepStrictEqual(none.kind === 'full' ? none.items : undefined, []);

    await client.close(uri);
    assert.deepStrictEqual((await client.nextDiagnostics(uri)).diagnostics, []);
    assert.deepStrictEqual(client.diagnostics.all.filter((params) => params.diagnostics.length > 0), [], 'nothing pushed');
  });
});

describe('language server over node IPC (as the VS Code client starts it)', function () {
  it('speaks LSP with --node-ipc', async () => {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification(PublishDiagnosticsNotification.type, resolve));
    connection.listen();
    try {
      const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
      assert.strictEqual(result.serverInfo?.name, 'dgs-language-server');
      await connection.sendNotification(InitializedNotification.type, {});
      const uri = 'file:///nowhere/ipc.strategy.yaml';
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'dgs-strategy', version: 7, text: SMALL } });
      const params = await diagnostics;
      assert.strictEqual(params.version, 7);
      assert.deepStrictEqual(published(params.diagnostics), coreFindings(SMALL));
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      assert.strictEqual(await exited, 0);
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});
