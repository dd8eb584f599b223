/** The file's layout as fixes read it, and templates re-indented to it. */
import * as assert from 'assert';
import { parse, parseDocument } from 'yaml';
import { blockEndLine, detectLayout, entryFirstLine, Layout, reindent, yamlScalar } from '../../server/src/features/fixes/layout';
import { quoteLike } from '../../server/src/features/fixes/replace';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { lines } from './fixHelpers';

function layoutOf(text: string): Layout {
  return detectLayout(text, new LineIndex(text), parseDocument(text) as never);
}

describe('the layout of a file', () => {
  const cases: { name: string; text: string; layout: Layout }[] = [
    { name: '2 spaces, lists indented', text: lines('a:', '  b:', '    - x'), layout: { eol: '\n', unit: 2, seqIndent: 2 } },
    { name: '4 spaces, lists at their key', text: lines('a:', '    b:', '    - x', '    c:', '        d: 1'), layout: { eol: '\n', unit: 4, seqIndent: 0 } },
    { name: '3 spaces, CRLF', text: 'a:\r\n   b:\r\n      c: 1\r\n', layout: { eol: '\r\n', unit: 3, seqIndent: 3 } },
    { name: 'the most common step wins', text: lines('a:', '  b: 1', 'c:', '  d: 1', 'e:', '    f: 1'), layout: { eol: '\n', unit: 2, seqIndent: 2 } },
    { name: 'only lists: their step', text: lines('a:', '   - 1'), layout: { eol: '\n', unit: 3, seqIndent: 3 } },
    { name: 'nothing nested (flow only): 2 spaces', text: lines('a: { b: 1 }'), layout: { eol: '\n', unit: 2, seqIndent: 2 } },
    { name: 'an empty file', text: '', layout: { eol: '\n', unit: 2, seqIndent: 2 } },
  ];
  for (const testCase of cases) it(testCase.name, () => assert.deepStrictEqual(layoutOf(testCase.text), testCase.layout));
});

describe('re-indenting a template', () => {
  const template = lines(
    'summary: |',
    '  first',
    '    indented',
    '',
    '  last',
    'measures:',
    '  - id: X  # c',
    '    notes: >-',
    '      folded',
    '      text',
    '    # a comment',
    '    pairs:',
    '      - - a',
    '        - b',
    '      -',
    '        k: v',
  );
  const cases: { name: string; layout: Layout; base: number; expected: string[] }[] = [
    {
      name: '4 spaces: nested levels one unit deeper, list items keep "- ", block scalars move as one',
      layout: { eol: '\n', unit: 4, seqIndent: 4 },
      base: 0,
      expected: [
        'summary: |',
        '    first',
        '      indented',
        '',
        '    last',
        'measures:',
        '    - id: X  # c',
        '      notes: >-',
        '          folded',
        '          text',
        '      # a comment',
        '      pairs:',
        '          - - a',
        '            - b',
        '          -',
        '              k: v',
      ],
    },
    {
      name: '3 spaces with lists at their key, at column 6',
      layout: { eol: '\n', unit: 3, seqIndent: 0 },
      base: 6,
      expected: [
        '      summary: |',
        '         first',
        '           indented',
        '',
        '         last',
        '      measures:',
        '      - id: X  # c',
        '        notes: >-',
        '           folded',
        '           text',
        '        # a comment',
        '        pairs:',
        '        - - a',
        '          - b',
        '        -',
        '           k: v',
      ],
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const result = reindent(template, testCase.base, testCase.layout);
      assert.deepStrictEqual(result, testCase.expected);
      assert.deepStrictEqual(parse(result.join('\n')), parse(template), 'the re-indented template reads differently');
    });
  }
});

describe('where blocks begin and end', () => {
  const text = lines(
    'a:', // 0
    '  b: 1', // 1
    '    # deeper note', // 2
    '', // 3
    '  # note at the key column', // 4
    '# note of the next part', // 5
    '  # dgs-disable-next-line x', // 6
    'c:', // 7
  );
  const index = new LineIndex(text);
  it('a block ends after the comments indented inside it', () => {
    assert.strictEqual(blockEndLine(index, 1, 2), 4);
    assert.strictEqual(blockEndLine(index, 1, 3), 2);
  });
  it('an entry begins at the comments right above it at its column, and any disable comment', () => {
    assert.strictEqual(entryFirstLine(index, 7, 0), 5);
    assert.strictEqual(entryFirstLine(index, 1, 2), 1);
  });
});

describe('writing a scalar', () => {
  const cases: [string, string][] = [
    ['1.iii', '1.iii'],
    ['OPN-1', 'OPN-1'],
    ['4', '4'],
    ['1.10', '"1.10"'],
    ['true', '"true"'],
    ['null', '"null"'],
    ['two words', '"two words"'],
    ['a: b', '"a: b"'],
  ];
  for (const [value, written] of cases) it(`${value} → ${written}`, () => assert.strictEqual(yamlScalar(value), written));

  it('in the quoting style of what it replaces', () => {
    assert.strictEqual(quoteLike("'1.x'", "it's"), "'it''s'");
    assert.strictEqual(quoteLike('"1.x"', 'a"b'), '"a\\"b"');
    assert.strictEqual(quoteLike('1.x', '1.iii'), '1.iii');
    assert.strictEqual(quoteLike('*alias', '1.iii'), undefined);
    assert.strictEqual(quoteLike('|', '1.iii'), undefined);
  });
});
