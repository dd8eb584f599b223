/** Offset edits: applying, merging and composing them, by example and by property. */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { applyEdits, composeEdits, editsOverlap, mergeEdits, OffsetEdit } from '../../server/src/features/edits';

describe('offset edits', () => {
  describe('applyEdits', () => {
    const cases: { name: string; text: string; edits: OffsetEdit[]; result: string }[] = [
      { name: 'in any order', text: 'abcdef', edits: [{ start: 4, end: 5, newText: 'E' }, { start: 0, end: 1, newText: 'A' }], result: 'AbcdEf' },
      {
        name: 'insertions at one offset in the order given',
        text: 'ab',
        edits: [
          { start: 1, end: 1, newText: '1' },
          { start: 1, end: 1, newText: '2' },
        ],
        result: 'a12b',
      },
      {
        name: 'an insertion before a replacement at the same offset',
        text: 'abc',
        edits: [
          { start: 1, end: 2, newText: 'B' },
          { start: 1, end: 1, newText: '+' },
        ],
        result: 'a+Bc',
      },
      { name: 'touching edits', text: 'abc', edits: [{ start: 0, end: 1, newText: 'x' }, { start: 1, end: 2, newText: 'y' }], result: 'xyc' },
      { name: 'at the very end', text: 'ab', edits: [{ start: 2, end: 2, newText: '!' }], result: 'ab!' },
    ];
    for (const testCase of cases) it(testCase.name, () => assert.strictEqual(applyEdits(testCase.text, testCase.edits), testCase.result));

    it('refuses overlapping edits and edits outside the text', () => {
      assert.throws(() => applyEdits('abcdef', [{ start: 0, end: 3, newText: '' }, { start: 2, end: 4, newText: '' }]), RangeError);
      assert.throws(() => applyEdits('ab', [{ start: 1, end: 5, newText: '' }]), RangeError);
      assert.ok(editsOverlap([{ start: 0, end: 3, newText: '' }, { start: 2, end: 2, newText: 'x' }]));
      assert.ok(!editsOverlap([{ start: 0, end: 3, newText: '' }, { start: 3, end: 3, newText: 'x' }]));
    });
  });

  it('mergeEdits joins insertions at one offset, and does what the edits did', () => {
    const text = 'abc';
    const edits: OffsetEdit[] = [
      { start: 1, end: 1, newText: '1' },
      { start: 1, end: 2, newText: 'B' },
      { start: 1, end: 1, newText: '2' },
      { start: 3, end: 3, newText: '!' },
    ];
    const merged = mergeEdits(edits);
    assert.deepStrictEqual(merged, [
      { start: 1, end: 2, newText: '12B' },
      { start: 3, end: 3, newText: '!' },
    ]);
    assert.strictEqual(applyEdits(text, merged), applyEdits(text, edits));
  });

  describe('composeEdits', () => {
    it('expresses edits of the edited text as edits of the original', () => {
      const text = 'key: vale\nnext: 1\n';
      const first: OffsetEdit[] = [{ start: 5, end: 9, newText: 'value' }];
      const intermediate = applyEdits(text, first);
      const second: OffsetEdit[] = [
        { start: intermediate.indexOf('\n') + 1, end: intermediate.indexOf('\n') + 1, newText: 'added: 2\n' },
        { start: 10, end: 10, newText: ' # after the replaced value' },
      ];
      const composed = composeEdits(text, first, second)!;
      assert.strictEqual(applyEdits(text, composed), 'key: value # after the replaced value\nadded: 2\nnext: 1\n');
    });

    it('keeps the order of insertions at the same place', () => {
      const text = 'ab';
      const first: OffsetEdit[] = [{ start: 1, end: 1, newText: 'X' }];
      // In "aXb": before X (offset 1) and after X (offset 2).
      const composed = composeEdits(text, first, [
        { start: 1, end: 1, newText: '<' },
        { start: 2, end: 2, newText: '>' },
      ])!;
      assert.strictEqual(applyEdits(text, composed), 'a<X>b');
    });

    it('gives up on an edit that reaches into text the first edits wrote', () => {
      const text = 'abc';
      const first: OffsetEdit[] = [{ start: 1, end: 2, newText: 'XYZ' }];
      assert.strictEqual(composeEdits(text, first, [{ start: 2, end: 3, newText: '' }]), undefined);
    });

    it('does what the two steps do, whenever it gives an answer', () => {
      const edits = (length: number) =>
        fc
          .array(fc.record({ at: fc.nat(length), span: fc.nat(3), text: fc.string({ maxLength: 3 }) }), { maxLength: 4 })
          .map((raw) => {
            // Non-overlapping edits within the text.
            const sorted = [...raw].sort((a, b) => a.at - b.at);
            const result: OffsetEdit[] = [];
            let free = 0;
            for (const edit of sorted) {
              const start = Math.max(edit.at, free);
              if (start > length) break;
              const end = Math.min(length, start + edit.span);
              result.push({ start, end, newText: edit.text });
              free = end;
            }
            return result;
          });
      let answered = 0;
      fc.assert(
        fc.property(
          fc.string({ maxLength: 12 }).chain((text) =>
            edits(text.length).chain((first) => {
              const intermediate = applyEdits(text, first);
              return edits(intermediate.length).map((second) => ({ text, first, second }));
            }),
          ),
          ({ text, first, second }) => {
            const composed = composeEdits(text, first, second);
            if (composed === undefined) return;
            answered++;
            assert.ok(!editsOverlap(composed));
            assert.strictEqual(applyEdits(text, composed), applyEdits(applyEdits(text, first), second));
          },
        ),
        { numRuns: 300, seed: 7 },
      );
      assert.ok(answered > 100, `composeEdits answered only ${answered} of 300`);
    });
  });
});
