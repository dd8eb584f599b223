/**
 * Files and folders as careful tools treat them, and output that stays well-formed
 * whatever the names: what `dgs check` does with unreadable folders, links out of the
 * folder, files that block, vanish or are read by the configuration, and names that hold
 * line breaks and terminal escapes. Races are made deterministic by wrapping `fs` in the
 * test process (the command runs in process through runCli); the rest runs the real
 * program.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import fs = require('fs');
import * as path from 'path';
import { globMatcher, GlobPatternError } from '../../server/src/cli/glob';
import { runCli } from '../../server/src/cli/main';
import { safeText } from '../../server/src/core/text/safeText';
import { DGS, removeFolder, tempFolder } from '../cli/helpers';
import { CLEAN_FIXTURE, timed } from './helpers';

const BAD = CLEAN_FIXTURE.replace('level: national', 'level: continental');

function capture(): { write(chunk: string): void; text: string } {
  return {
    text: '',
    write(chunk: string) {
      this.text += chunk;
    },
  };
}

async function check(args: string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  const stdout = capture();
  const stderr = capture();
  const status = await runCli(['check', ...args], { stdout, stderr, cwd, env: { NO_COLOR: '1' } });
  return { status, stdout: stdout.text, stderr: stderr.text };
}

/** Replaces one function of `fs` while `body` runs. */
async function withFs<K extends keyof typeof fs>(name: K, replacement: (original: (typeof fs)[K]) => (typeof fs)[K], body: () => Promise<void>): Promise<void> {
  const original = fs[name];
  (fs as Record<string, unknown>)[name] = replacement(original);
  try {
    await body();
  } finally {
    (fs as Record<string, unknown>)[name] = original;
  }
}

function run(args: string[], cwd: string, timeout = 20_000): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [DGS, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout, input: '' });
  assert.strictEqual(result.error, undefined, `dgs ${args.join(' ')} did not finish in ${timeout} ms`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function assertNoInternalError(result: { stdout: string; stderr: string }): void {
  for (const stream of [result.stdout, result.stderr]) {
    assert.ok(!/^\s+at .+:\d+:\d+\)?$/m.test(stream), `a stack trace was printed:\n${stream}`);
    assert.ok(!/internal error|TypeError|RangeError/.test(stream), `an internal error was printed:\n${stream}`);
  }
}

describe('files and folders', function () {
  this.timeout(120_000);
  let folder: string;
  beforeEach(() => {
    folder = tempFolder({ 'plans/a.strategy.yaml': CLEAN_FIXTURE, 'plans/b.strategy.yaml': BAD, 'plans/sub/c.strategy.yaml': CLEAN_FIXTURE });
  });
  afterEach(() => removeFolder(folder));

  it('a sub-folder that cannot be read is reported on standard error and fails the check (exit 2); the rest is checked', async () => {
    const sub = path.join(folder, 'plans', 'sub');
    await withFs(
      'readdirSync',
      (original) =>
        ((target: fs.PathLike, options?: unknown) => {
          if (path.resolve(String(target)) === sub) throw Object.assign(new Error(`EACCES: permission denied, scandir '${sub}'`), { code: 'EACCES' });
          return (original as (target: fs.PathLike, options?: unknown) => unknown)(target, options);
        }) as typeof fs.readdirSync,
      async () => {
        const result = await check(['plans'], folder);
        assert.strictEqual(result.status, 2, result.stderr);
        assert.match(result.stderr, /cannot read the folder plans\/sub: permission denied/);
        assert.match(result.stdout, /plans\/b\.strategy\.yaml:\d+:\d+: error/);
      },
    );
  });

  it('a file that vanishes during the scan is one finding for that file; the others are checked', async () => {
    const doomed = path.join(folder, 'plans', 'a.strategy.yaml');
    await withFs(
      'readdirSync',
      (original) =>
        ((target: fs.PathLike, options?: unknown) => {
          const entries = (original as (target: fs.PathLike, options?: unknown) => unknown)(target, options);
          if (path.resolve(String(target)) === path.dirname(doomed) && fs.existsSync(doomed)) fs.unlinkSync(doomed);
          return entries;
        }) as typeof fs.readdirSync,
      async () => {
        const result = await check(['plans', '--format', 'json'], folder);
        assertNoInternalError(result);
        const report = JSON.parse(result.stdout) as { files: Array<{ path: string; diagnostics: Array<{ message: string }> }> };
        const vanished = report.files.find((file) => file.path === 'plans/a.strategy.yaml');
        assert.ok(vanished, result.stdout);
        assert.deepStrictEqual(
          vanished.diagnostics.map((diagnostic) => diagnostic.message),
          ['This file was removed while the check ran; it was not analysed.'],
        );
        assert.ok(report.files.some((file) => file.path === 'plans/b.strategy.yaml' && file.diagnostics.length > 0));
        assert.strictEqual(result.status, 1);
      },
    );
  });

  it('a .dgs.yaml deleted during the scan is no internal error', async () => {
    const config = path.join(folder, 'plans', '.dgs.yaml');
    fs.writeFileSync(config, 'rules:\n  missing-lead: off\n');
    const isConfig = (target: fs.PathLike): boolean => path.resolve(String(target)) === config;
    // Deleted between the look that finds it and the look at its size, then between that and the read.
    await withFs(
      'existsSync',
      (original) =>
        ((target: fs.PathLike) => {
          const exists = original(target);
          if (exists && isConfig(target)) fs.unlinkSync(config);
          return exists;
        }) as typeof fs.existsSync,
      async () => {
        const result = await check(['plans/b.strategy.yaml'], folder);
        assertNoInternalError(result);
        assert.ok(result.status === 1 || result.status === 2, `exit ${result.status}`);
      },
    );
    fs.writeFileSync(config, 'rules:\n  missing-lead: off\n');
    await withFs(
      'statSync',
      (original) =>
        ((target: fs.PathLike, options?: fs.StatSyncOptions) => {
          const stat = (original as (target: fs.PathLike, options?: fs.StatSyncOptions) => fs.Stats | undefined)(target, options);
          if (stat && isConfig(target) && fs.existsSync(config)) fs.unlinkSync(config);
          return stat;
        }) as typeof fs.statSync,
      async () => {
        const result = await check(['plans/b.strategy.yaml'], folder);
        assertNoInternalError(result);
        assert.match(result.stderr, /\.dgs\.yaml:1:1: cannot read the configuration: it was removed while it was being read/);
        assert.strictEqual(result.status, 2);
      },
    );
  });

  it('the configuration of a folder is read once per folder, not once per file', async () => {
    for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(folder, 'plans', `m${i}.strategy.yaml`), CLEAN_FIXTURE);
    fs.writeFileSync(path.join(folder, 'plans', '.dgs.yaml'), 'rules:\n  missing-lead: off\n');
    let reads = 0;
    const counted = <F extends (...args: never[]) => unknown>(original: F): F =>
      ((...args: Parameters<F>) => {
        if (String(args[0]).endsWith('.dgs.yaml')) reads++;
        return original(...args);
      }) as F;
    await withFs('openSync', counted, () => withFs('readFileSync', counted, async () => {
      const result = await check(['plans'], folder);
      assert.strictEqual(result.status, 1, result.stderr);
    }));
    // The folder plans (its patterns and its files), and plans/sub (which finds the same file above it).
    assert.ok(reads <= 2, `.dgs.yaml was read ${reads} times for 33 files in two folders`);
  });

  it('a symbolic link to / inside the folder is not followed; a link to a folder inside is', () => {
    fs.symlinkSync('/', path.join(folder, 'plans', 'root'));
    fs.symlinkSync(path.join(folder, 'plans', 'sub'), path.join(folder, 'plans', 'again'));
    fs.mkdirSync(path.join(folder, 'outside'));
    fs.writeFileSync(path.join(folder, 'outside', 'x.strategy.yaml'), BAD);
    fs.symlinkSync(path.join(folder, 'outside', 'x.strategy.yaml'), path.join(folder, 'plans', 'x.strategy.yaml'));
    const result = run(['check', 'plans', '--format', 'json'], folder);
    assertNoInternalError(result);
    assert.match(result.stderr, /plans\/root is a symbolic link to \/, outside plans; it is not followed/);
    assert.match(result.stderr, /plans\/x\.strategy\.yaml is a symbolic link to .*outside plans; it is not followed/);
    const paths = (JSON.parse(result.stdout) as { files: Array<{ path: string }> }).files.map((file) => file.path);
    // plans/sub is the folder plans/again links to: walked once, under the name met first.
    assert.deepStrictEqual(paths, ['plans/a.strategy.yaml', 'plans/again/c.strategy.yaml', 'plans/b.strategy.yaml']);
  });

  it('a strategy that is a link to a file that blocks on read (/proc/kmsg) or to a pipe: answered at once, exit 2', function () {
    const fifo = path.join(folder, 'pipe.strategy.yaml');
    spawnSync('mkfifo', [fifo]);
    const targets = ['/proc/kmsg'].filter((file) => {
      try {
        fs.closeSync(fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK));
        return true;
      } catch {
        return false;
      }
    });
    targets.forEach((target, index) => fs.symlinkSync(target, path.join(folder, `kmsg${index}.strategy.yaml`)));
    for (const name of ['pipe.strategy.yaml', ...targets.map((_, index) => `kmsg${index}.strategy.yaml`)]) {
      const result = run(['check', name], folder);
      assertNoInternalError(result);
      assert.strictEqual(result.status, 2, `${name}: ${result.stderr}`);
      assert.match(result.stderr, /cannot read .*: it (is not a regular file|cannot be read without waiting)/);
    }
  });

  it('a glob or a files pattern that would backtrack is matched name by name, or refused with a clear line', async () => {
    const names = ['a'.repeat(200), `${'a/'.repeat(60)}c`, `${'a'.repeat(100)}/`.repeat(12) + 'b'];
    for (const pattern of ['**/*a*a/**/*a*a/b', '*a*a', '**/**/**/**/**/**/x', 'a/**/a/**/a/**/a/**/c', '(a|aa)+c', '{a,aa}{a,aa}c']) {
      const matches = globMatcher(pattern);
      const { cpuMs } = timed(() => names.forEach((name) => matches(name)));
      assert.ok(cpuMs < 300, `${pattern}: ${Math.round(cpuMs)} ms`);
    }
    assert.throws(() => globMatcher('*a*a*a*a*a*a*b'), GlobPatternError);
    fs.writeFileSync(path.join(folder, 'plans', '.dgs.yaml'), 'files: ["*a*a*a*a*a*a*a*b", "**/*.strategy.yaml"]\n');
    const result = await check(['plans'], folder);
    assert.strictEqual(result.status, 2);
    assert.match(result.stderr, /has 8 \* in one name, more than the 2/);
    assert.match(result.stdout, /plans\/b\.strategy\.yaml/);
  });
});

describe('safe output', function () {
  this.timeout(120_000);
  let folder: string;
  const forged = 'x\n::error file=forged.yaml,line=1::forged\u001b[2J\u202eevil';
  beforeEach(() => {
    folder = tempFolder({ [`${forged}.strategy.yaml`]: BAD, 'md\n# Forged heading\n.strategy.yaml': BAD, 'a.strategy.yaml': BAD });
  });
  afterEach(() => removeFolder(folder));

  it('a file name with a line break, an escape sequence and a right-to-left override stays on its line, escaped, in text output', () => {
    const result = run(['check', '.'], folder);
    assert.strictEqual(result.status, 1);
    for (const stream of [result.stdout, result.stderr]) {
      assert.ok(!/^::error/m.test(stream), `a line starts with ::error:\n${stream}`);
      assert.ok(!/^# Forged/m.test(stream));
      assert.ok(!stream.includes('\u001b') && !stream.includes('\u202e'), 'an escape or a bidirectional control reached the output');
    }
    assert.ok(result.stdout.includes(`${safeText(forged)}.strategy.yaml:`), result.stdout);
    for (const line of result.stdout.trim().split('\n')) assert.match(line, /^(\S|x\\n).*(: (error|warning|info) |: coverage |^\d+ |^[Nn]o )|^\d|^[A-Z]/);
  });

  it('a file name with a line break does not break out of the Markdown report', () => {
    const result = run(['coverage', 'md\n# Forged heading\n.strategy.yaml', '--format', 'markdown'], folder);
    assert.ok(!/^# Forged/m.test(result.stdout), result.stdout.slice(0, 500));
    assert.ok(result.stdout.includes('md\\n# Forged heading\\n.strategy.yaml'));
  });

  it('--output refuses the file being checked, under any name, and a symbolic link', () => {
    fs.linkSync(path.join(folder, 'a.strategy.yaml'), path.join(folder, 'hard.yaml'));
    fs.symlinkSync(path.join(folder, 'a.strategy.yaml'), path.join(folder, 'soft.txt'));
    fs.symlinkSync('/tmp/dgs-not-here-report.txt', path.join(folder, 'dangling.txt'));
    for (const target of ['a.strategy.yaml', './a.strategy.yaml', 'hard.yaml', 'soft.txt', 'dangling.txt']) {
      const result = run(['check', 'a.strategy.yaml', '--output', target], folder);
      assert.strictEqual(result.status, 2, `${target}: ${result.stderr}`);
      assert.match(result.stderr, /will not write/);
      assert.strictEqual(fs.readFileSync(path.join(folder, 'a.strategy.yaml'), 'utf8'), BAD, `${target} overwrote the strategy`);
    }
    assert.ok(!fs.existsSync('/tmp/dgs-not-here-report.txt'));
    for (const command of [['coverage'], ['export', '--format', 'csv'], ['diff', 'hard.yaml']]) {
      const result = run([...command, 'a.strategy.yaml', '--output', 'a.strategy.yaml'], folder);
      assert.strictEqual(result.status, 2, `${command[0]}: ${result.stderr}`);
      assert.strictEqual(fs.readFileSync(path.join(folder, 'a.strategy.yaml'), 'utf8'), BAD, `${command[0]} overwrote the strategy`);
    }
    const fine = run(['check', 'a.strategy.yaml', '--output', 'report.txt'], folder);
    assert.strictEqual(fine.status, 1);
    assert.match(fs.readFileSync(path.join(folder, 'report.txt'), 'utf8'), /a\.strategy\.yaml:/);
  });
});
