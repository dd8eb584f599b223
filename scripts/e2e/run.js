#!/usr/bin/env node
// `npm run test:e2e`: the end-to-end suites in real editors, from a clean checkout to a verdict.
//   1. scripts/e2e/install.sh   Debian's chromium, neovim, emacs + eglot; Node 24 and code-server
//                               from npm, into a cache (idempotent: a second run skips it all)
//   2. tsc, then scripts/bundle.js (the extension as VS Code loads it: dist/)
//   3. VS Code: out/test/e2e/runTest.js (the suite inside real VS Code, via code-server)
//   4. Neovim and Emacs: mocha out/test/e2e/editors/*.test.js
// The last line is the total, `e2e: N passed, N failed`. Exit 1 when any test failed or a suite
// did not run to its end. Options: --only vscode|editors runs one of steps 3 and 4;
// --only harness checks the harness itself instead (a trivial extension's tests run in code-server,
// once passing and once failing on purpose, and the launcher must report each);
// DGS_E2E_SKIP_INSTALL=1 skips step 1.
'use strict';

const cp = require('child_process');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const only = (() => {
  const index = process.argv.indexOf('--only');
  return index >= 0 ? process.argv[index + 1] : undefined;
})();

function run(label, command, args, { capture = false, timeoutMs = 15 * 60_000 } = {}) {
  const start = Date.now();
  console.log(`\n=== ${label}: ${[command, ...args].join(' ')}`);
  return new Promise((resolve) => {
    const child = cp.spawn(command, args, { cwd: ROOT, env: process.env, stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'] });
    let output = '';
    if (capture) {
      child.stdout.on('data', (chunk) => {
        process.stdout.write(chunk);
        output = (output + chunk.toString()).slice(-200_000);
      });
    }
    const timer = setTimeout(() => {
      console.error(`${label}: no end after ${timeoutMs / 1000} s; stopping it`);
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const seconds = ((Date.now() - start) / 1000).toFixed(0);
      console.log(`=== ${label}: ${code === 0 ? 'done' : `exit ${code ?? signal}`} in ${seconds} s`);
      resolve({ code: code ?? 1, output });
    });
  });
}

/** Counts from a `NAME: N passed, N failed` line (our runners) or mocha's `N passing` / `N failing`. */
function counts(output) {
  const summary = [...output.matchAll(/^\w+: (\d+) passed, (\d+) failed$/gm)].pop();
  if (summary) return { passed: Number(summary[1]), failed: Number(summary[2]) };
  const passing = /^\s*(\d+) passing/m.exec(output);
  const failing = /^\s*(\d+) failing/m.exec(output);
  return { passed: passing ? Number(passing[1]) : 0, failed: failing ? Number(failing[1]) : 0 };
}

async function main() {
  const started = Date.now();
  if (process.env.DGS_E2E_SKIP_INSTALL !== '1') {
    const install = await run('install', 'bash', [path.join('scripts', 'e2e', 'install.sh')]);
    if (install.code !== 0) return fail('the install failed');
  }
  // tsc exits non-zero on any type error anywhere, yet still emits: the suites need its output,
  // and `npm test` is where type errors fail the build.
  const build = await run('build', process.execPath, [require.resolve('typescript/bin/tsc'), '-p', '.']);
  if (build.code !== 0) console.log('(tsc reported errors; running the suites on what it emitted)');
  const bundle = await run('bundle', process.execPath, [path.join('scripts', 'bundle.js')]);
  if (bundle.code !== 0) return fail('the extension did not bundle');

  let passed = 0;
  let failed = 0;
  let broken = false;
  const suites = [
    ['vscode', 'VS Code (code-server)', process.execPath, [path.join('out', 'test', 'e2e', 'runTest.js')], 12 * 60_000],
    ['editors', 'Neovim and Emacs', process.execPath, [require.resolve('mocha/bin/mocha.js'), '--no-config', '--timeout', '180000', '--reporter', 'spec', 'out/test/e2e/editors/*.test.js'], 6 * 60_000],
  ];
  if (only === 'harness') {
    const hello = path.join('test', 'e2e', 'fixtures', 'hello-extension');
    const args = [path.join('out', 'test', 'e2e', 'runTest.js'), '--extension', hello, '--tests', path.join(hello, 'tests', 'index.js')];
    const pass = await run('harness, passing tests', process.execPath, args, { capture: true, timeoutMs: 5 * 60_000 });
    process.env.DGS_HELLO_FAIL = '1';
    const failing = await run('harness, a test failing on purpose', process.execPath, args, { capture: true, timeoutMs: 5 * 60_000 });
    delete process.env.DGS_HELLO_FAIL;
    const results = [pass.code === 0 && /hello-extension: hello drafter/.test(pass.output), failing.code !== 0 && /hello-extension: hello drafter/.test(failing.output)];
    passed = results.filter(Boolean).length;
    failed = results.length - passed;
  }
  for (const [name, label, command, args, timeoutMs] of suites) {
    if (only && only !== name) continue;
    const result = await run(label, command, args, { capture: true, timeoutMs });
    const c = counts(result.output);
    passed += c.passed;
    failed += c.failed;
    if (result.code !== 0 && c.failed === 0) {
      console.error(`${label}: exited with ${result.code} without a failing test: counted as one failure`);
      failed += 1;
      broken = true;
    }
  }
  console.log(`\nend-to-end suites finished in ${((Date.now() - started) / 1000).toFixed(0)} s${broken ? ' (a suite did not run to its end)' : ''}`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

function fail(message) {
  console.error(`end-to-end suites: ${message}`);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
