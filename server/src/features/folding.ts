/**
 * Folding ranges from indentation, which holds even while the YAML does not parse: a line
 * folds over the lines indented deeper below it. Runs of comment lines fold too.
 */
import { Analysis } from '../core/analyze';
import { lineShape } from './cursorContext';

export interface Fold {
  startLine: number;
  endLine: number;
  kind?: 'comment';
}

export function foldingRanges(analysis: Analysis): Fold[] {
  const lines = analysis.model.lines;
  const folds: Fold[] = [];
  // Indentation of each line's content, or undefined for blank and comment lines.
  const indents: Array<number | undefined> = [];
  const comments: boolean[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    const trimmed = text.trimStart();
    comments.push(trimmed.startsWith('#'));
    indents.push(trimmed === '' || trimmed.startsWith('#') ? undefined : text.length - trimmed.length);
  }
  // An open fold per indentation level: the line that opened it and its indentation.
  const open: Array<{ line: number; indent: number }> = [];
  let lastContent = -1;
  const closeDeeperThan = (indent: number): void => {
    while (open.length > 0 && open[open.length - 1].indent >= indent) {
      const start = open.pop()!;
      if (lastContent > start.line) folds.push({ startLine: start.line, endLine: lastContent });
    }
  };
  for (let line = 0; line < lines.lineCount; line++) {
    const indent = indents[line];
    if (indent === undefined) continue;
    closeDeeperThan(indent);
    // A `- key:` line opens a fold at its dash; its mapping's keys continue two columns in.
    const shape = lineShape(lines.lineText(line));
    open.push({ line, indent: shape.dashes.length > 0 ? shape.dashes[0] : indent });
    lastContent = line;
  }
  closeDeeperThan(-1);
  for (let line = 0; line < lines.lineCount; line++) {
    if (!comments[line] || (line > 0 && comments[line - 1])) continue;
    let end = line;
    while (end + 1 < lines.lineCount && comments[end + 1]) end++;
    if (end > line) folds.push({ startLine: line, endLine: end, kind: 'comment' });
  }
  return folds.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
