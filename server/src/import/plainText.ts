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

/** One group of lines between blank lines, as blocks. */
function groupBlocks(group: string[], underline: string | undefined): Block[] {
  if (underline !== undefined && group.length === 1) {
    const mark = underline.trim()[0];
    return [{ kind: 'heading', level: mark === '=' ? 1 : mark === '-' ? 2 : 3, text: cleanText(group[0]) }];
  }
  const blocks: Block[] = [];
  let start = 0;
  const firstLevel = plainHeadingLevel(group[0]);
  const numberedItem = itemParts(group[0]) && /[.;,:!?]$/.test(group[0].trim());
  if (firstLevel !== undefined && !numberedItem && (group.length === 1 || !/^\d/.test(group[0].trim()) || !itemParts(group[1]))) {
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
  for (const line of group.slice(start)) {
    const item = itemParts(line);
    if (item) {
      flush();
      current = { lines: [item.text], item };
    } else if (!current || startsWithLabel(line)) {
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
  const blocks: Block[] = [];
  let group: string[] = [];
  for (let index = 0; index <= lines.length; index++) {
    const line = index < lines.length ? lines[index] : '';
    if (line.trim() !== '' && UNDERLINE.test(line) && line.trim().length >= 3) {
      if (group.length === 1) {
        blocks.push(...groupBlocks(group, line));
        group = [];
      } else if (group.length > 1) {
        // An underlined last line of a group: the lines above are text, the last a heading.
        const heading = group.pop()!;
        blocks.push(...groupBlocks(group, undefined), ...groupBlocks([heading], line));
        group = [];
      }
      continue;
    }
    if (line.trim() === '') {
      if (group.length > 0) blocks.push(...groupBlocks(group, undefined));
      group = [];
      continue;
    }
    group.push(line);
  }
  return blocks;
}
