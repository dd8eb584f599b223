/** `runCli`, the entry the program and a bundle share: exit status returned, colour only on a terminal. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../../server/src/cli/main';
import { CLEAN, DGS, removeFolder, tempFolder } from './helpers';

function capture(isTTY: boolean): { write(chunk: string): void; isTTY: boolean; text: string } {
  return {
    isTTY,
    text: '',
    write(chunk: string) {
      this.text += chunk;
    },
  };
}

describe('runCli', () => {
  let folder: string;
  before(() => {
    folder = tempFolder({ 'bad.strategy.yaml': CLEAN.replace('level: national', 'level: federal') });
  });
  after(() => removeFolder(folder));

  it('colours the severities when standard output is a terminal and NO_COLOR is unset', async () => {
    const stdout = capture(true);
    const stderr = capture(true);
    const code = await runCli(['check', 'bad.strategy.yaml'], { stdout, stderr, cwd: folder, env: {} });
    assert.strictEqual(code, 1);
    assert.ok(stdout.text.includes('\x1b[31merror\x1b[0m'), JSON.stringify(stdout.text));
  });

  it('does not colour with NO_COLOR set, nor when standard output is not a terminal', async () => {
    for (const [isTTY, env] of [
      [true, { NO_COLOR: '1' }],
      [false, {}],
    ] as const) {
      const stdout = capture(isTTY);
      await runCli(['check', 'bad.strategy.yaml'], { stdout, stderr: capture(false), cwd: folder, env });
      assert.doesNotMatch(stdout.text, /\x1b\[/);
      assert.match(stdout.text, /^bad\.strategy\.yaml:5:10: error type-mismatch: /m);
    }
  });

  it('returns 2 and writes one line for bad usage, never throwing', async () => {
    const stderr = capture(false);
    assert.strictEqual(await runCli(['check', '--nope'], { stdout: capture(false), stderr, cwd: folder, env: {} }), 2);
    assert.strictEqual(stderr.text, 'dgs check: unknown option --nope (see dgs check --help)\n');
  });

  it('bin/dgs.js is an executable node script', () => {
    const text = fs.readFileSync(DGS, 'utf8');
    assert.ok(text.startsWith('#!/usr/bin/env node\n'));
    if (process.platform !== 'win32') assert.ok((fs.statSync(DGS).mode & 0o111) !== 0, 'executable');
    assert.ok(fs.existsSync(path.join(path.dirname(DGS), '..', 'out', 'server', 'src', 'cli', 'main.js')));
  });
});
