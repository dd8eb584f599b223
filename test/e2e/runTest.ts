/**
 * Runs the VS Code end-to-end suite (out/test/e2e/suite) inside a real VS Code, through
 * @vscode/test-electron's runTests.
 *
 * Which VS Code:
 *   - by default, code-server (VS Code served to Debian's Chromium), through
 *     scripts/e2e/code-server-launcher.js, which takes VS Code's command line; it needs
 *     scripts/e2e/install.sh to have run;
 *   - DGS_VSCODE_EXECUTABLE=/path/to/code: a desktop VS Code already installed;
 *   - DGS_E2E_DESKTOP=1: the desktop VS Code that @vscode/test-electron downloads (network needed).
 *
 * The editor opens a scratch copy of examples/ and test/e2e/workspace/, so that the tests may
 * edit and save without touching the project. Options: --extension DIR and --tests FILE run
 * another extension's tests (the harness's own check uses test/e2e/fixtures/hello-extension).
 * Screenshots go to DGS_E2E_SCREENSHOT_DIR (default .cache/e2e/screenshots).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function copyInto(from: string, to: string): void {
  if (!fs.existsSync(from)) return;
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (entry.isFile()) fs.copyFileSync(path.join(from, entry.name), path.join(to, entry.name));
  }
}

async function main(): Promise<number> {
  const extensionDevelopmentPath = path.resolve(option('--extension') ?? ROOT);
  const extensionTestsPath = path.resolve(option('--tests') ?? path.join(__dirname, 'suite', 'index.js'));
  if (extensionDevelopmentPath === ROOT && !fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
    console.error('dist/extension.js is missing: run `node scripts/bundle.js` first (npm run test:e2e does).');
    return 2;
  }

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dgs-e2e-vscode-'));
  const workspace = path.join(scratch, 'workspace');
  fs.mkdirSync(workspace);
  copyInto(path.join(ROOT, 'examples'), workspace);
  copyInto(path.join(ROOT, 'test', 'e2e', 'workspace'), workspace);
  const results = path.join(scratch, 'results.json');
  const screenshots = path.resolve(process.env.DGS_E2E_SCREENSHOT_DIR ?? path.join(ROOT, '.cache', 'e2e', 'screenshots'));

  let vscodeExecutablePath: string | undefined = process.env.DGS_VSCODE_EXECUTABLE;
  if (!vscodeExecutablePath && process.env.DGS_E2E_DESKTOP !== '1') vscodeExecutablePath = path.join(ROOT, 'scripts', 'e2e', 'code-server-launcher.js');
  console.log(`VS Code end-to-end suite: ${vscodeExecutablePath ?? 'desktop VS Code from @vscode/test-electron'}; workspace ${workspace}`);

  let exitCode = 0;
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-workspace-trust', `--user-data-dir=${path.join(scratch, 'user-data')}`, `--extensions-dir=${path.join(scratch, 'extensions')}`],
      extensionTestsEnv: { DGS_E2E_RESULTS: results, DGS_E2E_SCREENSHOT_DIR: screenshots, DGS_E2E_SCRATCH: scratch },
    });
  } catch (error) {
    console.error(`VS Code end-to-end suite failed: ${(error as Error).message}`);
    exitCode = 1;
  }
  if (fs.existsSync(results)) {
    const { passed, failed } = JSON.parse(fs.readFileSync(results, 'utf8')) as { passed: number; failed: number };
    console.log(`vscode: ${passed} passed, ${failed} failed`);
    if (failed > 0 || passed === 0) exitCode = 1;
  } else if (extensionTestsPath.startsWith(path.join(__dirname, 'suite'))) {
    console.error('VS Code end-to-end suite: the tests wrote no results (they did not run to the end)');
    exitCode = 1;
  }
  if (process.env.DGS_E2E_KEEP === '1') console.log(`kept ${scratch}`);
  else fs.rmSync(scratch, { recursive: true, force: true });
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
