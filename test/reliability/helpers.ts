/**
 * What the reliability tests share: the analysis timed and checked for the invariants every
 * answer must keep (it returns, in bounded time, with every range inside the document), the
 * examples, and the positions of findings as an editor sees them.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../../server/src/core/analyze';
import { Config, DEFAULT_CONFIG } from '../../server/src/core/config';
import { StrategyDocument } from '../../server/src/core/document';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { Schema } from '../../server/src/core/schema/types';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SCHEMA: Schema = loadDefaultSchema();

/**
 * The most processor time any one analysis may take, hostile inputs included (each at most
 * about 1 MB). Processor time, not elapsed time, so that a machine busy with other work does
 * not fail the suite; elapsed time is bounded too, more loosely, to catch waiting (on a file,
 * a pipe, the network) that takes no processor time. On an idle two-core machine the slowest
 * hostile input takes about two seconds.
 */
export const TIME_BOUND_MS = Number(process.env.DGS_TIME_BOUND_MS ?? 5000);
export const WALL_BOUND_MS = Number(process.env.DGS_WALL_BOUND_MS ?? 30_000);

/** The slowest analyses of the run, for docs/reliability.md (printed with DGS_RELIABILITY_REPORT=1). */
export const slowest: Array<{ what: string; length: number; cpuMs: number; wallMs: number }> = [];

/** Fixed seeds keep the suite repeatable; DGS_PROPERTY_RUNS and DGS_PROPERTY_SEED explore further by hand. */
export function runs(count: number): number {
  return Math.max(1, Math.round(count * Number(process.env.DGS_PROPERTY_RUNS_FACTOR ?? 1)));
}
export function seed(value: number): number {
  return Number(process.env.DGS_PROPERTY_SEED ?? value);
}

export interface Timed {
  analysis: Analysis;
  /** Processor time of the analysis, in milliseconds. */
  ms: number;
  wallMs: number;
}

/** Runs a function and returns its result with the processor and elapsed time it took. */
export function timed<T>(run: () => T): { result: T; cpuMs: number; wallMs: number } {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const result = run();
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  // Processor time counts every thread (the garbage collector's too), so it can exceed the elapsed time.
  return { result, cpuMs: Math.min((used.user + used.system) / 1000, wallMs * 4), wallMs };
}

/** Analyses a text and checks that it returned in time with every range inside the text. */
export function analyzeChecked(text: string, options: { config?: Config; schema?: Schema; document?: StrategyDocument; bound?: number; what?: string } = {}): Timed {
  const what = options.what ?? `a text of ${text.length} characters`;
  const { result: analysis, cpuMs, wallMs } = timed(() => (options.document ?? new StrategyDocument()).analyze(text, options.schema ?? SCHEMA, options.config ?? DEFAULT_CONFIG));
  const bound = options.bound ?? TIME_BOUND_MS;
  assert.ok(cpuMs <= bound, `the analysis of ${what} took ${Math.round(cpuMs)} ms of processor time, more than ${bound} ms`);
  assert.ok(wallMs <= Math.max(WALL_BOUND_MS, bound), `the analysis of ${what} took ${Math.round(wallMs)} ms, more than ${WALL_BOUND_MS} ms`);
  recordTime(what, text.length, cpuMs, wallMs);
  assertRangesInside(text, analysis, what);
  return { analysis, ms: cpuMs, wallMs };
}

/** Figures a run reports for docs/reliability.md, with DGS_RELIABILITY_REPORT=1. */
export const figures: Record<string, unknown> = {};

if (typeof after === 'function') {
  after(() => {
    if (!process.env.DGS_RELIABILITY_REPORT) return;
    console.log(`reliability figures: ${JSON.stringify(figures)}`);
    console.log('slowest analyses (processor ms, elapsed ms, characters):');
    for (const entry of slowest) console.log(`  ${Math.round(entry.cpuMs)}\t${Math.round(entry.wallMs)}\t${entry.length}\t${entry.what}`);
  });
}

export function recordTime(what: string, length: number, cpuMs: number, wallMs: number): void {
  slowest.push({ what, length, cpuMs, wallMs });
  slowest.sort((a, b) => b.cpuMs - a.cpuMs);
  slowest.length = Math.min(slowest.length, 12);
}

/**
 * Every finding's span (and related span) lies inside the text, and its positions are
 * positions of the editor's document: the same as `vscode-languageserver-textdocument` gives.
 */
export function assertRangesInside(text: string, analysis: Analysis, what = 'the text'): void {
  const document = TextDocument.create('file:///check.strategy.yaml', 'yaml', 1, text);
  const lines = analysis.model.lines;
  assert.strictEqual(lines.text, text, `the analysis of ${what} is not of its text`);
  const check = (span: { start: number; end: number }, label: string): void => {
    assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${label}: a span that is not whole numbers: ${JSON.stringify(span)} in ${what}`);
    assert.ok(0 <= span.start && span.start <= span.end && span.end <= text.length, `${label}: span ${span.start}–${span.end} is outside ${what} (length ${text.length})`);
    for (const offset of [span.start, span.end]) {
      const position = lines.positionAt(offset);
      assert.ok(position.line >= 0 && position.line < document.lineCount, `${label}: line ${position.line} is outside ${what} (${document.lineCount} lines)`);
      const expected = document.positionAt(offset);
      assert.deepStrictEqual(position, expected, `${label}: offset ${offset} is at ${JSON.stringify(position)} for dgs but at ${JSON.stringify(expected)} in the editor`);
    }
  };
  for (const finding of analysis.findings) {
    check(finding.span, `${finding.rule} "${finding.message.slice(0, 80)}"`);
    for (const related of finding.related ?? []) check(related.span, `related place of ${finding.rule}`);
  }
}

/** The findings as the editor shows them: rule, message and 0-based positions. */
export function editorView(analysis: Analysis): string[] {
  const lines = analysis.model.lines;
  return analysis.findings.map((finding) => {
    const range = lines.rangeOf(finding.span);
    const related = (finding.related ?? []).map((place) => `${JSON.stringify(lines.rangeOf(place.span))} ${place.message}`).join('; ');
    return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character} ${finding.severity} ${finding.rule}: ${finding.message}${related ? ` [${related}]` : ''}`;
  });
}

/** The project's example strategies, by name (LF line endings, as they are in the repository). */
export function examples(): Record<string, string> {
  const folder = path.join(ROOT, 'examples');
  const result: Record<string, string> = {};
  for (const name of fs.readdirSync(folder).filter((file) => /\.strategy\.ya?ml$/.test(file)).sort()) {
    result[name] = fs.readFileSync(path.join(folder, name), 'utf8').replace(/\r\n/g, '\n');
  }
  return result;
}

/** A strategy without findings, in a few lines: the small clean file the tests build on. */
export const CLEAN_FIXTURE = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'clean.strategy.yaml'), 'utf8').replace(/\r\n/g, '\n');

export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
