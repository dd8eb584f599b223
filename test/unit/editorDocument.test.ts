/**
 * The server's documents over the core's line index: the same text as the TextDocument of
 * vscode-languageserver-textdocument after the same changes, the line count, offsets and
 * positions of that library's document made from the text, and a line index equal to one
 * built afresh.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { EditorDocument } from '../../server/src/lsp/editorDocument';

const piece = fc.constantFrom('a', 'b', ' ', '\n', '\n', 'id: X-1', '- ', '\r\n', '\r');
const text = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''));
const position = fc.record({ line: fc.integer({ min: -1, max: 12 }), character: fc.integer({ min: -1, max: 12 }) });
const change = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text }) },
  { weight: 1, arbitrary: fc.record({ text }) },
);

describe('the server documents', () => {
  it('after any changes, ranged (some given end first) or whole: the text, lines, offsets and positions of the library document', () => {
    fc.assert(
      fc.property(text, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), fc.array(position, { maxLength: 8 }), (initial, batches, probes) => {
        const ours = EditorDocument.create('file:///a.strategy.yaml', 'yaml', 1, initial);
        let current = initial;
        let version = 1;
        for (const changes of batches as TextDocumentContentChangeEvent[][]) {
          version++;
          // The library applies each change to a document made afresh from the text: its own
          // line offsets, kept up to date change by change, can go wrong around carriage
          // returns (seven lines for "\n\r\n\r\r"), and the next change then lands elsewhere.
          for (const one of changes) current = TextDocument.update(TextDocument.create('file:///a.strategy.yaml', 'yaml', version, current), [one], version).getText();
          ours.update(changes, version);
          assert.strictEqual(ours.getText(), current);
          assert.strictEqual(ours.version, version);
          const fresh = TextDocument.create('file:///a.strategy.yaml', 'yaml', version, current);
          assert.strictEqual(ours.lineCount, fresh.lineCount);
          assert.deepStrictEqual(ours.lines.lineStarts, new LineIndex(current).lineStarts);
          for (const probe of probes) {
            assert.strictEqual(ours.offsetAt(probe), fresh.offsetAt(probe), JSON.stringify(probe));
            assert.deepStrictEqual(ours.getLineRange(probe.line), fresh.getLineRange(probe.line), `line ${probe.line}`);
            assert.strictEqual(ours.getEOLCharacters(probe.line), fresh.getEOLCharacters(probe.line), `line ${probe.line}`);
            const offset = fresh.offsetAt(probe);
            // Inside a \r\n, the protocol has no place: the library says so, we say the line's end.
            if (current[offset - 1] === '\r' && current[offset] === '\n') continue;
            assert.deepStrictEqual(ours.positionAt(offset), fresh.positionAt(offset));
          }
        }
      }),
      { numRuns: 3000, seed: 20261206 },
    );
  });

  it('reports where each change fell, in the text it was applied to', () => {
    const document = EditorDocument.create('file:///a.strategy.yaml', 'yaml', 1, 'one\ntwo\nthree\n');
    const seen: number[][] = [];
    document.update(
      [
        { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, text: 'TWO' },
        { range: { start: { line: 2, character: 5 }, end: { line: 0, character: 3 } }, text: '' },
        { text: 'whole' },
      ],
      2,
      (start, oldEnd, newEnd) => seen.push([start, oldEnd, newEnd]),
    );
    assert.deepStrictEqual(seen, [
      [4, 7, 7],
      [3, 13, 3],
      [-1, -1, -1],
    ]);
    assert.strictEqual(document.getText(), 'whole');
  });
});
