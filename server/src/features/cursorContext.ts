/**
 * Where the cursor is in the YAML, read from the text's indentation rather than the parse:
 * while a drafter types, the line under the cursor is rarely valid YAML (`  lea`, `- `,
 * `addresses: [1.i, `), but its indentation and the keys above it still say where it is.
 */
import { LineIndex } from '../core/text/lineIndex';
import { withoutTrailingComment } from '../core/text/trim';

/** A key, or `[]` for a list item. */
export type PathStep = string;
export const ITEM: PathStep = '[]';

export interface LineShape {
  /** Columns of the `- ` markers at the start of the line. */
  dashes: number[];
  /** Column of the first character after the indentation and the dashes. */
  content: number;
  /** The key, when the content is `key:` (followed by a space, a comment, or nothing). */
  key?: string;
  /** Column just after `key:`. */
  afterColon?: number;
  blank: boolean;
}

const WHITESPACE = /\s/;
const NOT_A_KEY_START = /[\s#'"{[\]},:]/;

/**
 * The key at the start of a line's content, `"key"`, `'key'` or a plain `key`, followed by
 * spaces, a colon and a space or the line's end: the key as written and the length up to
 * and with the colon. A scan, not a pattern: the pattern this replaces, with a lazy key and
 * optional spaces before the colon, tried every split of a long run of spaces, and a line
 * of 100,000 characters took seconds on every folding request.
 */
export function keyAtStart(rest: string): { key: string; length: number } | undefined {
  if (rest.length === 0) return undefined;
  const first = rest[0];
  let keyEnd: number;
  if (first === '"' || first === "'") {
    const close = rest.indexOf(first, 1);
    if (close < 0) return undefined;
    keyEnd = close + 1;
  } else {
    if (NOT_A_KEY_START.test(first)) return undefined;
    keyEnd = 1;
    while (keyEnd < rest.length && rest[keyEnd] !== ':' && rest[keyEnd] !== '#') keyEnd++;
    if (rest[keyEnd] !== ':') return undefined;
  }
  let colon = keyEnd;
  while (colon < rest.length && rest[colon] !== ':' && WHITESPACE.test(rest[colon])) colon++;
  if (rest[colon] !== ':') return undefined;
  const after = colon + 1;
  if (after < rest.length && !WHITESPACE.test(rest[after])) return undefined;
  return { key: rest.slice(0, keyEnd), length: after };
}

export function lineShape(text: string): LineShape {
  let at = 0;
  while (at < text.length && text[at] === ' ') at++;
  const dashes: number[] = [];
  while (text[at] === '-' && (at + 1 === text.length || text[at + 1] === ' ')) {
    dashes.push(at);
    at++;
    while (at < text.length && text[at] === ' ') at++;
  }
  const rest = text.slice(at);
  const blank = rest.trim() === '' || rest.startsWith('#');
  const match = keyAtStart(rest);
  const shape: LineShape = { dashes, content: at, blank: blank && dashes.length === 0 };
  if (match) {
    let key = match.key.trim();
    if ((key.startsWith('"') && key.endsWith('"')) || (key.startsWith("'") && key.endsWith("'"))) key = key.slice(1, -1);
    shape.key = key;
    shape.afterColon = at + match.length;
  }
  return shape;
}

/**
 * The keys and list items that lead to a place: scanning up from `line`, every less
 * indented `key:` line and every `- ` marker left of `column` is a step outwards.
 */
export function pathAbove(lines: LineIndex, line: number, column: number): PathStep[] {
  const path: PathStep[] = [];
  let threshold = column;
  for (let current = line - 1; current >= 0 && threshold > 0; current--) {
    const shape = lineShape(lines.lineText(current));
    if (shape.blank) continue;
    if (shape.content < threshold && shape.key !== undefined) {
      path.push(shape.key);
      threshold = shape.content;
    } else if (shape.content < threshold && shape.dashes.length === 0) {
      // A less indented line that is not a key (a scalar, a flow collection): the text is
      // not a mapping we can see into.
      return [];
    }
    for (let index = shape.dashes.length - 1; index >= 0; index--) {
      if (shape.dashes[index] < threshold) {
        path.push(ITEM);
        threshold = shape.dashes[index];
      }
    }
  }
  return path.reverse();
}

export type CursorContext =
  | {
      kind: 'key';
      path: PathStep[];
      /** The column keys start at in this mapping. */
      column: number;
      /** The word typed so far (and its rest after the cursor), to be replaced. */
      wordStart: number;
      wordEnd: number;
      /** True when the line already has `key:` after the word: complete the name only. */
      hasColon: boolean;
      /** True when the cursor's line starts a new list item (`- `). */
      newItem: boolean;
      /** The keys the mapping already has, the cursor's line left out. */
      present: Set<string>;
      /** When the line is an item of a list of values: the other items. */
      siblings: string[];
    }
  | {
      kind: 'value';
      /** The path to the value: the key, and `[]` for an item of a list. */
      path: PathStep[];
      wordStart: number;
      wordEnd: number;
      /** For a flow or block list: the items already written in it. */
      siblings: string[];
    };

const WORD = /[A-Za-z0-9_.-]/;

export function cursorContext(lines: LineIndex, offset: number): CursorContext | undefined {
  const position = lines.positionAt(offset);
  const lineStart = offset - position.character;
  const lineText = lines.lineText(position.line);
  const before = lineText.slice(0, position.character);
  if (before.includes('#') && /(^|\s)#/.test(before)) return undefined;
  let wordStartColumn = position.character;
  while (wordStartColumn > 0 && WORD.test(before[wordStartColumn - 1])) wordStartColumn--;
  let wordEndColumn = position.character;
  while (wordEndColumn < lineText.length && WORD.test(lineText[wordEndColumn])) wordEndColumn++;
  const wordStart = lineStart + wordStartColumn;
  const wordEnd = lineStart + wordEndColumn;
  const shape = lineShape(before);

  // Typing a key: nothing on the line but indentation, dashes and one word.
  if (/^\s*(-\s+)*[A-Za-z0-9_-]*$/.test(before) && !(shape.dashes.length > 0 && shape.content === before.length && before.endsWith('-'))) {
    const column = shape.content;
    const outer = shape.dashes.length > 0 ? shape.dashes[0] : column;
    const path = [...pathAbove(lines, position.line, outer), ...shape.dashes.map(() => ITEM)];
    const rest = lineText.slice(wordEndColumn);
    return {
      kind: 'key',
      path,
      column,
      wordStart,
      wordEnd,
      hasColon: /^\s*:/.test(rest),
      newItem: shape.dashes.length > 0,
      present: siblingKeys(lines, position.line, column, shape.dashes.length > 0),
      siblings: shape.dashes.length > 0 ? blockItems(lines, position.line, shape.dashes[shape.dashes.length - 1]) : [],
    };
  }

  // A value after `key:`, possibly inside a flow list.
  const full = lineShape(lineText);
  if (full.key !== undefined && full.afterColon !== undefined && position.character >= full.afterColon) {
    const outer = full.dashes.length > 0 ? full.dashes[0] : full.content;
    const path = [...pathAbove(lines, position.line, outer), ...full.dashes.map(() => ITEM), full.key];
    const valueText = lineText.slice(full.afterColon, position.character);
    const flow = /^\s*\[([^\]]*)$/.exec(valueText);
    if (flow) {
      const listText = lineText.slice(full.afterColon).replace(/^\s*\[/, '').split(']')[0];
      return { kind: 'value', path: [...path, ITEM], wordStart, wordEnd, siblings: flowItems(listText, lineText.slice(wordStartColumn, wordEndColumn)) };
    }
    if (/^\s*[A-Za-z0-9_.-]*$/.test(valueText)) return { kind: 'value', path, wordStart, wordEnd, siblings: [] };
    return undefined;
  }

  // An item of a block list of scalars: `  - 1.i`.
  if (shape.dashes.length > 0 && /^\s*(-\s+)+[A-Za-z0-9_.-]*$/.test(before)) {
    const path = [...pathAbove(lines, position.line, shape.dashes[0]), ...shape.dashes.map(() => ITEM)];
    return { kind: 'value', path, wordStart, wordEnd, siblings: blockItems(lines, position.line, shape.dashes[shape.dashes.length - 1]) };
  }
  return undefined;
}

function flowItems(listText: string, current: string): string[] {
  const items = listText.split(',').map((item) => item.trim().replace(/^["']|["']$/g, ''));
  const index = items.indexOf(current);
  if (index >= 0) items.splice(index, 1);
  return items.filter((item) => item !== '');
}

/** The items of the block list of scalars a line belongs to, that line left out. */
function blockItems(lines: LineIndex, line: number, dash: number): string[] {
  const items: string[] = [];
  const collect = (current: number): boolean => {
    const text = lines.lineText(current);
    const shape = lineShape(text);
    if (shape.blank) return true;
    if (shape.dashes.length === 0 || shape.dashes[0] !== dash) return shape.content > dash && shape.dashes.length === 0 ? true : false;
    items.push(withoutTrailingComment(text.slice(shape.content)).trim().replace(/^["']|["']$/g, ''));
    return true;
  };
  for (let current = line - 1; current >= 0 && collect(current); current--);
  for (let current = line + 1; current < lines.lineCount && collect(current); current++);
  return items.filter((item) => item !== '');
}

/**
 * The keys of the mapping whose keys start at `column` around `line` (that line left out).
 * A mapping that is a list item starts at its `- ` line and ends before the next item.
 */
export function siblingKeys(lines: LineIndex, line: number, column: number, lineStartsItem: boolean): Set<string> {
  const keys = new Set<string>();
  if (!lineStartsItem) {
    for (let current = line - 1; current >= 0; current--) {
      const shape = lineShape(lines.lineText(current));
      if (shape.blank || shape.content > column) continue;
      if (shape.content < column) break;
      if (shape.key !== undefined) keys.add(shape.key);
      if (shape.dashes.length > 0) break;
    }
  }
  for (let current = line + 1; current < lines.lineCount; current++) {
    const shape = lineShape(lines.lineText(current));
    if (shape.blank || shape.content > column) continue;
    if (shape.content < column || shape.dashes.length > 0) break;
    if (shape.key !== undefined) keys.add(shape.key);
  }
  return keys;
}

/** The file's indentation step: the first indented line's indentation, or 2. */
export function indentUnit(lines: LineIndex): number {
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    const shape = lineShape(text);
    if (shape.blank) continue;
    const indent = text.length - text.trimStart().length;
    if (indent > 0) return Math.min(indent, 8);
  }
  return 2;
}
