/**
 * The neutral model every document format is read into: headings, paragraphs and list
 * items, in document order, with the text as plain text. The structure step works on this
 * model only, so Word, Markdown and plain text are told apart once, by their readers.
 */

export interface HeadingBlock {
  kind: 'heading';
  /** 0 for the document's title when it is marked as such, 1 for the top level, 2 below it, … (relative: only the order matters). */
  level: number;
  text: string;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  /** The words at the start of the paragraph written in bold (`**Open data.** The …`), if any. */
  lead?: string;
}

export interface ItemBlock {
  kind: 'item';
  text: string;
  /** 0 for a top-level item, 1 for an item nested in it, … */
  depth: number;
  /** Whether the list is numbered (1., a), i.) rather than bulleted. */
  ordered: boolean;
  /** The number or bullet as written (`1.`, `a)`, `•`), or as Word numbers it. */
  marker: string;
  lead?: string;
}

export type Block = HeadingBlock | ParagraphBlock | ItemBlock;

/** The formats `dgs import` reads. */
export type DocumentFormat = 'docx' | 'md' | 'txt';

/** Spaces collapsed, ends trimmed: how every reader hands text over. */
export function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A table row as text: the first cell, then `Header: cell` for the others, so that a
 * table of measures ("Measure | Lead | Deadline | Budget") reads as a measure with its
 * fields stated plainly, and no cell's words are lost.
 */
export function tableRowText(cells: readonly string[], header: readonly string[] | undefined): string {
  const parts: string[] = [];
  cells.forEach((cell, index) => {
    const text = cleanText(cell);
    if (text === '') return;
    const label = header && index > 0 ? cleanText(header[index] ?? '') : '';
    parts.push(label === '' ? text : `${label}: ${text}`);
  });
  return parts.map((part, index) => (index < parts.length - 1 && !/[.!?;]$/.test(part) ? `${part}.` : part)).join(' ');
}

/** Rows of a table as blocks: one list item per body row, the header row kept as a paragraph. */
export function tableBlocks(rows: readonly (readonly string[])[]): Block[] {
  if (rows.length === 0) return [];
  const header = rows.length > 1 ? rows[0] : undefined;
  const blocks: Block[] = [];
  if (header) blocks.push({ kind: 'paragraph', text: header.map(cleanText).filter((cell) => cell !== '').join(' | ') });
  for (const row of header ? rows.slice(1) : rows) {
    const text = tableRowText(row, header);
    if (text !== '') blocks.push({ kind: 'item', text, depth: 0, ordered: false, marker: '|' });
  }
  return blocks;
}

/**
 * Whether a line starts with a label such as `Lead:`, `Budget:` or `**Deadline:**`. Such a
 * line stands on its own even when no blank line separates it from the text above, so
 * that the fields stated under a measure stay apart from its prose.
 */
export function startsWithLabel(line: string): boolean {
  return /^[*_]{0,2}[A-Z][A-Za-z /&-]{0,30}:[*_]{0,2}\s/.test(line.trim());
}

/**
 * The text without the given characters at its end. A loop rather than `/[…]+$/`, which
 * a regular expression engine tries from every position: quadratic on long text.
 */
export function trimEndOf(text: string, characters: string): string {
  let end = text.length;
  while (end > 0 && characters.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

/** Spaces and the punctuation that closes a title or a name. */
export const CLOSING_PUNCTUATION = ' \t\n:.;,–—-';
