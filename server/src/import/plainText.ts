/**
 * Plain text → blocks. A text file has no markup, so headings are recognised by how they
 * look: a short line standing alone that is underlined (`====`, `----`), written in
 * capitals, numbered (`2.`, `2.1`), or named as a part, chapter, pillar, action or measure.
 * Lines starting with a bullet or a number are list items; an item's wrapped lines join it.
 */
import { Block, cleanText, startsWithLabel } from './blocks';

const UNDERLINE = /^[ \t]*(?:=+|-+|~+)[ \t]*$/;
const ITEM = /^([ \t]*)([-*•·▪◦–o]|\(?\d{1,3}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])[ \t]+(\S.*)$/;
const NUMBERED_HEADING = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?[ \t]+\S/;
const NAMED_HEADING = /^(?:part|chapter|section|pillar|priority|area|theme|goal|objective|annex|appendix)\b/i;
const MEASURE_HEADING = /^(?:action|measure|initiative|project|commitment)\b/i;
const MAX_HEADING_WORDS = 14;
/** A line shorter than this share of the wrap width, followed by more text, ends where the writer ended it. */
const SHORT_LINE_SHARE = 0.6;

function isCapitals(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** The level of a line that looks like a heading, or undefined for a line of prose. */
export function plainHeadingLevel(line: string): number | undefined {
  const text = line.trim();
  if (text === '' || text.split(/\s+/).length > MAX_HEADING_WORDS) return undefined;
  if (/[.;,:!?]$/.test(text) && !/^\d{1,2}(?:\.\d{1,2})*\.?$/.test(text)) return undefined;
  if (NAMED_HEADING.test(text)) return 1;
  if (MEASURE_HEADING.test(text)) return 4;
  const numbered = NUMBERED_HEADING.exec(text);
  if (numbered) return numbered[1].split('.').length + 1;
  if (isCapitals(text)) return 1;
  return undefined;
}

function itemParts(line: string): { indent: number; marker: string; text: string } | undefined {
  const match = ITEM.exec(line);
  if (!match) return undefined;
  return { indent: match[1].replace(/\t/g, '    ').length, marker: match[2], text: match[3] };
}

/**
 * Whether the line break before `next` was typed rather than made by wrapping: a text
 * wrapped to a width breaks a line only when the next word does not fit, so when it would
 * have fit within the width the document is wrapped to, the break is the writer's (a title
 * over its subtitle).
 */
function deliberateBreak(previous: string, next: string, width: number): boolean {
  const firstWord = next.trim().split(/\s/)[0];
  // Only a clearly short line counts: hand-wrapped text is ragged, but not that ragged.
  return previous.trim().length <= SHORT_LINE_SHARE * width && previous.trim().length + 1 + firstWord.length <= width;
}

/**
 * The width the document's prose is wrapped to: the length most wrapped lines reach (the
 * 90th percentile of lines that another line follows in a paragraph of three or more), or
 * the longest line of a document whose paragraphs are not wrapped.
 */
export function wrapWidth(lines: readonly string[]): number {
  const wrapped: number[] = [];
  let run: string[] = [];
  for (const line of [...lines, '']) {
    if (line.trim() !== '') {
      run.push(line.trim());
      continue;
    }
    if (run.length >= 3) wrapped.push(...run.slice(0, -1).map((text) => text.length));
    run = [];
  }
  if (wrapped.length === 0) return Math.max(0, ...lines.map((line) => line.trim().length));
  wrapped.sort((a, b) => a - b);
  return wrapped[Math.floor(0.9 * (wrapped.length - 1))];
}

/** One group of lines between blank lines, as blocks. */
function groupBlocks(group: string[], underline: string | undefined, width: number): Block[] {
  if (underline !== undefined && group.length === 1) {
    const mark = underline.trim()[0];
    return [{ kind: 'heading', level: mark === '=' ? 1 : mark === '-' ? 2 : 3, text: cleanText(group[0]) }];
  }
  const blocks: Block[] = [];
  let start = 0;
  const firstLevel = plainHeadingLevel(group[0]);
  const numberedItem = itemParts(group[0]) && /[.;,:!?]$/.test(group[0].trim());
  // In a group of several lines, the first is a heading only when it is clearly shorter than
  // the text's lines: a hard-wrapped paragraph's first line runs to the wrap width.
  const longest = Math.max(...group.map((line) => line.trim().length));
  const standsAlone = group.length === 1 || (group[0].trim().length <= 0.7 * longest && (!/^\d/.test(group[0].trim()) || !itemParts(group[1])));
  if (firstLevel !== undefined && !numberedItem && standsAlone) {
    blocks.push({ kind: 'heading', level: firstLevel, text: cleanText(group[0]) });
    start = 1;
  }
  let current: { lines: string[]; item?: { indent: number; marker: string } } | undefined;
  const indents: number[] = [];
  const flush = (): void => {
    if (!current) return;
    const text = cleanText(current.lines.join(' '));
    if (text !== '') {
      if (current.item) {
        const { indent, marker } = current.item;
        while (indents.length > 0 && indents[indents.length - 1] > indent) indents.pop();
        if (indents.length === 0 || indents[indents.length - 1] < indent) indents.push(indent);
        blocks.push({ kind: 'item', text, depth: indents.length - 1, ordered: /[0-9a-z]/.test(marker) && marker !== 'o', marker });
      } else {
        blocks.push({ kind: 'paragraph', text });
      }
    }
    current = undefined;
  };
  const lines = group.slice(start);
  for (const line of lines) {
    const item = itemParts(line);
    if (item) {
      flush();
      current = { lines: [item.text], item };
    } else if (!current || startsWithLabel(line) || (!current.item && deliberateBreak(current.lines[current.lines.length - 1], line, width))) {
      flush();
      current = { lines: [line.trim()] };
    } else {
      current.lines.push(line.trim());
    }
  }
  flush();
  return blocks;
}

export function readPlainText(source: string): Block[] {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const width = wrapWidth(lines);
  const blocks: Block[] = [];
  let group: string[] = [];
  for (let index = 0; index <= lines.length; index++) {
    const line = index < lines.length ? lines[index] : '';
    if (line.trim() !== '' && UNDERLINE.test(line) && line.trim().length >= 3) {
      if (group.length === 1) {
        blocks.push(...groupBlocks(group, line, width));
        group = [];
      } else if (group.length > 1) {
        // An underlined last line of a group: the lines above are text, the last a heading.
        const heading = group.pop()!;
        blocks.push(...groupBlocks(group, undefined, width), ...groupBlocks([heading], line, width));
        group = [];
      }
      continue;
    }
    if (line.trim() === '') {
      if (group.length > 0) blocks.push(...groupBlocks(group, undefined, width));
      group = [];
      continue;
    }
    group.push(line);
  }
  return blocks;
}
