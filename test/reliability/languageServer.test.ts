/**
 * The language server under stress, over the real protocol: edit storms, arbitrary edit
 * sequences, careless requests, hostile documents beside good ones, many large documents
 * opened and closed, broken configurations and an untrusted workspace. It stays up, answers
 * every request (empty when it cannot do better), and publishes only the newest findings.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  Diagnostic,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FoldingRangeRequest,
  HoverRequest,
  PublishDiagnosticsParams,
  ReferencesRequest,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateStrategy } from '../../bench/generate';
import { analyze } from '../../server/src/core/analyze';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { LspClient } from '../lsp/client';
import { CLEAN_FIXTURE, examples, figures, runs, SCHEMA, seed } from './helpers';

/** What the core finds, as (rule, range) pairs: the oracle for what the server publishes. */
function coreFindings(text: string): string[] {
  const lines = new LineIndex(text);
  return analyze(text, SCHEMA).findings.map((finding) => `${finding.rule}@${JSON.stringify(lines.rangeOf(finding.span))}`).sort();
}

function published(diagnostics: Diagnostic[]): string[] {
  return diagnostics.filter((diagnostic) => diagnostic.code !== 'config').map((diagnostic) => `${diagnostic.code}@${JSON.stringify(diagnostic.range)}`).sort();
}

function folderWith(files: Record<string, string>): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dgs-reliability-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), text);
  }
  return folder;
}

/** The resident set of a process, in MB (Linux). */
function residentMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Every version published for a document, in the order they arrived. */
function versionsOf(client: LspClient, uri: string): number[] {
  return client.diagnostics.all.filter((params: PublishDiagnosticsParams) => params.uri === uri && params.version !== undefined).map((params) => params.version!);
}

const SERVER_FIGURES = figures;

describe('the language server under stress', function () {
  this.timeout(180_000);
  let client: LspClient;

  before(async () => {
    ({ client } = await LspClient.start());
  });
  after(async () => {
    await client.stop();
  });

  it('an edit storm of 300 changes ends with the findings of the last version, and no older version after a newer one', async () => {
    const uri = client.uri('storm.strategy.yaml');
    await client.open(uri, CLEAN_FIXTURE);
    const texts: string[] = [];
    for (let i = 1; i <= 300; i++) {
      // Every version differs, and every third has a finding of its own.
      let text = CLEAN_FIXTURE.replace('title: Digital Government Strategy 2026-2030', `title: Version ${i}`);
      if (i % 3 === 0) text = text.replace('level: national', `level: level-${i}`);
      if (i % 5 === 0) text = text.replace('addresses: [1.i, 1.iii]', `addresses: [1.i, 1.iii, ${i}.x]`);
      texts.push(text);
    }
    const sent = Date.now();
    let last = 0;
    // Sent as fast as the pipe takes them, without waiting for anything in between.
    await Promise.all(texts.map(async (text) => (last = await client.change(uri, text))));
    const final = await client.nextDiagnostics(uri, last);
    SERVER_FIGURES.stormMs = Date.now() - sent;
    assert.deepStrictEqual(published(final.diagnostics), coreFindings(texts[texts.length - 1]));
    // One more version, so that anything still pending for older versions would have arrived before it.
    const probe = await client.change(uri, CLEAN_FIXTURE);
    await client.nextDiagnostics(uri, probe);
    const versions = versionsOf(client, uri);
    SERVER_FIGURES.stormPublications = versions.length;
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i] >= versions[i - 1], `version ${versions[i]} was published after ${versions[i - 1]}: ${versions.join(', ')}`);
    assert.deepStrictEqual(versions.slice(-2), [last, probe]);
    await client.close(uri);
  });

  it(`arbitrary incremental edit sequences: the server stays up, answers every request, and ends with the core's findings (${runs(12)} sequences)`, async () => {
    const base = Object.values(examples())[0];
    const position = fc.record({ line: fc.integer({ min: 0, max: 400 }), character: fc.integer({ min: 0, max: 120 }) });
    const replacement = fc.oneof(
      fc.constantFrom('', ' ', '\n', '\r\n', '  - ', ': ', '[', ']', '{', '}', '#', '"', "'", '&a ', '*a', '\t', 'x-', 'id: X-1', 'addresses: [1.x]', '\ud83d\ude00', '\u0000', '\r'),
      fc.string({ maxLength: 12 }),
    );
    const edit = fc.record({ start: position, end: position, text: replacement });
    let sequence = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 25 }), async (edits) => {
        const uri = client.uri(`random-${sequence++}.strategy.yaml`);
        let mirror = TextDocument.create(uri, 'yaml', 1, base);
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: base } });
        let version = 1;
        for (const change of edits) {
          const [start, end] = change.start.line < change.end.line || (change.start.line === change.end.line && change.start.character <= change.end.character) ? [change.start, change.end] : [change.end, change.start];
          const event: TextDocumentContentChangeEvent = { range: { start, end }, text: change.text };
          version++;
          mirror = TextDocument.update(mirror, [event], version);
          await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [event] });
        }
        const diagnostics = await client.nextDiagnostics(uri, version);
        // A part that does not parse keeps its last findings in the server, marked stale, and
        // the clauses its measures addressed are not reported unaddressed meanwhile: that
        // history is the server's own; everything else is the core's analysis of the text.
        const current = diagnostics.diagnostics.filter((diagnostic) => !diagnostic.message.endsWith('(As last read: this part does not parse at the moment.)'));
        const history = current.length < diagnostics.diagnostics.length;
        const withoutUnaddressed = (findings: string[]): string[] => (history ? findings.filter((finding) => !finding.startsWith('clause-not-addressed@')) : findings);
        assert.deepStrictEqual(withoutUnaddressed(published(current)), withoutUnaddressed(coreFindings(mirror.getText())));
        // Every feature, at the first and the last place touched, answers.
        const textDocument = { uri };
        for (const at of [edits[0].start, edits[edits.length - 1].end]) {
          await client.connection.sendRequest(HoverRequest.type, { textDocument, position: at });
          await client.connection.sendRequest(CompletionRequest.type, { textDocument, position: at });
          await client.connection.sendRequest(DefinitionRequest.type, { textDocument, position: at });
          await client.connection.sendRequest(ReferencesRequest.type, { textDocument, position: at, context: { includeDeclaration: true } });
          await client.connection.sendRequest(CodeActionRequest.type, { textDocument, range: { start: at, end: at }, context: { diagnostics: [] } });
        }
        await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
        await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument });
        await client.connection.sendRequest(CodeLensRequest.type, { textDocument });
        await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument });
      }),
      { numRuns: runs(12), seed: seed(20260406) },
    );
    assert.strictEqual(client.exited(), undefined, 'the server exited');
  });

  it(`a large strategy edited by ranged changes, several per notification and some given end first, ends with the core's findings (${runs(8)} sequences)`, async () => {
    // Large enough to be read item by item: the server then looks for each version's change
    // where the editor said it fell, rather than comparing the texts.
    const base = generateStrategy(SCHEMA, 300).text;
    const lineCount = base.split('\n').length;
    const position = fc.record({ line: fc.integer({ min: 0, max: lineCount + 2 }), character: fc.integer({ min: 0, max: 40 }) });
    const replacement = fc.constantFrom('', 'x', '\n', '  - ', ': ', '[', ']', 'addresses: [1.x]', '      - id: NEW-1\n        title: New\n', '9.ii', '\r', ' # note');
    const change = fc.record({ start: position, end: position, text: replacement });
    let sequence = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }), async (notifications) => {
        const uri = client.uri(`ranged-${sequence++}.strategy.yaml`);
        let mirror = TextDocument.create(uri, 'yaml', 1, base);
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: base } });
        await client.nextDiagnostics(uri, 1);
        let version = 1;
        let diagnostics: PublishDiagnosticsParams | undefined;
        for (const changes of notifications) {
          const events: TextDocumentContentChangeEvent[] = changes.map((one) => ({ range: { start: one.start, end: one.end }, text: one.text }));
          version++;
          mirror = TextDocument.update(mirror, events, version);
          await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: events });
          // Now and then a version is analysed before the next arrives; otherwise changes pile up.
          diagnostics = version % 3 === 0 ? await client.nextDiagnostics(uri, version) : undefined;
        }
        diagnostics ??= await client.nextDiagnostics(uri, version);
        const current = diagnostics.diagnostics.filter((diagnostic) => !diagnostic.message.endsWith('(As last read: this part does not parse at the moment.)'));
        const history = current.length < diagnostics.diagnostics.length;
        const withoutUnaddressed = (findings: string[]): string[] => (history ? findings.filter((finding) => !finding.startsWith('clause-not-addressed@')) : findings);
        assert.deepStrictEqual(withoutUnaddressed(published(current)), withoutUnaddressed(coreFindings(mirror.getText())));
        await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
      }),
      { numRuns: runs(8), seed: seed(20261206) },
    );
  });

  it('careless requests get empty answers, a handler that fails is logged, and the server goes on', async () => {
    const uri = client.uri('careless.strategy.yaml');
    await client.open(uri, CLEAN_FIXTURE);
    const version = await client.change(uri, CLEAN_FIXTURE.replace('level: national', 'level: nowhere'));
    await client.nextDiagnostics(uri, version);
    const textDocument = { uri };
    const unknown = { uri: client.uri('never-opened.strategy.yaml') };
    // Positions far outside the document, negative ones, and documents never opened.
    for (const position of [{ line: 1e9, character: 1e9 }, { line: -5, character: -5 }, { line: 0, character: 1e9 }]) {
      assert.strictEqual(await client.connection.sendRequest(HoverRequest.type, { textDocument: unknown, position }), null);
      await client.connection.sendRequest(HoverRequest.type, { textDocument, position });
      await client.connection.sendRequest(CompletionRequest.type, { textDocument, position });
      await client.connection.sendRequest(CodeActionRequest.type, { textDocument, range: { start: position, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
    }
    assert.deepStrictEqual(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: unknown }), []);
    // Parameters that break the handler itself: it is logged and answered empty.
    const broken = { textDocument, position: null } as unknown as Parameters<typeof client.connection.sendRequest>[1];
    const answer = await client.connection.sendRequest(HoverRequest.type, broken as never);
    assert.strictEqual(answer, null);
    await client.nextLog((params) => /hover failed/.test(params.message), 'the logged failure of hover');
    // Notifications that make no sense: a change and a close of documents never opened, an open twice.
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: unknown.uri, version: 7 }, contentChanges: [{ text: 'x' }] });
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: unknown });
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 99, text: CLEAN_FIXTURE } });
    // Unknown commands and methods are errors the protocol defines, not crashes.
    await assert.rejects(client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'rm -rf /', arguments: [] }));
    await assert.rejects(client.connection.sendRequest('dgs/no-such-method', {}));
    // Still up, still right.
    const after = await client.change(uri, CLEAN_FIXTURE);
    const diagnostics = await client.nextDiagnostics(uri, after);
    assert.deepStrictEqual(published(diagnostics.diagnostics), []);
    assert.strictEqual(client.exited(), undefined);
    await client.close(uri);
  });

  it('one hostile document does not affect another: each gets its own findings', async () => {
    const hostile: Record<string, string> = {
      'deep.strategy.yaml': `strategy: ${'['.repeat(200_000)}\n`,
      'bomb.strategy.yaml': `x-0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${Array.from({ length: 9 }, (_, i) => `x-${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(', ')}]`).join('\n')}\nobjectives: { openness: { summary: *l9, measures: *l9 } }\n`,
      'long-line.strategy.yaml': CLEAN_FIXTURE.replace('title: Digital Government Strategy 2026-2030', `title: ${'x'.repeat(1 << 20)}`),
      'nul.strategy.yaml': `\u0000${'\u0001'.repeat(1000)}`,
      'empty.strategy.yaml': '',
    };
    const good = client.uri('good.strategy.yaml');
    const goodText = CLEAN_FIXTURE.replace('level: national', 'level: galactic');
    const uris = Object.keys(hostile).map((name) => client.uri(name));
    // The hostile ones first, so that the good one waits behind them.
    for (const [index, text] of Object.values(hostile).entries()) await client.open(uris[index], text);
    await client.open(good, goodText);
    const goodDiagnostics = await client.nextDiagnostics(good);
    assert.deepStrictEqual(published(goodDiagnostics.diagnostics), coreFindings(goodText));
    for (const [index, text] of Object.values(hostile).entries()) {
      const diagnostics = await client.nextDiagnostics(uris[index]);
      assert.deepStrictEqual(published(diagnostics.diagnostics), coreFindings(text), Object.keys(hostile)[index]);
    }
    const deep = client.diagnostics.all.find((params) => params.uri === uris[0])!;
    assert.match(deep.diagnostics[0].message, /nest more than 256 levels deep/);
    for (const uri of [...uris, good]) await client.close(uri);
  });
});

describe('the language server: memory returns when documents close', function () {
  this.timeout(240_000);

  it('a server limited to 64 MB of heap opens and closes 20 large documents (it dies holding 13 at once), and stays up', async () => {
    // Should closed documents stay in memory, the server would run out of its heap and die: with
    // this heap it aborts at the 13th of these documents open at once.
    const previous = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = `${previous ?? ''} --max-old-space-size=64`.trim();
    let client: LspClient;
    try {
      ({ client } = await LspClient.start());
    } finally {
      if (previous === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = previous;
    }
    try {
      const national = examples()['national.strategy.yaml'];
      const body = national.slice(national.indexOf('objectives:'));
      // About 200 kB: the strategy block once, the parts eight times over under x- keys... and the parts once.
      const big = `${national}${Array.from({ length: 8 }, (_, i) => `x-copy-${i}:\n${body.replace(/^/gm, '  ')}`).join('\n')}\n`;
      const pid = client.process.pid!;
      const rounds = 10;
      const samples: number[] = [];
      for (let round = 0; round < rounds; round++) {
        const uris = [0, 1].map((k) => client.uri(`memory-${round}-${k}.strategy.yaml`));
        for (const uri of uris) await client.open(uri, `${big}# ${uri}\n`);
        for (const uri of uris) await client.nextDiagnostics(uri);
        // Ask for everything that keeps a cache of its own, then close.
        for (const uri of uris) {
          await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 400, character: 0 } }, context: { diagnostics: [] } });
          await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
          await client.close(uri);
        }
        samples.push(residentMb(pid));
      }
      SERVER_FIGURES.memoryDocumentKb = Math.round(big.length / 1024);
      SERVER_FIGURES.memoryDocuments = rounds * 2;
      SERVER_FIGURES.memoryRssMb = samples.map((mb) => Math.round(mb)).join(', ');
      assert.strictEqual(client.exited(), undefined, 'the server ran out of memory');
      // Still answering after all that.
      const uri = client.uri('after.strategy.yaml');
      await client.open(uri, CLEAN_FIXTURE);
      assert.deepStrictEqual(published((await client.nextDiagnostics(uri)).diagnostics), []);
      const final = residentMb(pid);
      assert.ok(final < 400, `the server holds ${Math.round(final)} MB after closing every large document`);
    } finally {
      await client.stop();
    }
  });
});

describe('the language server: configuration it cannot use', function () {
  this.timeout(120_000);

  it('a broken .dgs.yaml is one diagnostic naming the file and the place, without a stack trace; the strategy is still checked', async () => {
    const folder = folderWith({ '.dgs.yaml': 'rules:\n  missing-lead: [\n', 'broken.strategy.yaml': CLEAN_FIXTURE.replace('level: national', 'level: nowhere') });
    const { client } = await LspClient.start({ workspace: folder });
    try {
      const uri = client.uri('broken.strategy.yaml');
      await client.open(uri, fs.readFileSync(path.join(folder, 'broken.strategy.yaml'), 'utf8'));
      const diagnostics = (await client.nextDiagnostics(uri)).diagnostics;
      const config = diagnostics.filter((diagnostic) => diagnostic.code === 'config');
      assert.strictEqual(config.length, 1, JSON.stringify(diagnostics, null, 1));
      assert.match(config[0].message, /\.dgs\.yaml:3:1: /);
      assert.ok(!/\bat .+:\d+:\d+\)/.test(config[0].message), config[0].message);
      assert.strictEqual(config[0].relatedInformation?.[0].location.range.start.line, 2);
      assert.deepStrictEqual(diagnostics.filter((diagnostic) => diagnostic.code !== 'config').map((diagnostic) => diagnostic.code), ['type-mismatch']);
    } finally {
      await client.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('in an untrusted workspace a schema outside it is not loaded, even through a symbolic link; in a trusted one it is', async () => {
    const outside = folderWith({ 'schema.yaml': 'instrument: [\n' });
    const folder = folderWith({ 'a/s.strategy.yaml': CLEAN_FIXTURE, 'b/s.strategy.yaml': CLEAN_FIXTURE });
    fs.writeFileSync(path.join(folder, 'a', '.dgs.yaml'), `schema: ${path.join(outside, 'schema.yaml')}\n`);
    fs.symlinkSync(path.join(outside, 'schema.yaml'), path.join(folder, 'b', 'linked-schema.yaml'));
    fs.writeFileSync(path.join(folder, 'b', '.dgs.yaml'), 'schema: linked-schema.yaml\n');
    try {
      for (const trusted of [false, true]) {
        const { client } = await LspClient.start({ workspace: folder, initializationOptions: { trusted } });
        try {
          for (const sub of ['a', 'b']) {
            const uri = client.uri(`${sub}/s.strategy.yaml`);
            await client.open(uri, CLEAN_FIXTURE);
            const config = (await client.nextDiagnostics(uri)).diagnostics.filter((diagnostic) => diagnostic.code === 'config');
            assert.strictEqual(config.length, 1, `${sub}, trusted ${trusted}`);
            if (trusted) assert.match(config[0].message, /invalid schema/, `${sub}: a trusted workspace loads the schema it names`);
            else assert.match(config[0].message, /outside the workspace and is not loaded/, `${sub}: ${config[0].message}`);
            await client.close(uri);
          }
        } finally {
          await client.stop();
        }
      }
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
