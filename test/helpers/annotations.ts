/**
 * Inline expectations for fixtures, in the habit of rust-analyzer's `//^^^ error` marks:
 * a comment line `#   ^^^ rule-id` points at the columns of the line above it (the first
 * caret is where the finding starts); `#< rule-id` points at column 0 of the line above;
 * `#! rule-id` at the start of the file (line 0, column 0). Annotation lines are removed
 * before the text is analysed, so they do not shift what they point at.
 */
import { analyze } from '../../server/src/core/analyze';
import { Config } from '../../server/src/core/config';
import { Schema } from '../../server/src/core/schema/types';
import { LineIndex } from '../../server/src/core/text/lineIndex';

export interface Expected {
  rule: string;
  line: number;
  character: number;
}

const CARET = /^(\s*)#(\s*)(\^+)\s+([a-z-]+(?:\s*,\s*[a-z-]+)*)\s*$/;
const COLUMN_ZERO = /^\s*#<\s+([a-z-]+(?:\s*,\s*[a-z-]+)*)\s*$/;
const FILE_START = /^\s*#!\s+([a-z-]+(?:\s*,\s*[a-z-]+)*)\s*$/;

export function parseAnnotated(annotated: string): { text: string; expected: Expected[] } {
  const kept: string[] = [];
  const expected: Expected[] = [];
  for (const line of annotated.split('\n')) {
    const caret = CARET.exec(line);
    const zero = COLUMN_ZERO.exec(line);
    const start = FILE_START.exec(line);
    const target = kept.length - 1;
    if (caret) {
      const column = caret[1].length + 1 + caret[2].length;
      for (const rule of caret[4].split(/\s*,\s*/)) expected.push({ rule, line: target, character: column });
    } else if (zero) {
      for (const rule of zero[1].split(/\s*,\s*/)) expected.push({ rule, line: target, character: 0 });
    } else if (start) {
      for (const rule of start[1].split(/\s*,\s*/)) expected.push({ rule, line: 0, character: 0 });
    } else {
      kept.push(line);
    }
  }
  return { text: kept.join('\n'), expected };
}

export function describe(expected: Expected[]): string[] {
  return expected.map((e) => `${e.rule}@${e.line + 1}:${e.character + 1}`).sort();
}

/** The findings of the given rules (all rules when none are given), as `rule@line:col` (1-based). */
export function actualFindings(text: string, schema: Schema, rules?: ReadonlySet<string>, config?: Config): string[] {
  const analysis = analyze(text, schema, config);
  const lines = new LineIndex(text);
  return describe(
    analysis.findings
      .filter((finding) => !rules || rules.has(finding.rule))
      .map((finding) => ({ rule: finding.rule, ...lines.positionAt(finding.span.start) })),
  );
}
