/**
 * The file's own layout (line ending, indentation unit, how lists sit under their key) and
 * the line arithmetic that places inserted text without disturbing anything around it.
 */
import { Document, isMap, isScalar, isSeq, Node, parseDocument, visit } from 'yaml';
import { LineIndex } from '../../core/text/lineIndex';

export interface Layout {
  /** `\r\n` when the file uses it, `\n` otherwise. */
  eol: string;
  /** Spaces by which a nested mapping is indented under its key. */
  unit: number;
  /** Spaces by which a block list is indented under its key (0 when the dashes sit at the key's column). */
  seqIndent: number;
}

const DEFAULT_UNIT = 2;

function mostCommon(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: number | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/** The line ending, indentation unit and list indentation the file already uses. */
export function detectLayout(text: string, lines: LineIndex, document: Document.Parsed | undefined): Layout {
  const newline = text.indexOf('\n');
  const eol = newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
  const mapSteps: number[] = [];
  const seqSteps: number[] = [];
  if (document) {
    visit(document, {
      Pair(_key, pair) {
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        if (!isScalar(key) || !key.range || !value?.range) return;
        if (!(isMap(value) || isSeq(value)) || value.flow) return;
        if (lines.positionAt(value.range[0]).line === lines.positionAt(key.range[0]).line) return;
        const step = columnOf(lines, value.range[0]) - columnOf(lines, key.range[0]);
        if (isMap(value) && step > 0) mapSteps.push(step);
        if (isSeq(value) && step >= 0) seqSteps.push(step);
      },
    });
  }
  const unit = mostCommon(mapSteps) ?? mostCommon(seqSteps.filter((step) => step > 0)) ?? DEFAULT_UNIT;
  const seqIndent = mostCommon(seqSteps) ?? unit;
  return { eol, unit, seqIndent };
}

/** The spaces a line starts with (a byte order mark before them is not indentation). */
export function indentOf(line: string): number {
  return /^\uFEFF? */.exec(line)![0].replace('\uFEFF', '').length;
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

export function isComment(line: string): boolean {
  return line.trimStart().startsWith('#');
}

/** The column of an offset on its line (a byte order mark at the start of the file takes none). */
export function columnOf(lines: LineIndex, offset: number): number {
  const { line, character } = lines.positionAt(offset);
  return line === 0 && lines.text.startsWith('\uFEFF') && character > 0 ? character - 1 : character;
}

/** Whether only spaces precede the offset on its line. */
export function startsItsLine(lines: LineIndex, offset: number): boolean {
  const { line } = lines.positionAt(offset);
  return /^\uFEFF? *$/.test(lines.text.slice(lines.lineStarts[line], offset));
}

/** The line of the last character before `end` that is not white space. */
export function lastContentLine(lines: LineIndex, end: number): number {
  let at = Math.min(end, lines.text.length) - 1;
  while (at > 0 && /\s/.test(lines.text[at])) at--;
  return lines.positionAt(Math.max(at, 0)).line;
}

/**
 * The last line that belongs to a block whose content ends on `line`: comment lines that
 * follow, indented at least `minCommentIndent`, are the block's own (a note after its last
 * entry); blank lines between them are passed over, anything else ends the block.
 */
export function blockEndLine(lines: LineIndex, line: number, minCommentIndent: number): number {
  let last = line;
  for (let next = line + 1; next < lines.lineCount; next++) {
    const text = lines.lineText(next);
    if (isBlank(text)) continue;
    if (isComment(text) && indentOf(text) >= minCommentIndent) {
      last = next;
      continue;
    }
    break;
  }
  return last;
}

/**
 * The first line of the entry on `line` with the comments that sit right above it at its
 * own column (they describe it) and any `dgs-disable-next-line` comment that must stay
 * directly above it.
 */
export function entryFirstLine(lines: LineIndex, line: number, column: number): number {
  let first = line;
  while (first > 0) {
    const text = lines.lineText(first - 1);
    if (!isComment(text)) break;
    if (indentOf(text) !== column && !/^#\s*dgs-disable-next-line\b/.test(text.trim())) break;
    first--;
  }
  return first;
}

/**
 * Where text inserted after `line` goes, and the text to insert there: whole lines, each
 * ended by the file's line ending; a file without a final line ending keeps that shape.
 */
export function insertAfterLine(lines: LineIndex, line: number, body: string[], eol: string): { offset: number; text: string } {
  if (line + 1 < lines.lineCount) return { offset: lines.lineStarts[line + 1], text: body.map((text) => text + eol).join('') };
  const text = lines.text;
  if (text === '' || text.endsWith('\n')) return { offset: text.length, text: body.map((content) => content + eol).join('') };
  return { offset: text.length, text: body.map((content) => eol + content).join('') };
}

/** Insertion of whole lines before `line`. */
export function insertBeforeLine(lines: LineIndex, line: number, body: string[], eol: string): { offset: number; text: string } {
  return { offset: lines.lineStarts[line], text: body.map((text) => text + eol).join('') };
}

const BLOCK_SCALAR_HEADER = /(?:^|\s|:)[|>]([1-9]?[+-]?|[+-][1-9])\s*(?:\s#.*)?$/;

/**
 * Re-indents YAML text written at column 0 (a template) so that its top level sits at `base`
 * and each nested level one `unit` deeper (lists under a key `seqIndent` deeper), keeping
 * every line's own text. Lines are returned without line endings; blank lines are empty.
 */
export function reindent(text: string, base: number, layout: Layout): string[] {
  const source = text.replace(/\r\n?/g, '\n').split('\n');
  while (source.length > 0 && isBlank(source[source.length - 1])) source.pop();
  const out: string[] = [];
  // Levels of nesting seen so far: the template's column and the column it now gets.
  const levels: { from: number; to: number }[] = [];
  let previous = '';
  for (let i = 0; i < source.length; i++) {
    const line = source[i];
    if (isBlank(line)) {
      out.push('');
      continue;
    }
    const column = indentOf(line);
    const content = line.slice(column);
    while (levels.length > 0 && levels[levels.length - 1].from > column) levels.pop();
    const top = levels[levels.length - 1];
    let to: number;
    if (!top) {
      to = base;
      if (!isComment(content)) levels.push({ from: column, to });
    } else if (top.from === column) {
      to = top.to;
    } else {
      const underKey = /:\s*(#.*)?$/.test(previous.trimEnd());
      to = top.to + (/^-(\s|$)/.test(content) && underKey ? layout.seqIndent : layout.unit);
      if (!isComment(content)) levels.push({ from: column, to });
    }
    out.push(' '.repeat(to) + content);
    if (!isComment(content)) previous = content;
    // Content after list dashes on the same line (`- id: …`, `- - x`) is a level of its own.
    let dashes = content;
    let offset = 0;
    while (/^-\s+\S/.test(dashes)) {
      const step = dashes.length - dashes.slice(1).trimStart().length;
      offset += step;
      levels.push({ from: column + offset, to: to + offset });
      dashes = dashes.slice(step);
    }
    // A block scalar's lines keep their relative indentation and move as one.
    const header = BLOCK_SCALAR_HEADER.exec(content);
    if (header && !isComment(content)) {
      let j = i + 1;
      let firstColumn: number | undefined;
      while (j < source.length && (isBlank(source[j]) || indentOf(source[j]) > column)) {
        if (firstColumn === undefined && !isBlank(source[j])) firstColumn = indentOf(source[j]);
        j++;
      }
      const explicit = /[1-9]/.test(header[1]);
      const shift = explicit || firstColumn === undefined ? to - column : to + layout.unit - firstColumn;
      for (let k = i + 1; k < j; k++) out.push(isBlank(source[k]) ? '' : ' '.repeat(indentOf(source[k]) + shift) + source[k].trimStart());
      i = j - 1;
    }
  }
  return out;
}

/** A key or scalar written plain when it reads back as the same text, double-quoted otherwise. */
export function yamlScalar(value: string): string {
  if (/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(value)) {
    const read = parseDocument(value).contents;
    const parsed = isScalar(read) ? read.value : undefined;
    if (typeof parsed === 'string' ? parsed === value : typeof parsed === 'number' && String(parsed) === value) return value;
  }
  return JSON.stringify(value);
}
