/**
 * The features the server calls never throw and never point outside the text, whatever
 * the drafter has typed so far: every feature at offsets of half-written strategies.
 * (The server also guards every handler; this keeps the guard for the unexpected.)
 */
import * as assert from 'assert';
import { analyze } from '../../server/src/core/analyze';
import { codeLenses } from '../../server/src/features/codeLens';
import { completeAt } from '../../server/src/features/completion';
import { coverageAnswer } from '../../server/src/features/coverageRequest';
import { definitionAt } from '../../server/src/features/definition';
import { foldingRanges } from '../../server/src/features/folding';
import { hoverAt } from '../../server/src/features/hover';
import { referencesAt } from '../../server/src/features/references';
import { prepareRenameAt, renameAt } from '../../server/src/features/rename';
import { documentSymbols, OutlineSymbol } from '../../server/src/features/symbols';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { Span } from '../../server/src/core/text/lineIndex';
import { SMALL } from './fixtures';

const schema = loadDefaultSchema();

function texts(): string[] {
  const lines = SMALL.split('\n');
  const result: string[] = ['', '- a list\n', 'just text', 'strategy: [unclosed\n', '\uFEFF# dgs-strategy\r\nstrategy:\r\n  title: x\r\n  lev'];
  for (let end = 0; end <= lines.length; end += 5) {
    const prefix = lines.slice(0, end).join('\n');
    result.push(prefix, `${prefix}\n${' '.repeat(end % 9)}- `, `${prefix.slice(0, -4)}`);
  }
  return result;
}

function assertInside(text: string, span: Span, what: string): void {
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what} ${JSON.stringify(span)} lies outside the text of length ${text.length}`);
}

describe('features on half-written strategies', function () {
  this.timeout(120_000);
  it('never throw, and point inside the text', () => {
    for (const text of texts()) {
      const analysis = analyze(text, schema);
      const walk = (symbol: OutlineSymbol): void => {
        assertInside(text, symbol.span, 'symbol');
        assertInside(text, symbol.selectionSpan, 'symbol selection');
        symbol.children.forEach(walk);
      };
      documentSymbols(analysis).forEach(walk);
      for (const fold of foldingRanges(analysis)) assert.ok(fold.startLine < fold.endLine && fold.endLine < analysis.model.lines.lineCount);
      for (const lens of codeLenses(analysis)) assertInside(text, lens.span, 'lens');
      const coverage = coverageAnswer(analysis, 'file:///x.strategy.yaml', 1, { file: 'x.strategy.yaml', html: true });
      assert.strictEqual(coverage.total, schema.units.length);
      assert.strictEqual(coverage.measureRanges.length, coverage.report.measures.length);
      for (const range of [...coverage.measureRanges, ...Object.values(coverage.sectionRanges)]) {
        const lines = analysis.model.lines;
        assertInside(text, { start: lines.offsetAt(range.start), end: lines.offsetAt(range.end) }, 'coverage range');
      }
      for (let offset = 0; offset <= text.length; offset += 4) {
        const hover = hoverAt(analysis, offset);
        if (hover) assertInside(text, hover.span, 'hover');
        for (const entry of completeAt(analysis, offset)) {
          assertInside(text, entry.span, 'completion');
          assert.ok(entry.span.start <= offset && offset <= entry.span.end, 'a completion replaces text around the cursor');
          assert.ok(!text.slice(entry.span.start, entry.span.end).includes('\n'), 'a completion replaces text on one line');
        }
        for (const span of definitionAt(analysis, offset)) assertInside(text, span, 'definition');
        for (const span of referencesAt(analysis, offset, true)) assertInside(text, span, 'reference');
        const prepared = prepareRenameAt(analysis, offset);
        if (prepared) assertInside(text, prepared.span, 'rename');
        const renamed = renameAt(analysis, offset, 'NEW-1');
        if (renamed && 'edits' in renamed) for (const edit of renamed.edits) assertInside(text, edit.span, 'rename edit');
      }
    }
  });
});
