/**
 * Markdown → blocks. Reads what strategy drafts written in Markdown use: ATX (`## 2. Data`)
 * and underlined (setext) headings, bulleted and numbered lists with nesting, bold leads,
 * pipe tables, block quotes and code blocks (kept as text). Inline markup is removed; a
 * link keeps its address in brackets so that no word of the source is lost.
 */
import { Block, cleanText, ItemBlock, startsWithLabel, tableBlocks } from './blocks';

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t](.*))?$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const LIST_ITEM = /^([ \t]*)([-*+•]|\d{1,3}[.)]|[a-z][.)])[ \t]+(\S.*)$/;
const FENCE = /^ {0,3}(?:```|~~~)/;
const QUOTE = /^ {0,3}> ?/;

/** Inline Markdown to plain text: emphasis, code, links, images, escapes and inline HTML. */
export function markdownInline(text: string): string {
  return cleanText(
    text
      .replace(/!\[([^\][]*)\]\([^)\s]*\)/g, '$1')
      .replace(/\[([^\][]*)\]\(([^)\s]*)\)/g, (_, label: string, url: string) => (url && url !== label ? `${label} (${url})` : label))
      .replace(/<[a-zA-Z/][^>]*>/g, ' ')
      .replace(/\*\*|__|`/g, '')
      .replace(/(^|[\s(])[*_]([^*_\s][^*_]*)[*_]/g, '$1$2')
      .replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, '$1'),
  );
}

/** The bold words a paragraph or item starts with, as plain text. */
export function markdownLead(raw: string): string | undefined {
  const match = /^(?:\*\*([^*]+)\*\*|__([^_]+)__)/.exec(raw.trimStart());
  if (!match) return undefined;
  const lead = markdownInline(match[1] ?? match[2]);
  return lead === '' ? undefined : lead;
}

function isRule(line: string): boolean {
  const trimmed = line.replace(/\s/g, '');
  return trimmed.length >= 3 && /^(?:-+|\*+|_+)$/.test(trimmed);
}

function tableCells(line: string): string[] {
  let inner = line.trim();
  if (inner.startsWith('|')) inner = inner.slice(1);
  if (inner.endsWith('|')) inner = inner.slice(0, -1);
  return inner.split('|').map((cell) => markdownInline(cell));
}

function isTableSeparator(line: string): boolean {
  return /^[\s|:-]+$/.test(line) && line.includes('-');
}

export function readMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let paragraph: string[] = [];
  let item: { block: ItemBlock; raw: string; contentIndent: number } | undefined;
  let listIndents: number[] = [];
  let afterBlank = false;

  const flushParagraph = (): void => {
    if (paragraph.length === 0) return;
    const raw = paragraph.join(' ');
    const text = markdownInline(raw);
    if (text !== '') blocks.push({ kind: 'paragraph', text, lead: markdownLead(raw) });
    paragraph = [];
  };
  const flushItem = (): void => {
    if (!item) return;
    item.block.text = markdownInline(item.raw);
    item.block.lead = markdownLead(item.raw);
    if (item.block.text !== '') blocks.push(item.block);
    item = undefined;
  };
  const flushAll = (): void => {
    flushParagraph();
    flushItem();
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (line.trim() === '') {
      flushParagraph();
      afterBlank = true;
      continue;
    }
    if (FENCE.test(line)) {
      flushAll();
      listIndents = [];
      const code: string[] = [];
      for (index++; index < lines.length && !FENCE.test(lines[index]); index++) code.push(lines[index]);
      const text = cleanText(code.join(' '));
      if (text !== '') blocks.push({ kind: 'paragraph', text });
      afterBlank = false;
      continue;
    }
    const atx = ATX_HEADING.exec(line);
    if (atx) {
      flushAll();
      listIndents = [];
      const text = markdownInline((atx[2] ?? '').replace(/[ \t]#+[ \t]*$/, ''));
      if (text !== '') blocks.push({ kind: 'heading', level: atx[1].length, text });
      afterBlank = false;
      continue;
    }
    if (SETEXT_UNDERLINE.test(line) && paragraph.length > 0 && !afterBlank) {
      const text = markdownInline(paragraph.join(' '));
      paragraph = [];
      if (text !== '') blocks.push({ kind: 'heading', level: line.trim().startsWith('=') ? 1 : 2, text });
      listIndents = [];
      continue;
    }
    if (isRule(line)) {
      flushAll();
      listIndents = [];
      afterBlank = false;
      continue;
    }
    if (line.trim().startsWith('|')) {
      flushAll();
      listIndents = [];
      const rows: string[][] = [];
      for (; index < lines.length && lines[index].trim().startsWith('|'); index++) {
        if (!isTableSeparator(lines[index])) rows.push(tableCells(lines[index]));
      }
      index--;
      blocks.push(...tableBlocks(rows));
      afterBlank = false;
      continue;
    }
    const content = line.replace(QUOTE, '');
    const listItem = LIST_ITEM.exec(content);
    if (listItem) {
      flushAll();
      const indent = listItem[1].replace(/\t/g, '    ').length;
      while (listIndents.length > 0 && listIndents[listIndents.length - 1] > indent) listIndents.pop();
      if (listIndents.length === 0 || listIndents[listIndents.length - 1] < indent) listIndents.push(indent);
      const marker = listItem[2];
      item = {
        block: { kind: 'item', text: '', depth: listIndents.length - 1, ordered: /^[0-9a-z]/.test(marker), marker },
        raw: listItem[3],
        contentIndent: indent + marker.length + 1,
      };
      afterBlank = false;
      continue;
    }
    const indent = (/^[ \t]*/.exec(content)?.[0] ?? '').replace(/\t/g, '    ').length;
    if (item && (!afterBlank || indent >= item.contentIndent)) {
      item.raw += ` ${content.trim()}`;
      afterBlank = false;
      continue;
    }
    if (item) {
      flushItem();
      listIndents = [];
    }
    if (afterBlank || startsWithLabel(content)) flushParagraph();
    paragraph.push(content.trim());
    afterBlank = false;
  }
  flushAll();
  return blocks;
}
