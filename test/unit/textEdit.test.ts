/**
 * Where two versions of a text differ, found either way: by comparing the texts whole, or
 * from the edits an editor sent, composed and then tightened near where they fell. Both must
 * give the same edit, for the document service reads the same text the same way whichever
 * way it learnt of the change.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { composeEdits, differenceNear, differenceOf, TextEdit } from '../../server/src/core/text/textEdit';

/** One replacement, as an editor sends it: a range of the current text and the text put there. */
const replacement = fc.record({ from: fc.nat(), length: fc.nat({ max: 6 }), text: fc.string({ unit: fc.constantFrom('a', 'b', '\n', ' '), maxLength: 6 }) });

function apply(text: string, change: { from: number; length: number; text: string }): { text: string; edit: TextEdit } {
  const start = Math.min(change.from, text.length);
  const end = Math.min(start + change.length, text.length);
  return { text: text.slice(0, start) + change.text + text.slice(end), edit: { start, oldEnd: end, newEnd: start + change.text.length } };
}

describe('text edits', () => {
  it('a sequence of replacements, composed and tightened, is the edit a comparison of the two texts finds', () => {
    // A small alphabet makes the places where an edit could be said to be ambiguous common.
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '\n', ' '), maxLength: 40 });
    fc.assert(
      fc.property(text, fc.array(replacement, { minLength: 1, maxLength: 8 }), (original, changes) => {
        let current = original;
        let composed: TextEdit | undefined;
        for (const change of changes) {
          const step = apply(current, change);
          current = step.text;
          composed = composed ? composeEdits(composed, step.edit) : step.edit;
        }
        // The composed edit covers every change: outside it, the texts agree.
        assert.strictEqual(original.slice(0, composed!.start), current.slice(0, composed!.start));
        assert.strictEqual(original.slice(composed!.oldEnd), current.slice(composed!.newEnd));
        assert.deepStrictEqual(differenceNear(original, current, composed!), differenceOf(original, current));
      }),
      { numRuns: 2000, seed: 20261206 },
    );
  });

  it('an edit that puts back what was there is found to change nothing', () => {
    const text = 'title: one\naddresses: [1.i]\n';
    const same: TextEdit = { start: 7, oldEnd: 20, newEnd: 20 };
    assert.deepStrictEqual(differenceNear(text, text, same), { start: text.length, oldEnd: text.length, newEnd: text.length });
    assert.deepStrictEqual(differenceOf(text, text), { start: text.length, oldEnd: text.length, newEnd: text.length });
  });

  it('typing a letter after the same letter is placed where a comparison places it', () => {
    // "aa" → "aaa": an editor says the new "a" went in at 1; the texts first differ at 2.
    assert.deepStrictEqual(differenceNear('xaay', 'xaaay', { start: 1, oldEnd: 1, newEnd: 2 }), differenceOf('xaay', 'xaaay'));
    assert.deepStrictEqual(differenceOf('xaay', 'xaaay'), { start: 3, oldEnd: 3, newEnd: 4 });
  });
});
