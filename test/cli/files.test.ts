/** Which files `dgs check` reads: folders, globs, and the bytes of a file (BOM, invalid UTF-8). */
import * as assert from 'assert';
import { globMatcher } from '../../server/src/cli/glob';
import { CLEAN, errorLines, removeFolder, runDgs, SUITE_TIMEOUT_MS, tempFolder } from './helpers';

interface JsonOutput {
  files: { path: string; diagnostics: { rule: string; range: { start: { line: number; character: number } } }[] }[];
}

function checkedPaths(stdout: string): string[] {
  return (JSON.parse(stdout) as JsonOutput).files.map((file) => file.path);
}

describe('glob patterns', () => {
  const cases: [string, string, boolean][] = [
    ['*.strategy.yaml', 'a.strategy.yaml', true],
    ['*.strategy.yaml', 'sub/a.strategy.yaml', false],
    ['*.strategy.yaml', '.hidden.strategy.yaml', false],
    ['**/*.strategy.yaml', 'a.strategy.yaml', true],
    ['**/*.strategy.yaml', 'x/y/a.strategy.yaml', true],
    ['**/*.strategy.yaml', 'x/.y/a.strategy.yaml', false],
    ['**/*.strategy.yaml', 'a.strategy.yml', false],
    ['s/**', 's/a/b.yaml', true],
    ['s/**', 't/a.yaml', false],
    ['plan-?.yaml', 'plan-1.yaml', true],
    ['plan-?.yaml', 'plan-10.yaml', false],
    ['a/*/c.yaml', 'a/b/c.yaml', true],
    ['a/*/c.yaml', 'a/b/x/c.yaml', false],
    ['a.(b)+[c].yaml', 'a.(b)+c.yaml', true],
    ['a.(b|c).yaml', 'a.b.yaml', false],
    ['*.{yaml,yml}', 'a.yml', true],
    ['**/**/x/**/*.yaml', 'x/a.yaml', true],
    ['a.b', 'axb', false],
  ];
  for (const [pattern, file, expected] of cases) {
    it(`${pattern} ${expected ? 'matches' : 'does not match'} ${file}`, () => {
      assert.strictEqual(globMatcher(pattern)(file), expected);
    });
  }
});

describe('dgs check: folders and globs', function () {
  this.timeout(SUITE_TIMEOUT_MS);
  let folder: string;
  before(() => {
    folder = tempFolder({
      'plans/a.strategy.yaml': CLEAN,
      'plans/b.strategy.yml': CLEAN,
      'plans/notes.yaml': 'not: a strategy\n',
      'plans/deep/c.strategy.yaml': CLEAN,
      'plans/node_modules/d.strategy.yaml': CLEAN,
      'plans/.cache/e.strategy.yaml': CLEAN,
      'other/f.strategy.yaml': CLEAN,
      'empty/readme.txt': 'nothing here\n',
    });
  });
  after(() => removeFolder(folder));

  it('a folder is searched for *.strategy.yaml and *.strategy.yml, skipping node_modules and dot-folders', () => {
    const result = runDgs(['check', 'plans', '--format', 'json'], folder);
    assert.strictEqual(result.status, 0, result.stderr);
    assert.deepStrictEqual(checkedPaths(result.stdout), ['plans/a.strategy.yaml', 'plans/b.strategy.yml', 'plans/deep/c.strategy.yaml']);
  });

  it('a glob is expanded, and * stays within one folder', () => {
    const result = runDgs(['check', 'plans/*.yaml', '--format', 'json'], folder);
    // notes.yaml is named by the glob, so it is checked (and has findings).
    assert.deepStrictEqual(checkedPaths(result.stdout), ['plans/a.strategy.yaml', 'plans/notes.yaml']);
    assert.strictEqual(result.status, 1);
  });

  it('** reaches every folder below, but not node_modules or dot-folders', () => {
    const result = runDgs(['check', '**/*.strategy.yaml', '--format', 'json'], folder);
    assert.deepStrictEqual(checkedPaths(result.stdout), ['other/f.strategy.yaml', 'plans/a.strategy.yaml', 'plans/deep/c.strategy.yaml']);
  });

  it('a file named twice, directly and through a folder, is checked once', () => {
    const result = runDgs(['check', 'plans/a.strategy.yaml', 'plans', 'other/f.strategy.yaml', '--format', 'json'], folder);
    assert.deepStrictEqual(checkedPaths(result.stdout), ['plans/a.strategy.yaml', 'plans/b.strategy.yml', 'plans/deep/c.strategy.yaml', 'other/f.strategy.yaml']);
  });

  it('a file named explicitly is checked whatever its name', () => {
    const result = runDgs(['check', 'plans/notes.yaml', '--format', 'json'], folder);
    assert.deepStrictEqual(checkedPaths(result.stdout), ['plans/notes.yaml']);
  });

  it('a folder without strategy files is exit 2 with one line', () => {
    const result = runDgs(['check', 'empty'], folder);
    assert.strictEqual(result.status, 2);
    assert.deepStrictEqual(errorLines(result), ['dgs check: no strategy files in the folder empty (looked for **/*.strategy.yaml, **/*.strategy.yml)']);
  });
});

describe('dgs check: the bytes of a file', function () {
  this.timeout(SUITE_TIMEOUT_MS);
  let folder: string;
  const bad = CLEAN.replace('level: national', 'level: federal');
  before(() => {
    folder = tempFolder({
      'bom.strategy.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(bad, 'utf8')]),
      'crlf.strategy.yaml': bad.replace(/\n/g, '\r\n'),
      'latin1.strategy.yaml': Buffer.from(bad.replace('Republic of Examplia', 'République of Examplia'), 'latin1'),
    });
  });
  after(() => removeFolder(folder));

  it('a UTF-8 byte order mark is dropped: the findings are where they would be without it', () => {
    const result = runDgs(['check', 'bom.strategy.yaml', '--format', 'json'], folder);
    assert.strictEqual(result.status, 1);
    assert.strictEqual(result.stderr, '');
    const [diagnostic] = (JSON.parse(result.stdout) as JsonOutput).files[0].diagnostics;
    assert.strictEqual(diagnostic.rule, 'type-mismatch');
    assert.deepStrictEqual(diagnostic.range.start, { line: 4, character: 9 });
  });

  it('CRLF line ends give the same places', () => {
    const result = runDgs(['check', 'crlf.strategy.yaml'], folder);
    assert.match(result.stdout, /^crlf\.strategy\.yaml:5:10: error type-mismatch: /m);
  });

  it('bytes that are not UTF-8 are replaced and reported on standard error, and the file is still checked', () => {
    const result = runDgs(['check', 'latin1.strategy.yaml'], folder);
    assert.strictEqual(result.status, 1);
    assert.match(result.stdout, /^latin1\.strategy\.yaml:5:10: error type-mismatch: /m);
    const lines = errorLines(result);
    assert.strictEqual(lines.length, 1, result.stderr);
    assert.match(lines[0], /^latin1\.strategy\.yaml:4:16: warning: the file has a byte sequence that is not valid UTF-8 \(the first here\)/);
  });
});
