/**
 * When the server dies: the extension's error handler restarts it and tells the drafter
 * once, and gives up (saying so) after repeated crashes; the server itself never outlives
 * its client. The handler runs here against stand-ins for the `vscode` API (a real editor
 * is the e2e suite's business); the server is the real process.
 */
import * as assert from 'assert';
import { spawn } from 'child_process';
import Module = require('module');
import * as path from 'path';
import { ROOT } from './helpers';

/** The enums of vscode-languageclient, with their real values. */
const ErrorAction = { Continue: 1, Shutdown: 2 } as const;
const CloseAction = { DoNotRestart: 1, Restart: 2 } as const;

interface Shown {
  kind: 'warning' | 'error' | 'information';
  message: string;
}

interface Handler {
  error(): { action: number; handled?: boolean };
  closed(): { action: number; message?: string; handled?: boolean };
}

/** Loads the compiled client module with stand-ins for `vscode` and `vscode-languageclient/node`. */
function loadHandler(shown: Shown[], lines: string[]): Handler {
  const fakeVscode = {
    window: {
      showWarningMessage: (message: string) => {
        shown.push({ kind: 'warning', message });
        return Promise.resolve(undefined);
      },
      showErrorMessage: (message: string) => {
        shown.push({ kind: 'error', message });
        return Promise.resolve(undefined);
      },
      showInformationMessage: (message: string) => {
        shown.push({ kind: 'information', message });
        return Promise.resolve(undefined);
      },
    },
    workspace: { isTrusted: true },
    Uri: class {},
  };
  const fakeClient = { ErrorAction, CloseAction, State: { Stopped: 1, Starting: 3, Running: 2 }, TransportKind: { stdio: 0, ipc: 1 }, LanguageClient: class {} };
  const file = path.join(ROOT, 'out', 'client', 'src', 'languageClient.js');
  const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const original = loader._load;
  loader._load = function load(request: string, parent: unknown, isMain: boolean) {
    if (request === 'vscode') return fakeVscode;
    if (request === 'vscode-languageclient/node') return fakeClient;
    return original.call(this, request, parent, isMain);
  };
  try {
    delete require.cache[require.resolve(file)];
    const module = require(file) as { RestartingErrorHandler: new (output: unknown) => Handler };
    const output = { appendLine: (line: string) => lines.push(line), show: () => undefined };
    return new module.RestartingErrorHandler(output);
  } finally {
    loader._load = original;
    delete require.cache[require.resolve(file)];
  }
}

describe('when the server dies', function () {
  this.timeout(60_000);

  it('the extension restarts it and tells the drafter once; a broken message is not a reason to stop', () => {
    const shown: Shown[] = [];
    const lines: string[] = [];
    const handler = loadHandler(shown, lines);
    assert.strictEqual(handler.error().action, ErrorAction.Continue);
    for (let crash = 1; crash <= 4; crash++) {
      const result = handler.closed();
      assert.strictEqual(result.action, CloseAction.Restart, `crash ${crash} is restarted`);
      assert.strictEqual(result.handled, true);
    }
    assert.deepStrictEqual(shown.map((entry) => entry.kind), ['warning'], 'told once, not at every restart');
    assert.match(shown[0].message, /stopped unexpectedly and was restarted/);
    assert.strictEqual(lines.length, 4, 'every restart is in the output channel');
  });

  it('after repeated crashes it stops restarting and says how to start it again', () => {
    const shown: Shown[] = [];
    const handler = loadHandler(shown, []);
    const results = Array.from({ length: 5 }, () => handler.closed().action);
    assert.deepStrictEqual(results, [CloseAction.Restart, CloseAction.Restart, CloseAction.Restart, CloseAction.Restart, CloseAction.DoNotRestart]);
    assert.deepStrictEqual(shown.map((entry) => entry.kind), ['warning', 'error']);
    assert.match(shown[1].message, /Restart language server/);
  });

  it('the server exits when its client goes away (its input closes), instead of lingering', async () => {
    const server = spawn(process.execPath, [path.join(ROOT, 'bin', 'dgs-language-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    server.stdin.end();
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 20_000).unref());
    const outcome = await Promise.race([exited, timeout]);
    if (outcome === 'timeout') server.kill();
    assert.notStrictEqual(outcome, 'timeout', 'the server was still running 20 s after its input closed');
  });
});
