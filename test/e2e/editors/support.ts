/**
 * What the Neovim and Emacs tests share: a scratch copy of the draft example, running the
 * editor's script with a bounded time, and `dgs check` as the oracle of the findings.
 */
import * as assert from 'assert';
import * as cp from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** A finding as the protocol carries it (LSP Diagnostic). */
export interface ProtocolDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  source?: string;
  message: string;
}

interface CliFinding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  range: ProtocolDiagnostic['range'];
}

const SEVERITY: Record<CliFinding['severity'], number> = { error: 1, warning: 2, info: 3 };

const key = (rule: string, severity: number, range: ProtocolDiagnostic['range'], message: string): string =>
  `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character} ${severity} ${rule}: ${message}`;

/** The findings as comparable lines, sorted. */
export const protocolLines = (diagnostics: readonly ProtocolDiagnostic[]): string[] => diagnostics.map((d) => key(d.code, d.severity, d.range, d.message)).sort();

/** What `dgs check --format json` reports for this text, as the same comparable lines. */
export function checkedLines(text: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgs-e2e-oracle-'));
  try {
    const file = path.join(dir, 'oracle.strategy.yaml');
    fs.writeFileSync(file, text);
    const result = cp.spawnSync(process.execPath, [path.join(ROOT, 'bin', 'dgs.js'), 'check', '--format', 'json', file], { encoding: 'utf8', timeout: 30_000 });
    assert.ok(result.status === 0 || result.status === 1, `dgs check ran (exit ${result.status}): ${result.stderr}`);
    const findings = (JSON.parse(result.stdout) as { files: Array<{ diagnostics: CliFinding[] }> }).files[0].diagnostics;
    return findings.map((f) => key(f.rule, SEVERITY[f.severity], f.range, f.message)).sort();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Markdown read as a person reads it: escapes and emphasis gone, whitespace collapsed. */
/**
 * After the edit that replaces the unknown clause: the buffer holds it, the finding is gone,
 * the findings are those of `dgs check`, and the editor shows each of them.
 */
export function assertEditUpdatesFindings(edited: { text: string; protocol: ProtocolDiagnostic[]; shown: readonly unknown[] }): void {
  const { text, protocol, shown } = edited;
  assert.ok(text.includes('addresses: [1.i, 1.iii]'), 'the buffer holds the edit');
  assert.ok(!protocol.some((d) => d.code === 'unknown-clause'), 'the unknown clause is gone');
  assert.deepStrictEqual(protocolLines(protocol), checkedLines(text));
  assert.strictEqual(shown.length, protocol.length);
}

export function asRead(markdown: string): string {
  return collapse(markdown.replace(/\\([\\`*_[\]<>#|~{}()+\-.!])/g, '$1').replace(/\*\*|__/g, ''));
}
export const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

export interface EditorRun<T> {
  result: T;
  file: string;
  original: string;
}

/**
 * Runs an editor on a scratch copy of the draft example and returns what its script wrote to
 * DGS_RESULT. The editor must end within `timeoutMs`; it is killed otherwise.
 */
export function runEditor<T>(command: string, args: string[], timeoutMs = 90_000): EditorRun<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgs-e2e-editor-'));
  const file = path.join(dir, 'draft.strategy.yaml');
  const original = fs.readFileSync(path.join(ROOT, 'examples', 'draft.strategy.yaml'), 'utf8');
  fs.writeFileSync(file, original);
  const resultFile = path.join(dir, 'result.json');
  try {
    const run = cp.spawnSync(command, args, {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
      env: { ...process.env, DGS_ROOT: ROOT, DGS_FILE: file, DGS_RESULT: resultFile, DGS_TIMEOUT_MS: String(Math.floor(timeoutMs / 3)) },
    });
    assert.ok(!run.error, `${command} ran: ${run.error?.message}`);
    assert.ok(fs.existsSync(resultFile), `${command} wrote its observations (exit ${run.status ?? run.signal}):\n${run.stdout}\n${run.stderr}`);
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as T & { error?: string };
    assert.strictEqual(result.error, undefined, `${command} reported: ${result.error}\n${run.stderr}`);
    assert.strictEqual(run.status, 0, `${command} exited with ${run.status ?? run.signal}:\n${run.stderr}`);
    return { result, file, original };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function hasCommand(command: string): boolean {
  return cp.spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}
