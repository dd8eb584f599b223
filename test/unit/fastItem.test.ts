/**
 * The fast item parser (server/src/core/model/fastItem.ts) gives exactly the node tree of yaml's
 * composer, or declines: a differential test over every measure item of the examples and
 * of a generated strategy, over items generated from the grammar of the subset, and over
 * those items mutated with characters that matter to YAML. Equal means: the same
 * prototype and node type at every node, the same own enumerable properties with the same
 * values, and the same ranges (the composer's shifted to offsets of the whole text).
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { Composer, Document, isCollection, isMap, isPair, isScalar, isSeq, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { generateStrategy } from '../../bench/generate';
import { fastParseItem } from '../../server/src/core/model/fastItem';
import { PARSE_OPTIONS, scanMeasureLists } from '../../server/src/core/model/incremental';
import { boundedTokens } from '../../server/src/core/model/parseYaml';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';

const ROOT = path.join(__dirname, '..', '..', '..');
const schema = loadDefaultSchema();
const partKeys = new Set(schema.parts.map((part) => part.key));
const NODE_TYPE = Symbol.for('yaml.node.type');

/** Fixed seeds keep the test repeatable; the variables of the reliability suite explore further. */
const RUNS_FACTOR = Number(process.env.DGS_PROPERTY_RUNS_FACTOR ?? 1);
const runs = (count: number): number => Math.max(1, Math.round(count * RUNS_FACTOR));
const seed = (value: number): number => Number(process.env.DGS_PROPERTY_SEED ?? value);

type Range = [number, number, number];

/** The composer's node for a chunk parsed alone, as model/incremental.ts parses a run of items; undefined if it reports anything. */
function composed(chunk: string): { node: Node; count: number } | undefined {
  const documents = [...new Composer(PARSE_OPTIONS).compose(boundedTokens(chunk), true)];
  if (documents.length !== 1) return undefined;
  const [document] = documents;
  if (document.errors.length > 0 || document.warnings.length > 0 || !isSeq(document.contents)) return undefined;
  const items = document.contents.items as Array<Node | null>;
  return items.length > 0 && items[0] !== null ? { node: items[0], count: items.length } : undefined;
}

function shiftRanges(node: unknown, delta: number): void {
  if (isPair(node)) {
    shiftRanges(node.key, delta);
    shiftRanges(node.value, delta);
  } else if (isScalar(node) || isCollection(node)) {
    const range = node.range!;
    for (let index = 0; index < 3; index++) range[index] += delta;
    if (isCollection(node)) for (const item of node.items) shiftRanges(item, delta);
  }
}

/** Own enumerable properties, symbols included (what assert.deepStrictEqual compares). */
function ownKeys(value: object): Array<string | symbol> {
  return [...Object.keys(value), ...Object.getOwnPropertySymbols(value).filter((symbol) => Object.getOwnPropertyDescriptor(value, symbol)!.enumerable)];
}

/** Asserts that two trees are the same, naming the first place where they differ. */
function assertSameTree(actual: unknown, expected: unknown, where = 'item'): void {
  if (actual === null || typeof actual !== 'object' || expected === null || typeof expected !== 'object') {
    assert.ok(Object.is(actual, expected), `${where}: ${String(actual)} instead of ${String(expected)}`);
    return;
  }
  // A fast node's prototype inherits from the composer's node's (and carries the node type
  // and a collection's schema, which yaml's nodes hold as own non-enumerable properties).
  const expectedPrototype = Object.getPrototypeOf(expected) as object;
  const actualPrototype = Object.getPrototypeOf(actual) as object;
  const actualType = (actual as Record<symbol, unknown>)[NODE_TYPE];
  // Some tags make their scalars themselves: those are yaml's own nodes.
  const ownNode = actualPrototype === expectedPrototype;
  if (actualType === undefined || ownNode) {
    assert.strictEqual(actualPrototype, expectedPrototype, `${where}: another prototype`);
  } else {
    assert.strictEqual(Object.getPrototypeOf(actualPrototype), expectedPrototype, `${where}: another prototype`);
    assert.ok(!Object.getOwnPropertyDescriptor(actualPrototype, NODE_TYPE)!.enumerable, `${where}: an enumerable node type`);
  }
  assert.strictEqual(actualType, (expected as Record<symbol, unknown>)[NODE_TYPE], `${where}: another node type`);
  if (isCollection(expected)) {
    const schemaProperty = Object.getOwnPropertyDescriptor(ownNode ? actual : actualPrototype, 'schema');
    assert.ok(schemaProperty && !schemaProperty.enumerable, `${where}: schema property`);
    assert.strictEqual(Object.getPrototypeOf((actual as { schema: unknown }).schema), Object.getPrototypeOf(expected.schema), `${where}: schema`);
  }
  const keys = ownKeys(actual).map(String).sort();
  assert.deepStrictEqual(keys, ownKeys(expected).map(String).sort(), `${where}: other properties`);
  for (const key of ownKeys(actual)) {
    assertSameTree((actual as Record<string | symbol, unknown>)[key], (expected as Record<string | symbol, unknown>)[key], `${where}.${String(key)}`);
  }
}

/** Every range array under a node (the composer's collectRanges in model/incremental.ts). */
function rangesOf(node: unknown, into: Range[] = []): Range[] {
  if (isPair(node)) {
    rangesOf(node.key, into);
    rangesOf(node.value, into);
  } else if (isScalar(node) || isCollection(node)) {
    into.push(node.range as Range);
    if (isCollection(node)) for (const item of node.items) rangesOf(item, into);
  }
  return into;
}

/**
 * Runs the fast parser on text[start, end) and checks it against the composer: the same
 * tree, or a decline. Every range it made is in `ranges`, and a decline leaves `ranges` as
 * it was. Returns whether it parsed the item.
 */
function check(text: string, start: number, end: number): boolean {
  const before: Range = [-1, -1, -1];
  const ranges: Range[] = [before];
  const fast = fastParseItem(text, start, end, ranges);
  const chunk = text.slice(start, end);
  if (!fast) {
    assert.deepStrictEqual(ranges, [before], 'a decline leaves the ranges as they were');
    return false;
  }
  const expected = composed(chunk);
  assert.ok(expected, `the fast parser read an item that the composer reports a problem in:\n${chunk}`);
  assert.strictEqual(expected.count, 1, `the fast parser read one item where the composer finds ${expected.count}:\n${chunk}`);
  shiftRanges(expected.node, start);
  try {
    assertSameTree(fast, expected.node);
  } catch (error) {
    (error as Error).message += `\nin the chunk:\n${chunk}`;
    throw error;
  }
  const made = rangesOf(fast);
  assert.strictEqual(ranges.length, made.length + 1, 'every range is pushed once');
  assert.ok(made.every((range) => ranges.includes(range)), 'every range array of the tree is pushed');
  return true;
}

/** The measure items of a strategy text, as the incremental parse cuts them. */
function chunksOf(text: string): Array<{ start: number; end: number }> {
  const lists = scanMeasureLists(text, partKeys);
  assert.ok(lists, 'the scanner splits the strategy');
  return lists.flatMap((list) => list.chunks);
}

// The grammar of the subset, as trees that print to an item.
type Value =
  | { kind: 'plain' | 'single' | 'double'; text: string; trailing: string }
  | { kind: 'empty'; trailing: string }
  | { kind: 'flowSeq'; items: Value[]; inner: string; trailing: string }
  | { kind: 'flowMap'; entries: Array<[string, Value]>; inner: string; trailing: string }
  | { kind: 'block'; header: string; lines: Array<{ extra: number; text: string }>; trailing: number; deeper: number }
  | { kind: 'map'; entries: Entry[]; deeper: number }
  | { kind: 'seq'; items: Array<{ value: Value; blank: boolean }>; deeper: number };
interface Entry {
  key: string;
  value: Value;
  blank: boolean;
}

// Values mostly in the subset, and traps (each list's second part) that are not.
const KEYS = ['id', 'title', 'addresses', 'lead', 'due', 'x-note', 'depends-on', 'a b', '1', '2026', 'true', 'null', '0x1F', '.5', '_k', 'é', 'clé', 'ключ', '年', 'k.v', '$ref', 'a/b', '(x)', 'Null', 'no'];
const PLAIN = [
  'OPN-1', 'Modernise the land registry for researchers', '12%', '99%', '2028-12', '2027', '4500000', 'EUR', 'all', '0x1F', '0o17', '0o8', '1.50', '1.0',
  '1e3', '-2.5E-3', '-3', '+4', '.inf', '-.Inf', '.nan', '.NaN', 'true', 'False', 'TRUE', 'null', 'Null', '~', 'yes', 'no', '1.i', 'II.1.ii', 'a:b',
  'http://x.y/z', 'a [b] c', "it's", 'a "q" b', '-x', '--', '.', '0.', '007', '1_000', 'é ✓ 😀', 'x,y', 'a, b', 'a{b}', 'x %y', 'q?', 'a - b', '0x', '1e',
];
const PLAIN_TRAPS = ['-', '%x', '@x', '`x`', 'a:', 'a : b', '!x', '&x', '*x', '?x', ':x', '[]', '{}', '|', '>-', 'a # b'];
const QUOTED = ['', 'x', 'a b', ' padded ', "it''s", "''", 'a: b', 'a, b', '[x]', 'é 😀', '1', 'true', "x'y", 'x"y'];
const QUOTED_TRAPS = ['a\\b', '\\n', '# not a comment', "x'", 'x"'];
const FLOW_PLAIN = ['a', '1.i', 'II.1.ii', 'OPN-1', '2027', 'all', 'x y', 'Staff trained', '-1', '0.50', 'true', '~', 'a:b', 'http://x', 'é', 'q?', 'x y '];
const FLOW_TRAPS = ['-', 'a:', ':a', '[a]', '{a: b}', '', 'a,', '?'];
const BLOCK_TEXT = ['folded block scalar text over', 'several lines', 'a: b', '- not an item', '[not flow]', "'quoted'", 'x', 'é 😀', '---', '...'];

/** Mostly the values, now and then a trap. */
function mostly(values: string[], traps: string[]): fc.Arbitrary<string> {
  return fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fc.constantFrom(...traps) });
}

const spaces = fc.constantFrom('', '', '', ' ', '  ');
const plainValue: fc.Arbitrary<Value> = fc.record({ kind: fc.constant('plain' as const), text: mostly(PLAIN, PLAIN_TRAPS), trailing: spaces });
const quotedValue: fc.Arbitrary<Value> = fc.record({ kind: fc.constantFrom('single' as const, 'double' as const), text: mostly(QUOTED, QUOTED_TRAPS), trailing: spaces });
const flowScalar: fc.Arbitrary<Value> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('plain' as const), text: mostly(FLOW_PLAIN, FLOW_TRAPS), trailing: spaces }) },
  { weight: 1, arbitrary: quotedValue },
);
const flowValue: fc.Arbitrary<Value> = fc.oneof(
  fc.record({ kind: fc.constant('flowSeq' as const), items: fc.array(flowScalar, { maxLength: 4 }), inner: spaces, trailing: spaces }),
  fc.record({
    kind: fc.constant('flowMap' as const),
    entries: fc.array(fc.tuple(fc.constantFrom(...KEYS.slice(0, 12)), flowScalar), { maxLength: 4 }),
    inner: spaces,
    trailing: spaces,
  }),
);
const blockValue: fc.Arbitrary<Value> = fc.record({
  kind: fc.constant('block' as const),
  header: fc.oneof({ weight: 8, arbitrary: fc.constantFrom('|', '|-', '|+', '>', '>-', '>+', '> ', '|-  ') }, { weight: 1, arbitrary: fc.constantFrom('|2', '>1-', '|x', '|-+', '|+ x') }),
  lines: fc.array(
    fc.oneof({ weight: 5, arbitrary: fc.record({ extra: fc.constant(0), text: fc.constantFrom(...BLOCK_TEXT) }) }, { weight: 1, arbitrary: fc.record({ extra: fc.integer({ min: 0, max: 3 }), text: fc.constantFrom('', ...BLOCK_TEXT) }) }),
    { minLength: 1, maxLength: 4 },
  ),
  trailing: fc.constantFrom(0, 0, 1, 2),
  deeper: fc.constantFrom(2, 2, 1, 4),
});
const scalarValue: fc.Arbitrary<Value> = fc.oneof(
  { weight: 6, arbitrary: plainValue },
  { weight: 2, arbitrary: quotedValue },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('empty' as const), trailing: spaces }) },
);

const { value: anyValue } = fc.letrec<{ value: Value; map: Value; seq: Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3, withCrossShrink: true },
    { weight: 8, arbitrary: scalarValue },
    { weight: 3, arbitrary: flowValue },
    { weight: 2, arbitrary: blockValue },
    { weight: 2, arbitrary: tie('map') },
    { weight: 2, arbitrary: tie('seq') },
  ),
  map: fc.record({
    kind: fc.constant('map' as const),
    entries: fc.array(fc.record({ key: fc.constantFrom(...KEYS), value: tie('value'), blank: fc.boolean() }), { minLength: 1, maxLength: 4 }),
    deeper: fc.constantFrom(2, 2, 1, 3),
  }),
  seq: fc.record({
    kind: fc.constant('seq' as const),
    items: fc.array(fc.record({ value: tie('value'), blank: fc.boolean() }), { minLength: 1, maxLength: 3 }),
    deeper: fc.constantFrom(2, 2, 1, 4),
  }),
}));

const entries: fc.Arbitrary<Entry[]> = fc.array(fc.record({ key: fc.constantFrom(...KEYS), value: anyValue, blank: fc.boolean() }), { minLength: 1, maxLength: 6 });

function quote(kind: 'single' | 'double', text: string): string {
  return kind === 'single' ? `'${text}'` : `"${text}"`;
}

function flowText(value: Value): string {
  switch (value.kind) {
    case 'plain':
      return value.text + value.trailing;
    case 'single':
    case 'double':
      return quote(value.kind, value.text) + value.trailing;
    default:
      return '';
  }
}

/** The text of a value after `key:` or `- ` at column `column`: the rest of the line and the lines under it. */
function valueText(value: Value, column: number): string {
  switch (value.kind) {
    case 'plain':
      return ` ${value.text}${value.trailing}\n`;
    case 'single':
    case 'double':
      return ` ${quote(value.kind, value.text)}${value.trailing}\n`;
    case 'empty':
      return `${value.trailing}\n`;
    case 'flowSeq':
      return ` [${value.inner}${value.items.map(flowText).join(', ')}${value.inner}]${value.trailing}\n`;
    case 'flowMap':
      return ` {${value.inner}${value.entries.map(([key, item]) => `${key}: ${flowText(item)}`).join(', ')}${value.inner}}${value.trailing}\n`;
    case 'block': {
      const indent = column + value.deeper;
      const body = value.lines.map((line) => (line.text === '' ? '\n' : `${' '.repeat(indent + line.extra)}${line.text}\n`)).join('');
      return ` ${value.header}\n${body}${'\n'.repeat(value.trailing)}`;
    }
    case 'map': {
      const inner = column + value.deeper;
      return '\n' + mapText(value.entries, inner, ' '.repeat(inner));
    }
    case 'seq': {
      const inner = column + value.deeper;
      return '\n' + seqText(value.items, inner);
    }
  }
}

function mapText(items: Entry[], column: number, firstPrefix: string): string {
  return items
    .map((entry, index) => `${index > 0 && entry.blank ? '\n' : ''}${index === 0 ? firstPrefix : ' '.repeat(column)}${entry.key}:${valueText(entry.value, column)}`)
    .join('');
}

function seqText(items: Array<{ value: Value; blank: boolean }>, column: number): string {
  return items
    .map((item, index) => {
      const prefix = `${index > 0 && item.blank ? '\n' : ''}${' '.repeat(column)}-`;
      if (item.value.kind === 'map') return prefix + ' ' + mapText(item.value.entries, column + 2, '');
      if (item.value.kind === 'seq' || item.value.kind === 'empty') return `${prefix} x\n`;
      return prefix + valueText(item.value, column);
    })
    .join('');
}

/** An item at column `indent` with its trailing blank lines. */
function itemText(items: Entry[], indent: number, trailing: number): string {
  return `${' '.repeat(indent)}- ${mapText(items, indent + 2, '')}${'\n'.repeat(trailing)}`;
}

const generatedItem = fc.record({ entries, indent: fc.constantFrom(0, 2, 6, 6, 6), trailing: fc.constantFrom(0, 0, 1, 2) }).map(({ entries: items, indent, trailing }) => itemText(items, indent, trailing));

/**
 * Characters that matter to YAML, and some that do not, for mutations: first those the
 * parser reads, then those that make it decline wherever they are (less often, so that
 * most mutated items still test the parse).
 */
const NASTY = [':', '-', "'", '"', '[', ']', '{', '}', ',', ' ', '\n', '|', '>', '?', '&', '*', '!', '%', '@', '`', '\\', '0', '7', 'a', 'Z', 'é', '😀', ': ', '- ', '\n  ', '\n\n', '  ', '.', '+', '~'];
const NASTY_DECLINED = ['#', '\t', '\r', '\u2028', '\uFEFF', '\u0085', '\u0000'];

const mutation = fc.record({ at: fc.nat(), insert: fc.boolean(), piece: mostly(NASTY, NASTY_DECLINED), length: fc.integer({ min: 1, max: 3 }) });

function mutate(text: string, mutations: Array<{ at: number; insert: boolean; piece: string; length: number }>): string {
  for (const { at, insert, piece, length } of mutations) {
    const position = at % (text.length + 1);
    text = insert ? text.slice(0, position) + piece + text.slice(position) : text.slice(0, position) + text.slice(position + length);
  }
  return text;
}

/** Puts a chunk in a text, after a start and before a next item, as it is in a strategy. */
function placed(chunk: string, before: string, after: string): { text: string; start: number; end: number } {
  return { text: before + chunk + after, start: before.length, end: before.length + chunk.length };
}
const BEFORE = ['', 'objectives:\n  openness:\n    measures:\n', '#'];
const AFTER = ['', '      - id: NEXT-1\n', '  x: "unclosed\n', '\n\n'];

describe('fast item parser', function () {
  this.timeout(60_000);

  it('reads every measure item of the examples and of a generated strategy as the composer does', () => {
    const texts: Array<[string, string]> = [['generated', generateStrategy(schema, 400).text]];
    const folder = path.join(ROOT, 'examples');
    for (const name of fs.readdirSync(folder).filter((file) => file.endsWith('.strategy.yaml')).sort()) {
      texts.push([name, fs.readFileSync(path.join(folder, name), 'utf8')]);
    }
    for (const [name, text] of texts) {
      let parsed = 0;
      const withoutComments: string[] = [];
      const chunks = chunksOf(text);
      for (const { start, end } of chunks) {
        const chunk = text.slice(start, end);
        if (check(text, start, end)) parsed++;
        else if (!chunk.includes('#')) withoutComments.push(chunk);
      }
      // The fast path is really taken: only comments make it decline on these items.
      assert.deepStrictEqual(withoutComments, [], `${name}: declined items without comments`);
      assert.ok(parsed > 0, `${name}: no item parsed`);
      if (name === 'generated') assert.strictEqual(parsed, chunks.length, 'every generated item is parsed');
    }
  });

  it(`reads items generated from the grammar of the subset as the composer does (${runs(1500)} items)`, () => {
    let parsed = 0;
    fc.assert(
      fc.property(generatedItem, fc.constantFrom(...BEFORE), fc.constantFrom(...AFTER), (chunk, before, after) => {
        const { text, start, end } = placed(chunk, before, after);
        if (check(text, start, end)) parsed++;
      }),
      { numRuns: runs(1500), seed: seed(20260501) },
    );
    // The grammar has deliberate traps (escapes, indentation indicators, more-indented
    // folded lines, items the composer rejects), but most items are in the subset.
    assert.ok(parsed > runs(1500) * 0.35, `only ${parsed} generated items parsed`);
  });

  it(`reads mutated items as the composer does, or declines (${runs(2500)} items)`, () => {
    let parsed = 0;
    fc.assert(
      fc.property(generatedItem, fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.constantFrom(...AFTER), (chunk, mutations, after) => {
        const { text, start, end } = placed(mutate(chunk, mutations), BEFORE[1], after);
        if (check(text, start, end)) parsed++;
      }),
      { numRuns: runs(2500), seed: seed(20260502) },
    );
    assert.ok(parsed > runs(2500) * 0.05, `only ${parsed} mutated items parsed`);
  });

  it(`never throws on arbitrary text and bounds (${runs(500)} texts)`, () => {
    const soup = fc.array(fc.constantFrom(...NASTY, ...NASTY_DECLINED, 'id', 'x', '- a: b', '      - ', '\n        '), { maxLength: 40 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(soup, fc.integer({ min: -2, max: 60 }), fc.integer({ min: -2, max: 80 }), (text, start, end) => {
        const ranges: Range[] = [];
        const node = fastParseItem(text, start, end, ranges);
        if (node) check(text, start, end);
        else assert.strictEqual(ranges.length, 0);
      }),
      { numRuns: runs(500), seed: seed(20260503) },
    );
  });

  it('reads the edge cases of blank lines, block scalars, flow collections and formats as the composer does', () => {
    const items = [
      // Blank lines give the next key, item or collection its spaceBefore, or the null of an
      // empty value when no key of its mapping follows; spaces at the very end do not.
      '- a:\n\n  b: 1\n',
      '- a:\n\n',
      '- a:\n  ',
      '- x:\n    a:\n\n  b: 1\n',
      '- x:\n\n    - a\n\n    - b: 1\n\n      c: 2\n\n  d: 3\n',
      '- x:\n\n    a: 1\n  b:   \n  c: 2\n',
      '- a: x   \n      \n  b: "y"  \n',
      // Block scalars: kept trailing blank lines, folded blank lines, more-indented literal lines.
      '- a: |+\n    x\n\n\n',
      '- a: |+\n    x\n\n  b: 1\n',
      '- a: >\n    x\n\n\n    y\n    z\n\n  b: 1\n',
      '- a: |-\n    x\n      y\n\n    z\n',
      '- a: >-\n    x',
      '- a: |\n    x',
      '- l:\n    - |\n      x\n    - y\n',
      // Flow collections, quotes and the core schema's formats.
      "- a: [ ]\n  b: {}\n  c: [ x , 'y' ,\"z\" ]\n  d: { k: v , n: 1 }\n  e: 'it''s'\n",
      '- a: 1.50\n  b: 0x1F\n  c: 0o17\n  d: .nan\n  e: -.Inf\n  f: ~\n  g: 1e3\n  h: TRUE\n  1: null\n  true: x\n',
      '- a: b',
    ];
    for (const item of items) {
      for (const [before, after] of [['', ''], ['x:\n', '  - next\n']]) {
        const { text, start, end } = placed(item, before, after);
        assert.ok(check(text, start, end), `declined:\n${item}`);
      }
    }
  });

  it('makes nodes that yaml treats as its own', () => {
    const text = '    - id: OPN-1\n      amount: 1.50\n      flag: true\n      none:\n      list: [a, 0x1F]\n      map: { k: v }\n      text: |\n        line\n';
    const ranges: Range[] = [];
    const node = fastParseItem(text, 0, text.length, ranges);
    assert.ok(node && isMap(node) && node instanceof YAMLMap);
    const expected = composed(text)!.node;
    assert.deepStrictEqual(node.toJSON(), (expected as YAMLMap).toJSON());
    assert.strictEqual(String(node), String(expected));
    const pair = node.items[0];
    assert.ok(isPair(pair) && pair instanceof Pair && isScalar(pair.key) && pair.key instanceof Scalar);
    const list = node.get('list', true);
    assert.ok(isSeq(list) && list instanceof YAMLSeq && list.flow === true);
    assert.strictEqual(list.get(1), 31);
    assert.deepStrictEqual(node.clone().toJSON(), node.toJSON());
    assert.strictEqual(ranges.length, rangesOf(node).length);
    // In a document, the nodes convert and print as the composer's do.
    const document = new Document();
    document.contents = node;
    const expectedDocument = new Document();
    expectedDocument.contents = expected;
    assert.deepStrictEqual(node.toJS(document), expected.toJS(expectedDocument));
    assert.strictEqual(document.toString(), expectedDocument.toString());
  });

  it('declines what is outside the subset', () => {
    const declined = [
      '- id: A # a comment\n',
      '- id: &a A\n',
      '- id: *a\n',
      '- id: !!str A\n',
      '- ? id\n  : A\n',
      '- id: A\n\ttitle: B\n',
      '- id: A\r\n',
      '- id: "a\\nb"\n',
      "- id: 'a\n    b'\n",
      '- id: a\n    b\n',
      '- id: [a,\n    b]\n',
      '- id: |2\n    x\n',
      '- id: { a: [b] }\n',
      '- id: [a, b,]\n',
      '- "id": A\n',
      '- id: A\n- id: B\n',
      '- A\n',
      '-\n  id: A\n',
      '- id: A\n  id2:\n  - b\n',
      '- id: A\n  other: - b\n',
      '- id: A\n ? x\n',
      '- id: a: b\n',
      '- id: @x\n',
    ];
    for (const text of declined) assert.strictEqual(fastParseItem(text, 0, text.length, []), undefined, JSON.stringify(text));
  });
});
