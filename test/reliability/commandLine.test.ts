/**
 * The command line given odd and hostile files and configurations: it answers in bounded
 * time, with one clear line naming the file and the place, an exit status that says what
 * happened, and never a stack trace.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { DGS, removeFolder, RunResult, tempFolder } from '../cli/helpers';
import { CLEAN_FIXTURE, toCrlf } from './helpers';

/** Every run gets this long; a run that waits (on a pipe, a device) fails instead of hanging the suite. */
const RUN_TIMEOUT_MS = 30_000;

function run(args: string[], cwd: string): RunResult & { ms: number } {
  const started = Date.now();
  const result = spawnSync(process.execPath, [DGS, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: RUN_TIMEOUT_MS, input: '', maxBuffer: 64 << 20 });
  assert.strictEqual(result.error, undefined, `dgs ${args.join(' ')} did not finish in ${RUN_TIMEOUT_MS} ms: ${result.error?.message}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - started };
}

function assertNoStackTrace(result: RunResult): void {
  for (const stream of [result.stdout, result.stderr]) {
    assert.ok(!/^\s+at .+\(.+:\d+:\d+\)$/m.test(stream), `a stack trace was printed:\n${stream}`);
    assert.ok(!/internal error|TypeError|RangeError|ReferenceError/.test(stream), `an internal error was printed:\n${stream}`);
  }
}

interface JsonReport {
  files: Array<{ path: string; diagnostics: Array<{ rule: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }> }>;
}

describe('the command line with odd and hostile files', function () {
  this.timeout(180_000);
  let folder: string;

  before(() => {
    const clean = Buffer.from(CLEAN_FIXTURE.replace('title: Digital Government Strategy 2026-2030', 'title: Caf\u00e9 strategy').replace('level: national', 'level: continental'));
    const invalid = Buffer.from(CLEAN_FIXTURE.replace('title: Digital Government Strategy 2026-2030', 'title: Caf@ strategy').replace('level: national', 'level: continental'));
    // Latin-1 é (0xE9) where UTF-8 is expected, and a lone continuation byte.
    invalid[invalid.indexOf('@')] = 0xe9;
    folder = tempFolder({
      'lf.strategy.yaml': clean,
      'crlf-bom.strategy.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(toCrlf(clean.toString('utf8')))]),
      'latin1.strategy.yaml': Buffer.concat([invalid, Buffer.from([0x23, 0x20, 0x80, 0x0a])]),
      'binary.strategy.yaml': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256)),
      'empty.strategy.yaml': '',
      'deep.strategy.yaml': `strategy: ${'['.repeat(100_000)}\n`,
      'nul.strategy.yaml': `\u0000${CLEAN_FIXTURE}`,
      'limited/.dgs.yaml': 'max-file-size: 1000\n',
      'limited/big.strategy.yaml': CLEAN_FIXTURE,
      'a folder.strategy.yaml/placeholder.txt': '',
    });
  });
  after(() => removeFolder(folder));

  it('invalid UTF-8 bytes: read as U+FFFD, one warning line at the first of them, the file still checked', () => {
    const result = run(['check', 'latin1.strategy.yaml'], folder);
    assertNoStackTrace(result);
    assert.strictEqual(result.status, 1, result.stdout + result.stderr);
    const line = CLEAN_FIXTURE.split('\n').findIndex((content) => content.includes('title: Digital')) + 1;
    assert.match(result.stderr, new RegExp(`^latin1\\.strategy\\.yaml:${line}:13: warning: the file has 2 byte sequences that are not valid UTF-8`, 'm'));
    assert.match(result.stdout, /^latin1\.strategy\.yaml:\d+:\d+: error type-mismatch: /m, 'the file was checked');
    const json = run(['check', 'latin1.strategy.yaml', '--format', 'json'], folder);
    assert.strictEqual(json.status, 1);
    const report = JSON.parse(json.stdout) as JsonReport;
    assert.deepStrictEqual(report.files[0].diagnostics.map((diagnostic) => diagnostic.rule), ['type-mismatch']);
    const sarif = run(['check', 'latin1.strategy.yaml', '--format', 'sarif'], folder);
    assert.doesNotThrow(() => JSON.parse(sarif.stdout));
  });

  it('a byte order mark and CRLF: the same positions as the plain LF file', () => {
    const lf = JSON.parse(run(['check', 'lf.strategy.yaml', '--format', 'json'], folder).stdout) as JsonReport;
    const crlf = JSON.parse(run(['check', 'crlf-bom.strategy.yaml', '--format', 'json'], folder).stdout) as JsonReport;
    assert.ok(lf.files[0].diagnostics.length > 0);
    assert.deepStrictEqual(crlf.files[0].diagnostics, lf.files[0].diagnostics);
    const text = run(['check', 'crlf-bom.strategy.yaml'], folder);
    assert.match(text.stdout, /^crlf-bom\.strategy\.yaml:6:10: error type-mismatch: /m, text.stdout + text.stderr);
  });

  it('random bytes, NULs, an empty file and nesting 100,000 deep: findings, never a crash', () => {
    for (const [name, pattern] of [
      ['binary.strategy.yaml', /yaml-syntax|type-mismatch/],
      ['nul.strategy.yaml', /yaml-syntax/],
      ['empty.strategy.yaml', /missing-field/],
      ['deep.strategy.yaml', /nest more than 256 levels deep/],
    ] as const) {
      const result = run(['check', name], folder);
      assertNoStackTrace(result);
      assert.strictEqual(result.status, 1, `${name}: ${result.stdout}${result.stderr}`);
      assert.match(result.stdout, pattern, name);
    }
  });

  it('a file over max-file-size of .dgs.yaml: one finding saying why it was not analysed', () => {
    const result = run(['check', 'big.strategy.yaml'], path.join(folder, 'limited'));
    assertNoStackTrace(result);
    assert.strictEqual(result.status, 1);
    const findings = result.stdout.split('\n').filter((line) => /: (error|warning|info) /.test(line));
    assert.strictEqual(findings.length, 1, result.stdout);
    assert.match(findings[0], /^big\.strategy\.yaml:1:1: error yaml-syntax: This file is \d+ bytes long, over the limit of 1000/);
  });

  it('a device, a pipe and a folder named as strategies: one line each, exit 2, no waiting', function () {
    if (process.platform === 'win32') this.skip();
    const fifo = path.join(folder, 'pipe.strategy.yaml');
    if (!fs.existsSync(fifo)) spawnSync('mkfifo', [fifo]);
    for (const target of ['/dev/zero', '/dev/stdin', 'pipe.strategy.yaml', 'a folder.strategy.yaml', 'no-such.strategy.yaml']) {
      const result = run(['check', target], folder);
      assertNoStackTrace(result);
      assert.strictEqual(result.status, 2, `${target}: ${result.stdout}${result.stderr}`);
      assert.strictEqual(result.stderr.trim().split('\n').length, 1, `${target}: ${result.stderr}`);
      assert.ok(result.ms < RUN_TIMEOUT_MS / 2, `${target} took ${result.ms} ms`);
    }
  });
});

describe('the command line with broken configurations and schemas', function () {
  this.timeout(180_000);
  let folder: string;
  const STRATEGY = 's.strategy.yaml';

  before(() => {
    folder = tempFolder({
      'schemas/not-a-schema.yaml': 'instrument: [\n',
      'schemas/wrong-shape.yaml': 'instrument: { id: X }\nparts: 12\n',
      'schemas/deep.yaml': `instrument: ${'['.repeat(5000)}\n`,
      'schemas/huge.yaml': `# ${'x'.repeat(5 * 1024 * 1024)}\n`,
      'schemas/folder/x': '',
    });
    if (process.platform !== 'win32') spawnSync('mkfifo', [path.join(folder, 'schemas', 'pipe.yaml')]);
  });
  after(() => removeFolder(folder));

  const CASES: Array<{ name: string; config: string | Buffer; file?: RegExp; place: RegExp; message: RegExp }> = [
    { name: 'YAML that does not parse', config: 'rules: [\n', place: /^\.dgs\.yaml:2:1: /, message: /Flow sequence|end with a \]/ },
    { name: 'an unknown rule and a bad severity', config: 'rules:\n  missing-lead: loud\n', place: /^\.dgs\.yaml:2:17: /, message: /must be set to error, warning, info or off/ },
    { name: 'nesting 5,000 deep', config: `rules: ${'['.repeat(5000)}\n`, place: /^\.dgs\.yaml:1:\d+: /, message: /nest more than 256 levels deep/ },
    { name: 'random bytes', config: Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)), place: /^\.dgs\.yaml:\d+:\d+: /, message: /./ },
    { name: 'a list at the top', config: '- rules\n', place: /^\.dgs\.yaml:1:1: /, message: /must be a mapping/ },
    { name: 'a configuration of 2 MB', config: `# ${'x'.repeat(2 << 20)}\n`, place: /^\.dgs\.yaml:1:1: /, message: /more than the \d+ bytes a configuration may have/ },
    { name: 'a schema that does not parse', config: 'schema: schemas/not-a-schema.yaml\n', file: /^schemas\/not-a-schema\.yaml:/, place: /schemas\/not-a-schema\.yaml:2:1: /, message: /invalid schema/ },
    { name: 'a schema of the wrong shape', config: 'schema: schemas/wrong-shape.yaml\n', file: /^schemas\/wrong-shape\.yaml:/, place: /schemas\/wrong-shape\.yaml:\d+:\d+: /, message: /invalid schema/ },
    { name: 'a schema nested 5,000 deep', config: 'schema: schemas/deep.yaml\n', file: /^schemas\/deep\.yaml:/, place: /schemas\/deep\.yaml:1:\d+: /, message: /nest more than 256 levels deep/ },
    { name: 'a schema of 5 MB', config: 'schema: schemas/huge.yaml\n', place: /^\.dgs\.yaml:1:9: /, message: /bytes a schema may have/ },
    { name: 'a schema that is a folder', config: 'schema: schemas/folder\n', place: /^\.dgs\.yaml:1:9: /, message: /is a folder/ },
    { name: 'a schema that does not exist', config: 'schema: schemas/none.yaml\n', place: /^\.dgs\.yaml:1:9: /, message: /does not exist/ },
    { name: 'a schema that is /dev/zero', config: 'schema: /dev/zero\n', place: /^\.dgs\.yaml:1:9: /, message: /not a regular file/ },
    { name: 'a schema that is standard input', config: 'schema: /dev/stdin\n', place: /^\.dgs\.yaml:1:9: /, message: /not a regular file/ },
    { name: 'a schema that is a named pipe', config: 'schema: schemas/pipe.yaml\n', place: /^\.dgs\.yaml:1:9: /, message: /not a regular file/ },
    { name: 'a schema given as a URL (never fetched)', config: 'schema: https://example.com/schema.yaml\n', place: /^\.dgs\.yaml:1:9: /, message: /does not exist/ },
  ];

  it('each: one clear line naming the file and the place, exit 2, the strategy still checked against the bundled schema', function () {
    // One run for all of them (each case in a folder of its own): a process per case would be slow.
    const cases = CASES.filter((entry) => process.platform !== 'win32' || !/pipe|dev/.test(entry.name));
    cases.forEach((entry, index) => {
      fs.mkdirSync(path.join(folder, `case-${index}`), { recursive: true });
      const config = typeof entry.config === 'string' ? entry.config.replace(/schema: schemas\//, 'schema: ../schemas/') : entry.config;
      fs.writeFileSync(path.join(folder, `case-${index}`, '.dgs.yaml'), config);
      fs.writeFileSync(path.join(folder, `case-${index}`, STRATEGY), CLEAN_FIXTURE);
    });
    const result = run(['check', ...cases.map((_, index) => `case-${index}/${STRATEGY}`)], folder);
    assertNoStackTrace(result);
    assert.strictEqual(result.status, 2, result.stdout + result.stderr);
    const errors = result.stderr.trim().split('\n');
    cases.forEach((entry, index) => {
      const lines = errors.filter((line) => line.startsWith(`case-${index}/`) || (entry.file && entry.file.test(line)));
      assert.strictEqual(lines.length, 1, `${entry.name}: one line expected:\n${result.stderr}`);
      const line = lines[0].startsWith(`case-${index}/`) ? lines[0].slice(`case-${index}/`.length) : lines[0];
      assert.match(line, entry.place, entry.name);
      assert.match(line, entry.message, entry.name);
      assert.match(result.stdout, new RegExp(`^case-${index}/${STRATEGY.replace('.', '\\.')}: coverage 26/26 clauses addressed`, 'm'), entry.name);
    });
  });
});
