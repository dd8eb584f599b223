/**
 * Bounds on the work of one analysis, whatever the input: values brought in by aliases
 * count their characters, messages quote short excerpts, no pattern backtracks on a long
 * line, no check compares every key with every other, and nothing the core keeps between
 * analyses holds a document's text. Each test measures processor time or a count of work
 * (characters, bytes of heap), and each input is generated here.
 */
import * as assert from 'assert';
import * as v8 from 'v8';
import * as vm from 'vm';
import { parseDocument } from 'yaml';
import { parseConfig } from '../../server/src/core/config';
import { parseDocumentBounded } from '../../server/src/core/model/parseYaml';
import { analyze } from '../../server/src/core/analyze';
import { keyAtStart, lineShape } from '../../server/src/features/cursorContext';
import { foldingRanges } from '../../server/src/features/folding';
import { completeAt } from '../../server/src/features/completion';
import { parseSchema } from '../../server/src/core/schema/parse';
import { readSuppressions } from '../../server/src/core/suppress';
import { EXCERPT_LENGTH, MAX_MESSAGE_LENGTH } from '../../server/src/core/text/excerpt';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { analyzeChecked, CLEAN_FIXTURE, figures, ROOT, SCHEMA, timed } from './helpers';
import * as fs from 'fs';
import * as path from 'path';

/** Processor time allowed for what must be linear and small here (the quadratic versions took seconds). */
const QUICK_MS = Number(process.env.DGS_QUICK_BOUND_MS ?? 400);

function messageCharacters(text: string): number {
  const analysis = analyzeChecked(text).analysis;
  return analysis.findings.reduce((sum, finding) => sum + finding.message.length + (finding.related ?? []).reduce((s, r) => s + r.message.length, 0), 0);
}

describe('bounds: aliases of large values', function () {
  this.timeout(60_000);

  it('a 100 kB value aliased 3,000 times as clause references: the characters count, one finding says so, messages quote excerpts', () => {
    const big = 'z'.repeat(100_000);
    const refs = Array(3000).fill('*big').join(', ');
    const text = CLEAN_FIXTURE.replace('addresses: [1.i, 1.iii]', `addresses: [&big ${big}, ${refs}]`);
    const { analysis, ms } = analyzeChecked(text, { what: 'a 100 kB value aliased 3,000 times' });
    const limit = analysis.findings.filter((finding) => /Too many aliases/.test(finding.message));
    assert.strictEqual(limit.length, 1, 'one finding says the aliases were not all followed');
    assert.match(limit[0].message, /characters/);
    const characters = analysis.findings.reduce((sum, finding) => sum + finding.message.length, 0);
    // Eleven aliases fit in the budget of 1,000,000 characters; each of their findings quotes 60 characters.
    assert.ok(characters < 20_000, `the findings carry ${characters} characters`);
    figures.aliasedLargeValue = { ms: Math.round(ms), findings: analysis.findings.length, characters };
  });

  it('every message quotes at most a short excerpt of a long value: keys, dates, ids, clause references, titles', () => {
    const long = 'q'.repeat(200_000);
    const cases = [
      CLEAN_FIXTURE.replace('due: 2027-06', `due: ${long}`),
      CLEAN_FIXTURE.replace('addresses: [1.i, 1.iii]', `addresses: [${long}]`),
      CLEAN_FIXTURE.replace('lead: Agency for Digitisation', `${long}: 1`),
      CLEAN_FIXTURE.replace('lead: Agency for Digitisation', `lead: x\n        lead${long}: 1\n        lead${long}: 2`),
      CLEAN_FIXTURE.replace('id: OPN-2', `id: A${long}`).replace('id: OPN-1', `id: A${long}`),
      CLEAN_FIXTURE.replace('status: adopted', `status: ${long}`),
      CLEAN_FIXTURE.replace('title: Transparency act update', `title: ${long}`).replace('lead: Ministry of Justice', ''),
    ];
    for (const text of cases) {
      const analysis = analyzeChecked(text).analysis;
      for (const finding of analysis.findings) {
        assert.ok(finding.message.length <= MAX_MESSAGE_LENGTH, `${finding.rule}: a message of ${finding.message.length} characters`);
        assert.ok(!finding.message.includes('q'.repeat(EXCERPT_LENGTH + 1)), `${finding.rule} quotes more than ${EXCERPT_LENGTH} characters: ${finding.message.slice(0, 200)}`);
      }
    }
    assert.ok(messageCharacters(cases[1]) < 2000);
  });
});

describe('bounds: patterns on long lines', function () {
  this.timeout(60_000);

  it('a suppression comment followed by 3,000 spaces is read in linear time', () => {
    const text = `# dgs-disable${' '.repeat(3000)}!\n# dgs-disable-next-line${' '.repeat(3000)}x y\n`;
    const { cpuMs } = timed(() => readSuppressions(new LineIndex(text)));
    assert.ok(cpuMs < QUICK_MS, `${Math.round(cpuMs)} ms`);
    const { result } = timed(() => readSuppressions(new LineIndex(`# dgs-disable   missing-lead ,  unknown-key   \n# dgs-disable-next-line due-outside-period\n`)));
    assert.deepStrictEqual([...result.file].sort(), ['missing-lead', 'unknown-key']);
    assert.deepStrictEqual([...(result.lines.get(2) ?? [])], ['due-outside-period']);
    assert.strictEqual(readSuppressions(new LineIndex('# dgs-disable missing-lead!\n')).file.size, 0);
    assert.strictEqual(readSuppressions(new LineIndex('# dgs-disablex missing-lead\n')).file.size, 0);
  });

  it('the key of a line of 200,000 characters is found in linear time (folding and completion read every line)', () => {
    const lines = [`a${' '.repeat(200_000)}b`, `a${'b '.repeat(100_000)}`, `"${' '.repeat(200_000)}`, `key${' '.repeat(200_000)}: value`];
    for (const line of lines) {
      const { cpuMs } = timed(() => lineShape(line));
      assert.ok(cpuMs < QUICK_MS, `${Math.round(cpuMs)} ms for ${JSON.stringify(line.slice(0, 20))}…`);
    }
    assert.strictEqual(lineShape(lines[3]).key, 'key');
    assert.deepStrictEqual(keyAtStart('"a b" : c'), { key: '"a b"', length: 7 });
    assert.deepStrictEqual(keyAtStart('a:b'), undefined);
    assert.deepStrictEqual(keyAtStart('a #b: c'), undefined);
    assert.deepStrictEqual(keyAtStart('title:'), { key: 'title', length: 6 });
  });

  it('folding and completion on a strategy with a line of 100,000 characters answer in linear time', () => {
    const text = CLEAN_FIXTURE.replace('lead: Ministry of Justice', `lead${' '.repeat(100_000)}x`);
    const analysis = analyze(text, SCHEMA);
    const folding = timed(() => foldingRanges(analysis));
    assert.ok(folding.cpuMs < QUICK_MS, `folding: ${Math.round(folding.cpuMs)} ms`);
    const offset = text.indexOf('x', text.indexOf('lead   '));
    const completion = timed(() => completeAt(analysis, offset));
    assert.ok(completion.cpuMs < QUICK_MS, `completion: ${Math.round(completion.cpuMs)} ms`);
  });
});

describe('bounds: duplicate keys are found in linear time', function () {
  this.timeout(60_000);

  /** Processor time of a plain parse of the text with no duplicate-key check at all: the linear reference. */
  function plainParseMs(text: string): number {
    return timed(() => parseDocument(text, { uniqueKeys: false })).cpuMs;
  }

  it('a .dgs.yaml of 10,000 keys costs about what a parse without any duplicate-key check costs; a duplicate is still reported', () => {
    const text = `rules:\n${Array.from({ length: 10_000 }, (_, i) => `  rule-${i}: off`).join('\n')}\n`;
    const reference = plainParseMs(text);
    const { cpuMs } = timed(() => parseDocumentBounded(text));
    assert.ok(cpuMs < 2 * reference + 150, `${Math.round(cpuMs)} ms, against ${Math.round(reference)} ms for a parse without the check`);
    const { cpuMs: configMs } = timed(() => parseConfig(text, '.dgs.yaml'));
    assert.ok(configMs < 4 * reference + 300, `the configuration: ${Math.round(configMs)} ms, against ${Math.round(reference)} ms for a parse`);
    const duplicate = parseConfig('rules:\n  missing-lead: off\n  missing-lead: error\n', '.dgs.yaml');
    assert.deepStrictEqual(
      duplicate.errors.map((error) => [error.line, error.message]),
      [[2, 'Map keys must be unique']],
    );
  });

  it('a schema of 10,000 keys costs about what a parse without the check costs; a duplicate key is still an error', () => {
    const schemaFile = path.join(ROOT, 'server', 'schema', fs.readdirSync(path.join(ROOT, 'server', 'schema')).find((name) => name.endsWith('.yaml'))!);
    const schemaText = fs.readFileSync(schemaFile, 'utf8');
    const text = `${schemaText}\nx-padding:\n${Array.from({ length: 10_000 }, (_, i) => `  k${i}: v`).join('\n')}\n`;
    const reference = plainParseMs(text);
    const { cpuMs } = timed(() => {
      try {
        parseSchema(text, 'big.yaml');
      } catch {
        // The shape may be refused; the time is what is measured here.
      }
    });
    assert.ok(cpuMs < 2 * reference + 300, `${Math.round(cpuMs)} ms, against ${Math.round(reference)} ms for a parse without the check`);
    assert.throws(() => parseSchema(`${schemaText}\nx-twice: 1\nx-twice: 2\n`, 'twice.yaml'), /Map keys must be unique/);
  });
});

describe('bounds: nothing kept between analyses holds a document', function () {
  this.timeout(60_000);

  it('the clause references of 40 documents of 500 kB do not keep the documents alive', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const padding = `# ${'p'.repeat(500_000)}\n`;
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 40; i++) {
      // A fresh text each time, with a reference of its own of 13 to 24 characters (a slice of the text in V8).
      const text = padding + CLEAN_FIXTURE.replace('addresses: [1.i, 1.iii]', `addresses: [1.i, 1.iii, ${String(i).padStart(6, '0')}.unknownref]`);
      analyze(text, SCHEMA);
    }
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    figures.heapAfter40Documents = grown;
    assert.ok(grown < 8_000_000, `the heap grew by ${grown} bytes after 40 documents of 500 kB were analysed and dropped`);
  });
});
