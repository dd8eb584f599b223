/**
 * Memory per byte of input, bounded and measured. What a file costs to parse grows with its
 * structure (lines, list items, values), not its bytes: a megabyte of one-character list
 * items under an `x-` key once cost 500 MB, and a file under the default size limit aborted
 * the process. The structure is now budgeted (MAX_STRUCTURE); these tests measure the cost
 * per unit of structure of the heaviest shapes, in fresh processes, and show that the most
 * any file can cost stays well under the heap a Node.js process has by default.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { seededRandom } from '../../bench/generate';
import { StrategyDocument } from '../../server/src/core/document';
import { commonPrefix, commonSuffix } from '../../server/src/core/text/textEdit';
import { editedStructureSize, MAX_STRUCTURE, structureSize } from '../../server/src/core/model/parseYaml';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { analyzeChecked, figures, ROOT } from './helpers';

/** Each shape: what comes before the items, one item, what comes after. */
const SHAPES: Record<string, [string, string, string]> = {
  'one-character list items under an x- key': ['x-notes:\n', '- a\n', ''],
  'a flow list of one-character items': ['x-notes: [', 'a,', ']\n'],
  'a flow list of small mappings': ['x-notes: [', '{a: 1},', ']\n'],
  'x- keys': ['', 'x-k: 1\n', ''],
  'clause references of one measure': ['objectives:\n  openness:\n    measures:\n      - id: A\n        title: t\n        addresses: [', '1.i,', ']\n'],
};

/** The bound asserted: what the heaviest file within the limits may cost, at most. */
const MAX_PROJECTED_BYTES = 1.25 * 1024 * 1024 * 1024;

/** Runs a script in a fresh process, with a heap limit; returns what it printed. */
function child(script: string, heapMb: number): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function measureScript(shape: [string, string, string], items: number): string {
  const out = JSON.stringify(path.join(ROOT, 'out', 'server', 'src'));
  return `
    const { StrategyDocument } = require(${out} + '/core/document');
    const { loadDefaultSchema } = require(${out} + '/host/schemaFile');
    const [a, item, z] = ${JSON.stringify(shape)};
    const schema = loadDefaultSchema();
    new StrategyDocument().analyze(a + item.repeat(1000) + z, schema);
    const text = a + item.repeat(${items}) + z;
    const before = process.resourceUsage().maxRSS * 1024;
    const analysis = new StrategyDocument().analyze(text, schema);
    const peak = process.resourceUsage().maxRSS * 1024;
    console.log(JSON.stringify({ grown: Math.max(0, peak - before), findings: analysis.findings.length }));`;
}

describe('memory per byte of input', function () {
  this.timeout(300_000);

  it('a 16 MiB file of one-character list items under an x- key (just under the default size limit) is refused with one finding, at once', () => {
    const text = `x-notes:\n${'- a\n'.repeat(Math.floor((DEFAULT_CONFIG.maxFileSize - 20) / 4))}`;
    const { analysis, ms } = analyzeChecked(text, { bound: 1000, what: 'a 16 MiB list of short values' });
    assert.deepStrictEqual(analysis.findings.map((finding) => finding.rule), ['yaml-syntax']);
    assert.match(analysis.findings[0].message, new RegExp(`more than ${MAX_STRUCTURE} lines, list items and values`));
    figures.refusedStructureMs = Math.round(ms);
  });

  it('the cost per unit of structure of five shapes, measured in fresh processes: the most a file within the limits can cost stays under 1.25 GB', () => {
    const measured: Record<string, { bytesPerUnit: number; bytesPerByte: number; projectedMb: number }> = {};
    for (const [name, shape] of Object.entries(SHAPES)) {
      const items = 15_000;
      const text = shape[0] + shape[1].repeat(items) + shape[2];
      const units = structureSize(text, Infinity);
      const result = child(measureScript(shape, items), 2048);
      assert.strictEqual(result.status, 0, `${name}: ${result.stderr}`);
      const { grown } = JSON.parse(result.stdout) as { grown: number };
      const bytesPerUnit = grown / units;
      // The largest file of this shape that is analysed: the structure budget or the size limit, whichever comes first.
      const largestUnits = Math.min(MAX_STRUCTURE, (DEFAULT_CONFIG.maxFileSize / text.length) * units);
      const projected = bytesPerUnit * largestUnits;
      measured[name] = { bytesPerUnit: Math.round(bytesPerUnit), bytesPerByte: Math.round(grown / text.length), projectedMb: Math.round(projected / 1e6) };
      assert.ok(projected < MAX_PROJECTED_BYTES, `${name}: ${Math.round(bytesPerUnit)} bytes per unit, ${Math.round(projected / 1e6)} MB for the largest file analysed`);
    }
    figures.memoryPerUnit = measured;
  });
});

describe('the structure count of an edited text', () => {
  /** Characters that change the count, line breaks of every kind among them. */
  const PIECES = ['- ', '-', ':', ': ', '? ', ',', '[', ']', '{', '}', 'x', ' ', '\n', '\r\n', '\r', '#', '-\n', ':\r'];

  it('counted again only over the lines an edit touched, equals the count of the whole text (random edits of every kind of line break)', () => {
    const next = seededRandom(4242);
    const piece = (): string => Array.from({ length: 1 + Math.floor(next() * 6) }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
    let text = Array.from({ length: 200 }, piece).join('');
    let size = structureSize(text, Infinity);
    for (let step = 0; step < 2000; step++) {
      const at = Math.floor(next() * (text.length + 1));
      const removed = next() < 0.5 ? Math.floor(next() * 8) : 0;
      const inserted = next() < 0.7 ? piece() : '';
      const edited = text.slice(0, at) + inserted + text.slice(Math.min(text.length, at + removed));
      const start = commonPrefix(text, edited);
      const suffix = commonSuffix(text, edited, Math.min(text.length, edited.length) - start);
      size = editedStructureSize(text, size, edited, start, text.length - suffix, edited.length - suffix);
      text = edited;
      assert.strictEqual(size, structureSize(text, Infinity), `step ${step}: ${JSON.stringify(text.slice(Math.max(0, at - 10), at + 20))}`);
    }
  });

  it('a document refuses a text with too much structure after an edit, and reads it again once the edit is undone, as a fresh document does', () => {
    // One unit per line: the lines of a block text.
    const line = '  a\n';
    const under = `x-notes: |\n${line.repeat(MAX_STRUCTURE - 100)}`;
    const over = `${under}${line.repeat(200)}`;
    const document = new StrategyDocument();
    const schema = loadDefaultSchema();
    for (const [text, refused] of [[under, false], [over, true], [under, false]] as const) {
      assert.strictEqual(document.analyze(text, schema).refused === true, refused);
      assert.strictEqual(new StrategyDocument().analyze(text, schema).refused === true, refused);
    }
  });
});
