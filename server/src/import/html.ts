/**
 * The HTML that mammoth makes of a Word document → blocks. mammoth writes a small, regular
 * HTML (h1–h6 from the heading styles, p, ul/ol/li from Word's numbering, strong, table),
 * so a tokenizer over tags and text is enough: no HTML parser is needed.
 */
import { Block, cleanText, tableBlocks } from './blocks';

const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)(\s[^<>]*)?\/?>|[^<]+|</g;
const MAX_HEADING_WORDS = 14;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

interface OpenBlock {
  kind: 'heading' | 'paragraph' | 'item';
  level: number;
  depth: number;
  ordered: boolean;
  marker: string;
  parts: { text: string; bold: boolean }[];
}

export function readHtml(html: string): Block[] {
  const blocks: Block[] = [];
  const lists: { ordered: boolean; count: number }[] = [];
  let open: OpenBlock | undefined;
  let bold = 0;
  let lastHeadingLevel = 0;
  let table: string[][] | undefined;
  let row: string[] | undefined;
  let cell: string | undefined;

  const start = (kind: OpenBlock['kind'], level = 0): void => {
    finish();
    const list = lists[lists.length - 1];
    const marker = kind !== 'item' ? '' : list?.ordered ? `${++list.count}.` : '•';
    open = { kind, level, depth: Math.max(0, lists.length - 1), ordered: list?.ordered ?? false, marker, parts: [] };
  };
  function finish(): void {
    const block = open;
    open = undefined;
    if (!block) return;
    const text = cleanText(block.parts.map((part) => part.text).join(''));
    if (text === '') return;
    let lead = '';
    for (const part of block.parts) {
      if (!part.bold && part.text.trim() !== '') break;
      lead += part.text;
    }
    const cleanLead = cleanText(lead) || undefined;
    if (block.kind === 'heading') {
      lastHeadingLevel = block.level;
      blocks.push({ kind: 'heading', level: block.level, text });
    } else if (block.kind === 'item') {
      blocks.push({ kind: 'item', text, depth: block.depth, ordered: block.ordered, marker: block.marker, lead: cleanLead });
    } else if (cleanLead === text && text.split(' ').length <= MAX_HEADING_WORDS && !/[.;,:]$/.test(text)) {
      // A short paragraph all in bold stands for a heading in documents written without heading styles.
      lastHeadingLevel = Math.min(6, lastHeadingLevel + 1);
      blocks.push({ kind: 'heading', level: lastHeadingLevel, text });
    } else {
      blocks.push({ kind: 'paragraph', text, lead: cleanLead });
    }
  }

  for (const match of html.matchAll(TOKEN)) {
    const [token, closing, rawName, attributes] = match;
    if (rawName === undefined) {
      const text = decodeEntities(token);
      if (cell !== undefined) cell += text;
      else {
        if (!open && text.trim() === '') continue;
        if (!open) start('paragraph');
        open!.parts.push({ text, bold: bold > 0 });
      }
      continue;
    }
    const name = rawName.toLowerCase();
    if (table && name !== 'table' && name !== 'tr' && name !== 'td' && name !== 'th') {
      if (name === 'br' || name === 'p') cell = cell === undefined ? cell : `${cell} `;
      continue;
    }
    if (/^h[1-6]$/.test(name)) {
      if (closing) finish();
      // The document's title (Word's Title style) is above every heading: level 0.
      else start('heading', /class="title"/.test(attributes ?? '') ? 0 : Number(name[1]));
    } else if (name === 'p') {
      if (closing) {
        if (open?.kind !== 'item') finish();
      } else if (open?.kind === 'item' && open.parts.length > 0) {
        open.parts.push({ text: ' ', bold: false });
      } else if (open?.kind !== 'item') start('paragraph');
    } else if (name === 'ul' || name === 'ol') {
      if (closing) lists.pop();
      else {
        finish();
        lists.push({ ordered: name === 'ol', count: 0 });
      }
    } else if (name === 'li') {
      if (closing) finish();
      else start('item');
    } else if (name === 'strong' || name === 'b') {
      bold = Math.max(0, bold + (closing ? -1 : 1));
    } else if (name === 'br') {
      open?.parts.push({ text: ' ', bold: bold > 0 });
    } else if (name === 'table') {
      if (closing) {
        blocks.push(...tableBlocks(table ?? []));
        table = undefined;
      } else {
        finish();
        table = [];
      }
    } else if (name === 'tr') {
      if (closing) {
        if (row && row.some((text) => text.trim() !== '')) table?.push(row);
        row = undefined;
      } else row = [];
    } else if (name === 'td' || name === 'th') {
      if (closing) {
        row?.push(cell ?? '');
        cell = undefined;
      } else cell = '';
    }
  }
  finish();
  return blocks;
}
