/**
 * The protocol's edges, against the real server process: the lifecycle (nothing answered
 * before `initialize`, nothing after `shutdown`), a client that reuses a version number,
 * a client that stops reading, and the promise that matters most to a drafter: while a
 * hostile document is open, another document still gets its hover within a second.
 */
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExitNotification,
  FoldingRangeRequest,
  CompletionRequest,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { editorCapabilities, LspClient, positionOf, SERVER } from '../lsp/client';
import { CLEAN_FIXTURE, figures } from './helpers';

const BAD = CLEAN_FIXTURE.replace('level: national', 'level: continental');

function rawServer(): { child: ReturnType<typeof spawn>; connection: ReturnType<typeof createProtocolConnection>; exit: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.listen();
  return { child, connection, exit };
}

async function errorCode(request: Promise<unknown>): Promise<number | 'answered'> {
  try {
    await request;
    return 'answered';
  } catch (error) {
    return (error as { code: number }).code;
  }
}

describe('the protocol lifecycle', function () {
  this.timeout(60_000);

  it('requests before initialize get ServerNotInitialized (-32002); after shutdown, InvalidRequest (-32600); exit after shutdown is code 0', async () => {
    const { connection, exit } = rawServer();
    const uri = 'file:///tmp/lifecycle.strategy.yaml';
    const position = { line: 0, character: 0 };
    assert.strictEqual(await errorCode(connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position })), -32002);
    assert.strictEqual(await errorCode(connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })), -32002);
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: editorCapabilities() });
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: CLEAN_FIXTURE } });
    assert.strictEqual(await errorCode(connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } })), 'answered');
    await connection.sendRequest(ShutdownRequest.type);
    assert.strictEqual(await errorCode(connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position })), -32600);
    await connection.sendNotification(ExitNotification.type);
    const { code } = await exit;
    assert.strictEqual(code, 0);
    connection.dispose();
  });

  it('a client that stops reading: the server exits quietly, with no stack trace', async () => {
    const { child, connection, exit } = rawServer();
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: editorCapabilities() });
    await connection.sendNotification(InitializedNotification.type, {});
    // The client's end of the server's output closes; the server still has things to say.
    connection.dispose();
    child.stdout!.destroy();
    for (let i = 0; i < 20; i++) {
      const uri = `file:///tmp/gone-${i}.strategy.yaml`;
      const body = JSON.stringify({ jsonrpc: '2.0', method: DidOpenTextDocumentNotification.method, params: { textDocument: { uri, languageId: 'yaml', version: 1, text: BAD } } });
      child.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    }
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 20_000).unref());
    const outcome = await Promise.race([exit, timeout]);
    if (outcome === 'timeout') child.kill();
    assert.notStrictEqual(outcome, 'timeout', 'the server was still running 20 s after its client stopped reading');
    const { code, stderr } = outcome as { code: number; stderr: string };
    assert.ok(code === 0 || code === 1, `exit code ${code}; stderr: ${stderr}`);
    assert.ok(!/^\s+at /m.test(stderr), `a stack trace:\n${stderr}`);
  });
});

describe('the analysis is keyed by the text, not the version alone', function () {
  this.timeout(60_000);

  it('a new text sent under the same version number gets the findings of the new text', async () => {
    const { client } = await LspClient.start();
    try {
      const uri = client.uri('same-version.strategy.yaml');
      await client.open(uri, CLEAN_FIXTURE);
      assert.deepStrictEqual((await client.nextDiagnostics(uri)).diagnostics, []);
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 1 }, contentChanges: [{ text: BAD }] });
      // The diagnostics of the new text arrive (an analysis of the old text kept for the same version would never say this).
      await client.diagnostics.next(
        (params) => params.uri === uri && params.diagnostics.some((diagnostic) => /continental/.test(diagnostic.message)),
        'the diagnostics of the new text',
        () => client.exited(),
      );
    } finally {
      await client.stop();
    }
  });
});

/** The processor time the server process has used so far, from /proc (Linux), in milliseconds. */
function serverCpuMs(client: LspClient): number {
  const stat = fs.readFileSync(`/proc/${client.process.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime, fields 14 and 15 of the line (11 and 12 after the command name), in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

describe('a hostile document open: another document still answers within a second', function () {
  this.timeout(300_000);

  const big = 'z'.repeat(100_000);
  const HOSTILE: Record<string, string> = {
    'aliases of a large value': CLEAN_FIXTURE.replace('addresses: [1.i, 1.iii]', `addresses: [&big ${big}, ${Array(3000).fill('*big').join(', ')}]`),
    'a suppression comment and 5,000 spaces': `# dgs-disable${' '.repeat(5000)}!\n${CLEAN_FIXTURE}`,
    'a key line of 100,000 characters': CLEAN_FIXTURE.replace('lead: Ministry of Justice', `lead${' '.repeat(100_000)}x`),
    'half a megabyte of one-character list items under an x- key': `${CLEAN_FIXTURE}x-notes:\n${'- a\n'.repeat(125_000)}`,
    '16 MiB of one-character list items': `x-notes:\n${'- a\n'.repeat(4_000_000)}`,
    'an old Mac file': CLEAN_FIXTURE.replace(/\n/g, '\r'),
  };

  it('hover on a good document answers within 1 s while each hostile one is open and asked for folding, completion and symbols', async () => {
    const { client } = await LspClient.start();
    const timings: Record<string, number> = {};
    try {
      const good = client.uri('good.strategy.yaml');
      await client.open(good, CLEAN_FIXTURE);
      await client.nextDiagnostics(good);
      const hoverAt = positionOf(CLEAN_FIXTURE, 'openness:', 2);
      for (const [name, text] of Object.entries(HOSTILE)) {
        const uri = client.uri(`${name.replace(/[^a-z0-9]+/gi, '-')}.strategy.yaml`);
        await client.open(uri, text);
        await client.nextDiagnostics(uri);
        const end = { line: text.split(/\r\n|\r|\n/).length - 1, character: 0 };
        const busy = [
          client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }),
          client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: end }),
          client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }),
        ];
        const cpuBefore = serverCpuMs(client);
        const started = Date.now();
        const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: good }, position: hoverAt });
        const wall = Date.now() - started;
        // The server's processor time for the three requests on the hostile document and the
        // hover after them: elapsed time on a machine shared with other work would measure the others.
        timings[name] = serverCpuMs(client) - cpuBefore;
        assert.ok(hover, `no hover on the good document while ${name} was open`);
        assert.ok(timings[name] < 1000, `the hover took ${timings[name]} ms of the server's processor time (${wall} ms elapsed) while ${name} was open`);
        await Promise.all(busy);
        await client.close(uri);
      }
      figures.hoverBesideHostile = timings;
    } finally {
      await client.stop();
    }
  });
});
