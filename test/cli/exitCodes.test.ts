/** Exit status and one-line errors of `dgs check`, from the real program. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CLEAN, errorLines, removeFolder, REPO_ROOT, runDgs, SUITE_TIMEOUT_MS, tempFolder } from './helpers';

const WITH_ERROR = CLEAN.replace('level: national', 'level: federal');
// Two warnings: the measure OPN-1 without a lead, and clause 1.iii no longer addressed.
const WITH_WARNINGS = CLEAN.replace('addresses: [1.i, 1.ii, 1.iii], lead: Agency for Digitisation,', 'addresses: [1.i, 1.ii],');

describe('dgs check: exit status', function () {
  this.timeout(SUITE_TIMEOUT_MS);
  let folder: string;
  before(() => {
    folder = tempFolder({
      'clean.strategy.yaml': CLEAN,
      'error.strategy.yaml': WITH_ERROR,
      'warnings.strategy.yaml': WITH_WARNINGS,
    });
  });
  after(() => removeFolder(folder));

  it('is 0 for a clean file, with only the coverage and summary lines', () => {
    const result = runDgs(['check', 'clean.strategy.yaml'], folder);
    assert.strictEqual(result.status, 0, result.stderr);
    assert.strictEqual(result.stdout, 'clean.strategy.yaml: coverage 26/26 clauses addressed\n0 errors, 0 warnings, 0 notes in 1 file\n');
    assert.strictEqual(result.stderr, '');
  });

  it('is 0 for the clean example of the project, run from the repository', () => {
    const result = runDgs(['check', 'examples/national.strategy.yaml'], REPO_ROOT);
    assert.strictEqual(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /^0 errors, 0 warnings, 0 notes in 1 file$/m);
  });

  it('is 1 when a file has an error', () => {
    const result = runDgs(['check', 'error.strategy.yaml'], folder);
    assert.strictEqual(result.status, 1);
    assert.match(result.stdout, /^error\.strategy\.yaml:5:10: error type-mismatch: /m);
    assert.match(result.stdout, /^1 error, 0 warnings, 0 notes in 1 file$/m);
  });

  it('is 1 when any file of several has an error', () => {
    const result = runDgs(['check', 'clean.strategy.yaml', 'error.strategy.yaml'], folder);
    assert.strictEqual(result.status, 1);
    assert.match(result.stdout, /in 2 files$/m);
  });

  it('is 0 with warnings when --max-warnings is not given', () => {
    const result = runDgs(['check', 'warnings.strategy.yaml'], folder);
    assert.strictEqual(result.status, 0, result.stdout);
    assert.match(result.stdout, /^0 errors, 2 warnings, 0 notes in 1 file$/m);
  });

  it('is 1 when the warnings exceed --max-warnings, 0 when they do not', () => {
    assert.strictEqual(runDgs(['check', 'warnings.strategy.yaml', '--max-warnings', '2'], folder).status, 0);
    const over = runDgs(['check', 'warnings.strategy.yaml', '--max-warnings=1'], folder);
    assert.strictEqual(over.status, 1);
    assert.deepStrictEqual(errorLines(over), ['dgs check: 2 warnings, more than the 1 that --max-warnings allows']);
    assert.strictEqual(runDgs(['check', 'warnings.strategy.yaml', '--max-warnings', '0'], folder).status, 1);
    assert.strictEqual(runDgs(['check', 'warnings.strategy.yaml', '--max-warnings', '-1'], folder).status, 0, '-1 allows any number');
  });

  const usageErrors: [string, string[], RegExp][] = [
    ['an unknown option', ['check', 'clean.strategy.yaml', '--frmat', 'json'], /^dgs check: unknown option --frmat; did you mean --format\? \(see dgs check --help\)$/],
    ['a missing file', ['check', 'missing.strategy.yaml'], /^dgs check: cannot read missing\.strategy\.yaml: no such file or folder$/],
    ['no file at all', ['check'], /^dgs check: name at least one strategy file, folder or glob/],
    ['a wrong format', ['check', 'clean.strategy.yaml', '--format', 'xml'], /^dgs check: the option --format must be one of text, json, sarif, not "xml"$/],
    ['a --max-warnings that is not a number', ['check', 'clean.strategy.yaml', '--max-warnings', 'many'], /^dgs check: the option --max-warnings needs a whole number/],
    ['an option without its value', ['check', 'clean.strategy.yaml', '--format'], /^dgs check: the option --format needs a value/],
    ['an unknown command', ['chek', 'clean.strategy.yaml'], /^dgs: unknown command "chek"; did you mean "check"\?/],
    ['a glob that matches nothing', ['check', 'nothing/*.strategy.yaml'], /^dgs check: no files match nothing\/\*\.strategy\.yaml$/],
  ];
  for (const [what, args, message] of usageErrors) {
    it(`is 2 with one clear line for ${what}`, () => {
      const result = runDgs(args, folder);
      assert.strictEqual(result.status, 2);
      const lines = errorLines(result);
      assert.strictEqual(lines.length, 1, result.stderr);
      assert.match(lines[0], message);
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
      assert.strictEqual(result.stdout, '');
    });
  }

  it('is 2 with the usage on standard error when no command is given', () => {
    const result = runDgs([], folder);
    assert.strictEqual(result.status, 2);
    assert.match(result.stderr, /Usage: dgs COMMAND/);
    assert.strictEqual(result.stdout, '');
  });

  it('is 2 for a missing file even when other files are fine, and checks none', () => {
    const result = runDgs(['check', 'clean.strategy.yaml', 'missing.strategy.yaml'], folder);
    assert.strictEqual(result.status, 2);
    assert.strictEqual(result.stdout, '');
  });

  it('writes the report to --output and nothing to standard output', () => {
    const result = runDgs(['check', 'error.strategy.yaml', '--format', 'json', '--output', 'report.json'], folder);
    assert.strictEqual(result.status, 1);
    assert.strictEqual(result.stdout, '');
    const written = JSON.parse(fs.readFileSync(path.join(folder, 'report.json'), 'utf8'));
    assert.strictEqual(written.files[0].diagnostics[0].rule, 'type-mismatch');
  });

  it('is 2 when --output cannot be written', () => {
    const result = runDgs(['check', 'clean.strategy.yaml', '--output', 'no/such/folder/report.txt'], folder);
    assert.strictEqual(result.status, 2);
    assert.deepStrictEqual(errorLines(result), ['dgs check: cannot write no/such/folder/report.txt: no such file or folder']);
  });
});
