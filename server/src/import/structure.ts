/**
 * Blocks → the structure of a strategy: the title page, sections with their prose and
 * measures, and what fits nowhere. Which recommendation a section answers is decided later
 * (assemble.ts), by the clause mapper; this step only reads the document's own shape.
 *
 * The rules, in short: headings make a tree. A heading named as a measure ("Action 2.1",
 * "M3", "1.2.1") or a short heading whose text states a lead, a date or a budget is a
 * measure. Under any other heading, top-level list items, paragraphs with a bold lead and
 * paragraphs opening with "Action N" are measures; lines such as "Lead: …" after a measure
 * belong to it. A heading with measures is a section; its other prose is the section's
 * summary. A heading without measures anywhere below it is kept as unplaced text.
 */
import { Block, CLOSING_PUNCTUATION, HeadingBlock, trimEndOf } from './blocks';
import { extractFields, MeasureFields } from './fields';
import { guessStrategy, StrategyGuess } from './strategyBlock';
import { isFieldLine, splitRef, splitTitle } from './titles';

export interface DraftMeasure {
  ref?: string;
  title: string;
  description?: string;
  fields: MeasureFields;
}

export interface DraftSection {
  /** The headings from the top of the document down to this section. */
  path: string[];
  summary: string[];
  measures: DraftMeasure[];
}

export interface UnplacedText {
  /** The heading the text stood under, if any. */
  heading?: string;
  text: string[];
}

export interface DocumentStructure {
  strategy: StrategyGuess;
  sections: DraftSection[];
  unplaced: UnplacedText[];
}

interface Node {
  heading?: HeadingBlock;
  children: Node[];
  content: Block[];
}

const MEASURE_HEADING =
  /^(?:(?:action|measure|initiative|project|commitment|activity)\s?(?:no\.\s?)?[A-Z]?\d{1,2}|[A-Z]{1,4}-?\d{1,3}(?:\.\d{1,2})?[\s:.)–—-]|\d{1,2}\.\d{1,2}\.\d{1,2})/i;
const MEASURE_PARAGRAPH = /^(?:action|measure|initiative|commitment)\s?(?:no\.\s?)?[A-Z]?\d{1,2}(?:\.\d{1,2}){0,2}[a-z]?\s?[:.)–—-]/i;
const MIN_ITEM_WORDS = 4;
const MAX_MEASURE_HEADING_WORDS = 16;

function buildTree(blocks: readonly Block[]): Node {
  const root: Node = { children: [], content: [] };
  const stack: Node[] = [root];
  for (const block of blocks) {
    if (block.kind !== 'heading') {
      stack[stack.length - 1].content.push(block);
      continue;
    }
    while (stack.length > 1 && stack[stack.length - 1].heading!.level >= block.level) stack.pop();
    const node: Node = { heading: block, children: [], content: [] };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  }
  return root;
}

/** Every block under a node, its sub-headings included as text, in document order. */
function flatten(node: Node): string[] {
  const lines: string[] = [];
  for (const block of node.content) lines.push(itemText(block));
  for (const child of node.children) lines.push(child.heading!.text, ...flatten(child));
  return lines;
}

function hasFields(fields: MeasureFields): boolean {
  return fields.lead !== undefined || fields.due !== undefined || fields.budget !== undefined;
}

/** What every step needs to know of the whole document. */
interface Context {
  /** Every heading's words, to know a table of contents when one is listed. */
  headings: Set<string>;
}

function words(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** An item's text with its number, when it has one: a number is a word of the document too. */
function itemText(block: Block): string {
  if (block.kind !== 'item' || !block.ordered || block.marker === '') return block.text;
  return `${block.marker} ${block.text}`;
}

function isMeasureHeading(node: Node, parent: Node, context: Context): boolean {
  const text = node.heading!.text;
  if (MEASURE_HEADING.test(text)) return true;
  // A top-level heading is a chapter, whatever its text states.
  if (!parent.heading || node.children.length > 0 || parent.children.length < 2 || text.split(/\s+/).length > MAX_MEASURE_HEADING_WORDS) return false;
  // A heading whose text has measures of its own (a list, bold leads) is a section, not a measure.
  if (readContent(node.content, context).measures.length > 0) return false;
  return hasFields(extractFields(node.content.map((block) => block.text).join(' '), text));
}

function measure(text: string, lead: string | undefined, extra: readonly string[], marker: string | undefined): DraftMeasure {
  const split = splitTitle(text, lead);
  // A numbered item's number is the document's reference for it, unless the text gives its own.
  if (!split.ref && marker) split.ref = marker.replace(/^\(|[.)]$/g, '');
  const descriptionParts = [split.description, ...extra].filter((part): part is string => part !== undefined && part !== '');
  const description = descriptionParts.join('\n');
  return {
    ...(split.ref ? { ref: split.ref } : {}),
    title: split.title,
    ...(description !== '' ? { description } : {}),
    fields: extractFields(`${split.title}. ${description}`, split.title),
  };
}

function headingMeasure(node: Node): DraftMeasure {
  const { ref, rest } = splitRef(node.heading!.text);
  const body = flatten(node);
  const description = body.join('\n');
  const title = trimEndOf(rest, CLOSING_PUNCTUATION);
  return {
    ...(ref ? { ref } : {}),
    title,
    ...(description !== '' ? { description } : {}),
    fields: extractFields(`${title}. ${description}`, title),
  };
}

/** The measures and prose of a node's own blocks. */
function readContent(blocks: readonly Block[], context: Context): { measures: DraftMeasure[]; prose: string[] } {
  const measures: DraftMeasure[] = [];
  const prose: string[] = [];
  // The measure being read and the lines that belong to it: nested items, field lines.
  let current: { text: string; lead?: string; extra: string[]; marker?: string } | undefined;
  const close = (): void => {
    if (current) measures.push(measure(current.text, current.lead, current.extra, current.marker));
    current = undefined;
  };
  for (const block of blocks) {
    if (block.kind === 'item' && block.depth > 0 && current) {
      current.extra.push(itemText(block));
      continue;
    }
    if (isFieldLine(block.text) && current) {
      current.extra.push(block.text);
      continue;
    }
    // An item that repeats a heading of the document is an entry of a table of contents.
    const listsHeading = block.kind === 'item' && (context.headings.has(words(itemText(block))) || context.headings.has(words(block.text)));
    const startsMeasure =
      (block.kind === 'item' && !listsHeading && (block.text.split(/\s+/).length >= MIN_ITEM_WORDS || hasFields(extractFields(block.text, block.text)))) ||
      (block.kind === 'paragraph' && block.lead !== undefined && block.lead !== block.text && !isFieldLine(block.lead)) ||
      (block.kind === 'paragraph' && MEASURE_PARAGRAPH.test(block.text));
    if (startsMeasure) {
      close();
      current = { text: block.text, lead: block.lead, extra: [], ...(block.kind === 'item' && block.ordered ? { marker: block.marker } : {}) };
      continue;
    }
    close();
    prose.push(itemText(block));
  }
  close();
  return { measures, prose };
}

interface Collected {
  sections: DraftSection[];
  unplaced: UnplacedText[];
}

function subtreeHasMeasures(node: Node, context: Context): boolean {
  return collectNode(node, [], context).sections.length > 0;
}

/** Sections and unplaced text of a node and everything under it. */
function collectNode(node: Node, parentPath: readonly string[], context: Context): Collected {
  const path = node.heading ? [...parentPath, node.heading.text] : [...parentPath];
  const measureChildren = node.children.filter((child) => isMeasureHeading(child, node, context));
  const otherChildren = node.children.filter((child) => !measureChildren.includes(child));
  const own = readContent(node.content, context);
  const measures = [...own.measures];
  // Measures keep document order: those in the node's own text come before its measure headings.
  for (const child of measureChildren) measures.push(headingMeasure(child));
  const result: Collected = { sections: [], unplaced: [] };
  const sectionChildren = otherChildren.filter((child) => subtreeHasMeasures(child, context));
  const proseChildren = otherChildren.filter((child) => !sectionChildren.includes(child));
  const proseLines = (children: readonly Node[]): string[] => children.flatMap((child) => [child.heading!.text, ...flatten(child)]);
  if (measures.length > 0) {
    result.sections.push({ path, summary: [...own.prose, ...proseLines(proseChildren)], measures });
    for (const child of sectionChildren) {
      const inner = collectNode(child, path, context);
      result.sections.push(...inner.sections);
      result.unplaced.push(...inner.unplaced);
    }
    return result;
  }
  if (sectionChildren.length === 1 && node.heading) {
    // One section under this heading: the heading's own prose and its other sub-headings are that section's.
    const inner = collectNode(sectionChildren[0], path, context);
    const [first, ...rest] = inner.sections;
    first.summary = [...own.prose, ...proseLines(proseChildren), ...first.summary];
    result.sections.push(first, ...rest);
    result.unplaced.push(...inner.unplaced);
    return result;
  }
  if (own.prose.length > 0) {
    result.unplaced.push({ ...(node.heading ? { heading: node.heading.text } : {}), text: own.prose });
  }
  for (const child of otherChildren) {
    if (sectionChildren.includes(child)) {
      const inner = collectNode(child, path, context);
      result.sections.push(...inner.sections);
      result.unplaced.push(...inner.unplaced);
    } else {
      result.unplaced.push({ heading: child.heading!.text, text: flatten(child) });
    }
  }
  return result;
}

/** A paragraph longer than this is text, not a line of a title page. */
const TITLE_LINE_WORDS = 25;
const MAX_TITLE_PAGE_BLOCKS = 8;

/** A heading that belongs on a title page: the marked title, or one that names a year or a government. */
function titleLike(heading: HeadingBlock): boolean {
  return heading.level === 0 || /\b(?:19|20)\d{2}\b/.test(heading.text) || guessStrategy([heading.text], []).government !== undefined;
}

/**
 * Splits off the title page: the short lines that open the document, and headings among
 * them that read as a title (the marked title, a year, a government's name), up to the
 * first other heading or the first real text (a long paragraph, a list, a table).
 */
function titlePage(blocks: readonly Block[]): { lines: string[]; headings: Set<string>; rest: Block[] } {
  let end = 0;
  while (end < blocks.length && end < MAX_TITLE_PAGE_BLOCKS) {
    const block = blocks[end];
    if (block.kind === 'item') break;
    if (block.kind === 'heading' && !titleLike(block)) break;
    if (block.kind === 'paragraph' && block.text.split(/\s+/).length > TITLE_LINE_WORDS) break;
    end++;
  }
  // A document that opens straight with its text has no title page but its first heading.
  if (end === 0 && blocks[0]?.kind === 'heading') end = 1;
  const page = blocks.slice(0, end);
  return {
    lines: page.map((block) => block.text),
    headings: new Set(page.filter((block) => block.kind === 'heading').map((block) => block.text)),
    rest: blocks.slice(end),
  };
}

export function readStructure(blocks: readonly Block[]): DocumentStructure {
  const page = titlePage(blocks);
  const tree = buildTree(page.rest);
  const opening = page.rest.slice(0, 8).map((block) => block.text);
  const strategy = guessStrategy(page.lines, opening, page.headings);
  const headings = new Set(blocks.filter((block) => block.kind === 'heading').map((block) => words(block.text)));
  const collected = collectNode(tree, [], { headings });
  const titleLines = page.lines.filter((line) => line !== strategy.title);
  const unplaced = [...(titleLines.length > 0 ? [{ heading: 'Title page', text: titleLines }] : []), ...collected.unplaced].filter(
    (entry) => entry.text.length > 0 || entry.heading !== undefined,
  );
  return { strategy, sections: collected.sections, unplaced };
}
