/**
 * The entry point VS Code's extension host loads (`--extensionTestsPath`): runs every
 * `*.test.js` beside this file with mocha, inside the editor, against the real extension.
 *
 * Mocha's report goes to the extension host's console. Under code-server that console reaches
 * the launcher only through the browser, mixed with the workbench's own log, so every report
 * line starts with `[e2e] ` and the launcher prints those. The counts also go to the file named
 * by DGS_E2E_RESULTS (set by runTest.ts), which the runner reads back.
 */
import * as fs from 'fs';
import * as path from 'path';
import { format } from 'util';
import Mocha from 'mocha';

export const LOG_PREFIX = '[e2e] ';

interface Outcome {
  title: string;
  state: 'passed' | 'failed';
  error?: string;
}

export function run(): Promise<void> {
  const log = (...args: unknown[]): void => {
    for (const line of format(...args).split('\n')) console.log(`${LOG_PREFIX}${line}`);
  };
  // Every reporter writes through Base.consoleLog.
  (Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void }).consoleLog = log;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 90_000, slow: 10_000 });
  const only = process.env.DGS_E2E_GREP;
  if (only) mocha.grep(only);
  const files = fs
    .readdirSync(__dirname)
    .filter((file) => file.endsWith('.test.js'))
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));

  const outcomes: Outcome[] = [];
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = outcomes.filter((o) => o.state === 'passed').length;
        const failed = outcomes.filter((o) => o.state === 'failed').length;
        const resultsFile = process.env.DGS_E2E_RESULTS;
        if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify({ passed, failed, tests: outcomes }, null, 2));
        log(`vscode: ${passed} passed, ${failed} failed`);
        if (failures > 0 || passed === 0) reject(new Error(`${failures} of the VS Code end-to-end tests failed${passed === 0 ? ' (none passed)' : ''}`));
        else resolve();
      });
      runner.on('pass', (test) => outcomes.push({ title: test.fullTitle(), state: 'passed' }));
      runner.on('fail', (test, error: Error) => outcomes.push({ title: test.fullTitle(), state: 'failed', error: error?.stack ?? String(error) }));
    } catch (error) {
      reject(error);
    }
  });
}
