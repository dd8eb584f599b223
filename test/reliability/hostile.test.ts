/**
 * Hostile YAML: files built to exhaust time, memory or the stack, or to make the tool run or
 * read something. Each must be answered within the time bound, with every range inside the
 * text, and with a finding that says what is wrong where that is the honest answer.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import realFs = require('fs');
import * as path from 'path';
import { Analysis } from '../../server/src/core/analyze';
import { DEFAULT_CONFIG, DEFAULT_MAX_FILE_SIZE } from '../../server/src/core/config';
import { StrategyDocument } from '../../server/src/core/document';
import { MAX_NESTING } from '../../server/src/core/model/parseYaml';
import { MAX_ALIAS_EXPANSION } from '../../server/src/core/model/walk';
import { analyzeChecked, CLEAN_FIXTURE, ROOT, TIME_BOUND_MS } from './helpers';

function rules(analysis: Analysis): string[] {
  return [...new Set(analysis.findings.map((finding) => finding.rule))].sort();
}

function only(analysis: Analysis, rule: string, pattern: RegExp): void {
  assert.deepStrictEqual(
    analysis.findings.map((finding) => finding.rule),
    [rule],
    `expected one ${rule} finding, got: ${analysis.findings.map((finding) => `${finding.rule}: ${finding.message}`).join('\n')}`,
  );
  assert.match(analysis.findings[0].message, pattern);
}

function count(analysis: Analysis, rule: string, pattern?: RegExp): number {
  return analysis.findings.filter((finding) => finding.rule === rule && (!pattern || pattern.test(finding.message))).length;
}

/** The clean fixture with one line replaced: a hostile value in an otherwise valid strategy. */
function cleanWith(needle: string, replacement: string): string {
  assert.ok(CLEAN_FIXTURE.includes(needle), `the clean fixture has no ${JSON.stringify(needle)}`);
  return CLEAN_FIXTURE.replace(needle, replacement);
}

const TOO_MANY_ALIASES = /Too many aliases/;
const TOO_DEEP = new RegExp(`nest more than ${MAX_NESTING} levels deep`);

interface HostileCase {
  name: string;
  text: () => string;
  expect: (analysis: Analysis, text: string) => void;
}

/** The classic "billion laughs": ten levels, each a list of nine aliases of the level below. */
function billionLaughs(indent: string, keyPrefix: string): string {
  let text = `${indent}${keyPrefix}0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
  for (let level = 1; level < 10; level++) text += `${indent}${keyPrefix}${level}: &l${level} [${Array(9).fill(`*l${level - 1}`).join(', ')}]\n`;
  return text;
}

const ALIAS_CASES: HostileCase[] = [
  {
    name: 'billion laughs at the top level, the last level under a part',
    text: () => `${billionLaughs('', 'x-')}objectives: *l9\n`,
    expect: (analysis) => assert.ok(count(analysis, 'type-mismatch') >= 1, 'the part that is a list is a type-mismatch'),
  },
  {
    name: 'billion laughs as a section\'s measures and summary',
    text: () => `strategy:\n${billionLaughs('  ', 'x-')}objectives:\n  openness:\n    summary: *l9\n    measures: *l9\n`,
    expect: (analysis) => assert.ok(count(analysis, 'type-mismatch') >= 1),
  },
  {
    name: 'a doubling bomb of measures: 2^30 measures from 30 lines',
    text: () => {
      let text = 'x-0: &m0 [{ id: A, title: T, addresses: [1.i], lead: L, indicators: [{ name: N, target: 1 }] }]\n';
      for (let level = 1; level <= 30; level++) text += `x-${level}: &m${level} [*m${level - 1}, *m${level - 1}]\n`;
      return `${text}objectives:\n  openness:\n    summary: Open.\n    measures: *m30\n`;
    },
    expect: (analysis) => assert.ok(analysis.model.measures.length <= 1, 'a list of lists is not a list of measures'),
  },
  {
    name: 'a doubling bomb of mappings: each level a mapping of two aliases of the level below',
    text: () => {
      let text = 'x-0: &a0 { title: T }\n';
      for (let level = 1; level <= 40; level++) text += `x-${level}: &a${level} { x-a: *a${level - 1}, x-b: *a${level - 1}, government: *a${level - 1} }\n`;
      return `${text}strategy: *a40\n`;
    },
    expect: () => undefined,
  },
  {
    name: 'one measure of 5,000 clause references aliased 2,000 times (amplification: 10 million values)',
    text: () =>
      `x-m: &m { id: A, title: T, lead: L, addresses: [${Array(5000).fill('1.i').join(',')}] }\nobjectives:\n  openness:\n    summary: Open.\n    measures: [${Array(2000).fill('*m').join(',')}]\n`,
    expect: (analysis) => {
      assert.strictEqual(count(analysis, 'type-mismatch', TOO_MANY_ALIASES), 1, 'one finding says the aliases are not all followed');
      const references = analysis.model.references.length;
      assert.ok(references <= MAX_ALIAS_EXPANSION, `${references} clause references were read through aliases, more than the budget`);
    },
  },
  {
    name: '4,000 aliases in a document of 50,000 values (alias resolution must not be quadratic)',
    text: () =>
      `x-pad: [${Array.from({ length: 50_000 }, (_, i) => i % 10).join(',')}]\nx-m: &m { id: A, title: T, addresses: [1.i], lead: L, indicators: [{ name: N, target: 1 }] }\nobjectives:\n  openness:\n    summary: Open.\n    measures: [${Array(4000).fill('*m').join(',')}]\n`,
    expect: (analysis) => assert.strictEqual(analysis.model.measures.length, 4000, 'aliases within the budget are all followed'),
  },
  {
    name: '30,000 aliases of a scalar, past every budget: one finding, not 20,000',
    text: () => `x-a: &a 1.i\nobjectives:\n  openness:\n    summary: Open.\n    measures:\n      - { id: A, title: T, lead: L, addresses: [${Array(30_000).fill('*a').join(',')}] }\n`,
    expect: (analysis) => {
      assert.strictEqual(count(analysis, 'type-mismatch', TOO_MANY_ALIASES), 1);
      assert.ok(analysis.findings.length < 100, `${analysis.findings.length} findings`);
    },
  },
  {
    name: 'aliases that refer to themselves or to their own container',
    text: () =>
      'strategy: &s { title: *s, government: G, level: national, period: &p { from: *p, to: 2030 }, status: draft, lead: L }\nobjectives: &o\n  openness: &x\n    summary: *x\n    measures: &m [*m, *o, *x]\n',
    expect: (analysis) => assert.ok(count(analysis, 'type-mismatch') >= 3),
  },
  {
    name: 'an alias of an anchor that is defined later, or never',
    text: () => 'strategy: *later\nx-a: &later { title: T }\nobjectives: *nowhere\n',
    expect: (analysis) => assert.ok(analysis.findings.length > 0),
  },
];

/** Nesting `depth` levels deep in several shapes: the YAML composer recurses once per level. */
const NESTINGS: Array<{ name: string; make: (depth: number) => string }> = [
  { name: 'flow sequences', make: (depth) => `strategy: ${'['.repeat(depth)}${']'.repeat(depth)}\n` },
  { name: 'flow sequences never closed', make: (depth) => `strategy: ${'['.repeat(depth)}\n` },
  { name: 'flow mappings', make: (depth) => `strategy: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n` },
  { name: 'flow pairs in sequences', make: (depth) => `strategy: ${'[a: '.repeat(depth)}1${']'.repeat(depth)}\n` },
  { name: 'compact block sequences', make: (depth) => `strategy:\n  title: T\nx-deep:\n  ${'- '.repeat(depth)}x\n` },
  { name: 'explicit keys', make: (depth) => `${'? '.repeat(depth)}x\n` },
  { name: 'indented block mappings', make: (depth) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}a${i}:`).join('\n') + ' x\n' },
  { name: 'block sequences of mappings', make: (depth) => 'x-a:\n' + Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- b:`).join('\n') + ' x\n' },
  { name: 'flow inside a measure', make: (depth) => cleanWith('addresses: [1.i, 1.iii]', `addresses: ${'['.repeat(depth)}1.i${']'.repeat(depth)}`) },
];

const DEPTHS = [10_000, 100_000];

describe('hostile YAML', function () {
  this.timeout(60_000);

  describe('alias bombs: aliases are followed within budgets (count and expanded size)', () => {
    for (const hostile of ALIAS_CASES) {
      it(hostile.name, () => {
        const text = hostile.text();
        const { analysis } = analyzeChecked(text, { what: hostile.name });
        hostile.expect(analysis, text);
      });
    }
  });

  describe(`nesting thousands deep: refused past ${MAX_NESTING} levels with one finding at the place, never a crash`, () => {
    for (const nesting of NESTINGS) {
      for (const depth of DEPTHS) {
        it(`${nesting.name}, ${depth.toLocaleString('en')} levels`, () => {
          // Indented block mappings grow with the square of the depth: 3,000 levels are 4.5 MB.
          const levels = nesting.name.startsWith('indented') || nesting.name.startsWith('block sequences') ? Math.min(depth, 3_000) : depth;
          const text = nesting.make(levels);
          const { analysis } = analyzeChecked(text, { what: `${nesting.name} ${levels} deep` });
          only(analysis, 'yaml-syntax', TOO_DEEP);
          const position = analysis.model.lines.positionAt(analysis.findings[0].span.start);
          assert.ok(analysis.findings[0].span.start > 0 || position.line === 0, 'the finding points where the nesting gets too deep');
        });
      }
    }

    it(`nesting of exactly ${MAX_NESTING} levels is still read; one more is not`, () => {
      const at = (depth: number) => `strategy:\n  title: T\nx-deep: ${'['.repeat(depth - 2)}${']'.repeat(depth - 2)}\n`;
      const within = analyzeChecked(at(MAX_NESTING)).analysis;
      assert.strictEqual(count(within, 'yaml-syntax'), 0, within.findings.map((finding) => finding.message).join('\n'));
      const beyond = analyzeChecked(at(MAX_NESTING + 1)).analysis;
      only(beyond, 'yaml-syntax', TOO_DEEP);
      assert.strictEqual(beyond.model.lines.positionAt(beyond.findings[0].span.start).line, 2, 'the finding is on the line that nests too deep');
    });

    it('a deep measure in a large file read incrementally (the parse cache) is refused the same way, at the same place', () => {
      const measures = Array.from({ length: 400 }, (_, i) => `      - id: M-${i}\n        title: Measure ${i}\n        addresses: [1.i]\n        lead: L\n`).join('');
      const base = `strategy:\n  title: T\nobjectives:\n  openness:\n    summary: Open.\n    measures:\n${measures}`;
      const document = new StrategyDocument();
      analyzeChecked(base, { document });
      const deep = base.replace('addresses: [1.i]\n        lead: L\n      - id: M-200', `addresses: ${'['.repeat(5000)}\n        lead: L\n      - id: M-200`);
      const cached = analyzeChecked(deep, { document }).analysis;
      const whole = analyzeChecked(deep).analysis;
      only(cached, 'yaml-syntax', TOO_DEEP);
      assert.deepStrictEqual(cached.findings, whole.findings);
    });

    it('the depths that once aborted the whole process (V8: "RegExpCompiler Allocation failed") now answer, in one process', function () {
      // A regression would abort the process, so the sequence runs in a child of its own.
      const script = `
        const { analyze } = require(${JSON.stringify(path.join(ROOT, 'out', 'server', 'src', 'core', 'analyze.js'))});
        const { loadDefaultSchema } = require(${JSON.stringify(path.join(ROOT, 'out', 'server', 'src', 'host', 'schemaFile.js'))});
        const schema = loadDefaultSchema();
        let answered = 0;
        for (const make of [(n) => '['.repeat(n) + ']'.repeat(n), (n) => '- '.repeat(n) + 'x', (n) => '{a: '.repeat(n) + '}'.repeat(n)]) {
          // The binary search that found the limit: each depth once, deep ones first.
          let low = 10, high = 20000;
          while (low < high) {
            const middle = (low + high + 1) >> 1;
            const analysis = analyze(make(middle), schema);
            answered++;
            if (analysis.findings.some((finding) => /nest/.test(finding.message))) high = middle - 1; else low = middle;
          }
        }
        process.stdout.write(String(answered));
      `;
      const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000 });
      assert.strictEqual(result.signal, null, `the child was killed by ${result.signal}: ${result.stderr.slice(-500)}`);
      assert.strictEqual(result.status, 0, result.stderr.slice(-1000));
      assert.ok(Number(result.stdout) >= 30, `answered ${result.stdout}`);
    });
  });

  describe('very long lines', () => {
    const MB = 1 << 20;
    const cases: Array<{ name: string; text: () => string; expect?: (analysis: Analysis) => void }> = [
      { name: 'a 1 MB title', text: () => cleanWith('title: Digital Government Strategy 2026-2030', `title: ${'x'.repeat(MB)}`), expect: (analysis) => assert.deepStrictEqual(rules(analysis), []) },
      { name: 'a 1 MB quoted title with escapes', text: () => cleanWith('title: Digital Government Strategy 2026-2030', `title: "${'\\u00e9\\t'.repeat(MB / 8)}"`) },
      { name: 'a 1 MB comment', text: () => `# ${'#'.repeat(MB)}\n${CLEAN_FIXTURE}`, expect: (analysis) => assert.deepStrictEqual(rules(analysis), []) },
      { name: 'a 1 MB key', text: () => cleanWith('  lead: Ministry of Digital Affairs\n', `  lead: Ministry of Digital Affairs\n  ? ${'k'.repeat(MB)}\n  : v\n`), expect: (analysis) => assert.deepStrictEqual(rules(analysis), ['unknown-key']) },
      { name: 'a 1 MB plain key (too long for an implicit key)', text: () => `${'k'.repeat(MB)}: v\n` },
      { name: 'a 1 MB clause reference', text: () => cleanWith('addresses: [1.i, 1.iii]', `addresses: [1.i, 1.iii, ${'1'.repeat(MB)}.i]`), expect: (analysis) => assert.deepStrictEqual(rules(analysis), ['unknown-clause']) },
      { name: 'a 1 MB roman numeral clause reference', text: () => cleanWith('addresses: [1.i, 1.iii]', `addresses: [1.i, 1.iii, ${'I'.repeat(MB)}x]`), expect: (analysis) => assert.deepStrictEqual(rules(analysis), ['unknown-clause']) },
      { name: 'a 1 MB measure id', text: () => cleanWith('id: OPN-1', `id: O${'1'.repeat(MB)}`) },
      { name: 'a 1 MB depends-on id', text: () => cleanWith('      - id: OPN-1\n', `      - id: OPN-1\n        depends-on: [${'Q'.repeat(MB)}]\n`), expect: (analysis) => assert.deepStrictEqual(rules(analysis), ['unknown-reference']) },
      { name: 'a 1 MB date', text: () => cleanWith('adopted-on: 2026-03-01', `adopted-on: 2026-${'0'.repeat(MB)}1`), expect: (analysis) => assert.deepStrictEqual(rules(analysis), ['invalid-date']) },
      { name: '1 MB of placeholders and ellipses in a summary', text: () => cleanWith('summary: Government processes become open, transparent and inclusive.', `summary: "${'TOD . .. ....x lorem \\t '.repeat(MB / 24)}"`) },
      { name: 'lorem followed by 1 MB of spaces', text: () => cleanWith('summary: Government processes become open, transparent and inclusive.', `summary: "lorem${' '.repeat(MB)}ipsu"`) },
      { name: 'a flow mapping of 20,000 duplicate keys', text: () => `x-a: 1\nstrategy: {${Array(20_000).fill('title: T').join(',')}}\n`, expect: (analysis) => assert.strictEqual(count(analysis, 'duplicate-key'), 19_999) },
      { name: '10,000 unknown keys', text: () => `strategy:\n${Array.from({ length: 10_000 }, (_, i) => `  key-${i}: v`).join('\n')}\n` },
      { name: 'a single line of 1 MB without a line break', text: () => 'a'.repeat(MB) },
    ];
    for (const hostile of cases) {
      it(hostile.name, () => {
        const text = hostile.text();
        const { analysis } = analyzeChecked(text, { what: hostile.name });
        hostile.expect?.(analysis);
      });
    }
  });

  describe('many findings of one kind', () => {
    it('20,000 measure references that no measure has, among 1,000 measures (the suggestions must not compare every pair)', () => {
      const measures = Array.from({ length: 1000 }, (_, i) => {
        const references = Array.from({ length: 20 }, (_, k) => `Q${(i * 20 + k).toString(36).padStart(5, '0')}`);
        return `      - { id: M${i.toString(36).padStart(5, '0')}, title: T, addresses: [1.i], lead: L, depends-on: [${references.join(', ')}] }`;
      });
      const text = `strategy:\n  title: T\nobjectives:\n  openness:\n    summary: Open.\n    measures:\n${measures.join('\n')}\n`;
      const { analysis } = analyzeChecked(text, { what: '20,000 unknown references' });
      assert.strictEqual(count(analysis, 'unknown-reference'), 20_000);
    });

    it('2,000 measures, every other one sharing an id, each depending on the next (duplicate ids, a long dependency chain)', () => {
      const measures = Array.from({ length: 2_000 }, (_, i) => `      - { id: M-${i % 2 === 0 ? 'X' : i}, title: T, addresses: [1.i], lead: L, depends-on: [M-${i + 1}, M-X] }`);
      const text = `strategy:\n  title: T\nobjectives:\n  openness:\n    summary: Open.\n    measures:\n${measures.join('\n')}\n`;
      const { analysis } = analyzeChecked(text, { what: '2,000 measures in a chain' });
      assert.strictEqual(count(analysis, 'duplicate-id'), 999);
    });
  });

  describe('a file larger than the configured limit', () => {
    it('is not analysed: one finding on the first line says why and how to change the limit', () => {
      const config = { ...DEFAULT_CONFIG, maxFileSize: 1000 };
      const text = `# dgs-strategy\n${'x-a: padding\n'.repeat(100)}`;
      const { analysis } = analyzeChecked(text, { config });
      only(analysis, 'yaml-syntax', new RegExp(`${Buffer.byteLength(text)} bytes long, over the limit of 1000 bytes; it was not analysed.*max-file-size`));
      assert.deepStrictEqual(analysis.model.lines.rangeOf(analysis.findings[0].span), { start: { line: 0, character: 0 }, end: { line: 0, character: 14 } });
      assert.deepStrictEqual(analysis.coverage.addressed, []);
    });

    it('counts bytes as the file on disk has them (UTF-8), not characters', () => {
      const config = { ...DEFAULT_CONFIG, maxFileSize: 1000 };
      // 600 euro signs: 600 characters, 1800 bytes.
      const over = analyzeChecked(`x-a: ${'€'.repeat(600)}\n`, { config }).analysis;
      only(over, 'yaml-syntax', /over the limit of 1000 bytes/);
      // 400 é: 400 characters, 800 bytes.
      const under = analyzeChecked(`x-a: ${'é'.repeat(400)}\n`, { config }).analysis;
      assert.strictEqual(count(under, 'yaml-syntax'), 0);
    });

    it(`with the default limit (${DEFAULT_MAX_FILE_SIZE} bytes), a larger file is refused at once`, () => {
      const text = `# dgs-strategy\n${'['.repeat(DEFAULT_MAX_FILE_SIZE)}`;
      const { analysis, ms } = analyzeChecked(text, { bound: Math.min(TIME_BOUND_MS, 2000) });
      only(analysis, 'yaml-syntax', /over the limit/);
      assert.ok(ms < 2000, `${ms} ms`);
    });

    it('a file over the limit is not analysed even when yaml-syntax is turned off', () => {
      const config = { ...DEFAULT_CONFIG, maxFileSize: 100, rules: { 'yaml-syntax': 'off' as const } };
      const { analysis } = analyzeChecked('x-a: padding\n'.repeat(20), { config });
      assert.ok(analysis.findings.length <= 1);
      assert.strictEqual(analysis.model.measures.length, 0);
    });
  });

  describe('NUL and control characters', () => {
    const controls = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).filter((char) => char !== '\n' && char !== '\r').join('');
    const cases: Array<[string, string]> = [
      ['NUL in a value', cleanWith('title: Digital Government Strategy 2026-2030', 'title: Digital\u0000Government')],
      ['NUL in a key', cleanWith('  lead: Ministry of Digital Affairs', '  le\u0000ad: Ministry of Digital Affairs')],
      ['NUL at the start of the file', `\u0000${CLEAN_FIXTURE}`],
      ['every C0 control character in a value', cleanWith('title: Digital Government Strategy 2026-2030', `title: a${controls}b`)],
      ['every C0 control character in a comment', `# ${controls}\n${CLEAN_FIXTURE}`],
      ['every C0 control character in a double-quoted value', cleanWith('title: Digital Government Strategy 2026-2030', `title: "a${controls.replace('"', '')}b"`)],
      ['DEL and C1 controls', cleanWith('title: Digital Government Strategy 2026-2030', 'title: a\u007f\u0080\u0085\u009fb')],
      ['NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR as line breaks', CLEAN_FIXTURE.replace(/\n {2}lead/g, '\u0085  lead').replace('\n  level', '\u2028  level').replace('\n  period', '\u2029  period')],
      ['lone surrogates', cleanWith('title: Digital Government Strategy 2026-2030', 'title: \ud800a\udc00b\udbff')],
      ['a lone surrogate as a key', `\ud800: x\n${CLEAN_FIXTURE}`],
      ['noncharacters and a byte order mark in the middle', cleanWith('title: Digital Government Strategy 2026-2030', 'title: a\ufffe\uffff\ufeffb')],
      ['the replacement character of invalid UTF-8', cleanWith('title: Digital Government Strategy 2026-2030', 'title: caf\ufffd \ufffd\ufffd')],
      ['a lone carriage return inside a line', CLEAN_FIXTURE.replace('  government:', '  x-note: a\rb\n  government:')],
      ['a form feed and vertical tab as indentation', CLEAN_FIXTURE.replace('  government:', '\f\v government:')],
    ];
    for (const [name, text] of cases) {
      it(name, () => {
        analyzeChecked(text, { what: name });
      });
    }

    it('a file of nothing but control characters and NULs, 100 kB', () => {
      let text = '';
      for (let i = 0; i < 100_000; i++) text += String.fromCharCode((i * 7919) % 32);
      analyzeChecked(text);
    });
  });

  describe('custom tags are plain data: nothing is executed, resolved or read', () => {
    const marker = '__dgsReliabilityExecuted';
    const sentinel = path.join(ROOT, 'out', 'test', 'reliability', 'tag-executed.txt');
    const evil = [
      `title: !!js/function "function () { globalThis.${marker} = true; return 1; }"`,
      `government: !!js/eval "globalThis.${marker} = true"`,
      'lead: !include /etc/passwd',
      `level: !!python/object/apply:os.system ["touch ${sentinel}"]`,
      `status: !<tag:yaml.org,2002:js/function> "function () { globalThis.${marker} = true }"`,
      'x-a: !!js/regexp /(a+)+$/',
      'x-b: !!js/undefined ""',
      'x-c: !ruby/object:Gem::Installer { i: x }',
      'x-d: !include { file: ../../../../etc/shadow }',
      'x-e: !!binary aGVsbG8=',
      'x-f: !!set { a, b }',
      'x-g: !!omap [ a: 1, b: 2 ]',
      'x-h: !!timestamp 2001-12-14',
      'x-i: !!int not-a-number',
      'x-j: !env ${HOME}',
      'x-k: !file:///etc/passwd x',
      'x-l: !http://example.com/tag x',
    ];

    const guarded = ['readFileSync', 'readFile', 'openSync', 'open', 'existsSync', 'statSync', 'stat', 'lstatSync', 'readdirSync', 'realpathSync', 'createReadStream', 'writeFileSync', 'appendFileSync'] as const;

    it('a strategy full of tags is analysed as data, with no file system access and nothing run', () => {
      if (fs.existsSync(sentinel)) fs.unlinkSync(sentinel);
      const text = `%TAG !e! tag:evil.example.com,2000:\n---\n${cleanWith('  title: Digital Government Strategy 2026-2030\n', `  ${evil.join('\n  ')}\n  x-m: !e!module { require: child_process }\n`).replace(/^ {2}(government|lead|level|status): (?!!).*\n/gm, '')}`;
      const touched: string[] = [];
      const fsRecord = realFs as unknown as Record<string, unknown>;
      const originals = new Map(guarded.map((name) => [name, fsRecord[name]]));
      for (const name of guarded) {
        fsRecord[name] = (...args: unknown[]) => {
          touched.push(`${name}(${String(args[0])})`);
          throw new Error(`the analysis called fs.${name}`);
        };
      }
      let analysis: Analysis;
      try {
        analysis = analyzeChecked(text).analysis;
      } finally {
        for (const [name, original] of originals) fsRecord[name] = original;
      }
      assert.deepStrictEqual(touched, [], 'the analysis touched the file system');
      assert.strictEqual((globalThis as Record<string, unknown>)[marker], undefined, 'a tag ran code');
      assert.ok(!fs.existsSync(sentinel), 'a tag ran a command');
      const entries = analysis.model.strategy?.entries;
      assert.strictEqual(entries?.get('title')?.value.scalar, `function () { globalThis.${marker} = true; return 1; }`, 'the tagged value is its text');
      assert.strictEqual(entries?.get('lead')?.value.scalar, '/etc/passwd', '!include is the path as text, not the file');
      assert.ok(!analysis.findings.some((finding) => /root:/.test(finding.message)), 'nothing of /etc/passwd appears');
    });

    it('tags on the structure (a tagged part, section or measure) do not change what is checked', () => {
      const tagged = CLEAN_FIXTURE.replace('objectives:', 'objectives: !include').replace('  openness:', '  openness: !!map').replace('      - id: OPN-1', '      - !!js/object\n        id: OPN-1');
      const plain = analyzeChecked(CLEAN_FIXTURE).analysis;
      const analysis = analyzeChecked(tagged).analysis;
      assert.deepStrictEqual(rules(analysis), rules(plain));
      assert.deepStrictEqual(analysis.coverage.addressed, plain.coverage.addressed);
    });

    it('keys named like object internals pollute nothing', () => {
      const text = cleanWith('  lead: Ministry of Digital Affairs\n', '  lead: Ministry of Digital Affairs\n  __proto__: { polluted: yes }\n  constructor: { prototype: { polluted: yes } }\n  hasOwnProperty: x\n  toString: x\n')
        .replace('objectives:', '__proto__: { polluted: yes }\nobjectives:')
        .replace('  openness:', '  __proto__:\n    summary: x\n  constructor: x\n  openness:');
      const { analysis } = analyzeChecked(text);
      assert.strictEqual(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype was polluted');
      assert.ok(count(analysis, 'unknown-key') >= 5, analysis.findings.map((finding) => finding.message).join('\n'));
    });
  });

  describe('odd scalars', () => {
    it('infinite, not-a-number, huge and negative numbers where numbers and years are due', () => {
      const text = CLEAN_FIXTURE.replace('period: { from: 2026, to: 2030 }', 'period: { from: .inf, to: -.inf }')
        .replace('amount: 1000000', 'amount: .nan')
        .replace('adopted-on: 2026-03-01', 'adopted-on: 99999999999999999999999999999')
        .replace('addresses: [1.i, 1.iii]', 'addresses: [1.i, 1.iii, 1e999, -0, 0x1F, 0o17, .NaN]');
      const { analysis } = analyzeChecked(text);
      assert.ok(count(analysis, 'type-mismatch') >= 2);
      assert.ok(count(analysis, 'unknown-clause') >= 4);
    });

    it('keys that are not text: lists, mappings, null, numbers, booleans', () => {
      const text = `? [a, b]\n: x\n? { c: d }\n: y\n: z\n1: one\ntrue: yes\n~: null\n${CLEAN_FIXTURE}`;
      const { analysis } = analyzeChecked(text);
      assert.ok(count(analysis, 'unknown-key') >= 4, analysis.findings.map((finding) => finding.message).join('\n'));
    });
  });
});
