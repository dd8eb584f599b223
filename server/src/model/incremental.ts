/**
 * Incremental parsing. A full `yaml` parse of a 3 MB strategy takes about a second, too slow
 * for every keystroke. Large strategies are mostly measures, so the text is split at the
 * items of each section's `measures` list: every item is parsed on its own (and kept in a
 * cache keyed by its text), the rest — the skeleton — is parsed once without them, and the
 * item nodes are stitched back into the skeleton's tree with their offsets in the whole
 * text. The result is the tree a full parse gives (test/unit/incremental.test.ts proves it
 * on random edit sequences); whenever the text is not in the plain block style this relies
 * on (anchors, several documents, tabs, a parse error anywhere), it falls back to a full parse.
 */
import { Composer, Document, isCollection, isMap, isPair, isScalar, isSeq, Node, YAMLSeq } from 'yaml';
import { boundedTokens, NestingTooDeepError, parseAllDocumentsBounded } from './parseYaml';
import { fastParseItem } from './fastItem';

export const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true } as const;

interface Chunk {
  start: number;
  end: number;
}

interface MeasureList {
  /** Offset of the `measures` key in the whole text. */
  keyOffset: number;
  /** The column of the items' dashes. */
  indent: number;
  chunks: Chunk[];
}

/** A list as the last parse stitched it: what an edit inside one of its items needs. */
interface StitchedList extends Omit<MeasureList, 'keyOffset'> {
  seq: YAMLSeq;
  /** The items cut out, one per chunk. */
  items: CachedItem[];
  /** The list's last item, parsed with the skeleton. */
  lastItem: CachedItem;
}

/** The last incremental parse of a document, kept to apply the next edit in place. */
interface Stitched {
  text: string;
  documents: Document.Parsed[];
  lists: StitchedList[];
  /** Every range array of the skeleton's own nodes (the items' are in their CachedItem). */
  skeletonRanges: Array<[number, number, number]>;
}

/**
 * What the document service (document.ts) keeps with a parsed item, such as its walk and
 * its measure: moved with the item when text before it grows or shrinks.
 */
export interface ItemAttachment {
  shift(delta: number): void;
}

interface CachedItem {
  node: Node;
  /** The offset the node's ranges are currently relative to (its chunk's start). */
  base: number;
  /** Every range array under the node, to shift them without walking the tree. */
  ranges: Array<[number, number, number]>;
  attached?: ItemAttachment;
}

/**
 * Parsed measure items by their text, reused across versions of one document. Owned by
 * the document service (document.ts), one per document.
 */
export class ParseCache {
  items = new Map<string, CachedItem[]>();
  /** The cached item of a node: the document service attaches the walk and the model to it. */
  byNode = new WeakMap<Node, CachedItem>();
  /** How the last parse went, for tests and the benchmark. */
  lastMode: 'full' | 'incremental' | 'in-place' = 'full';
  lastReused = 0;
  /** The last incremental parse, while the cache holds its items. */
  last?: Stitched;
  /** Where the last text differs from the one before it, when the edit was applied in place. */
  lastEdit?: TextEdit;

  /** Texts shorter than this are parsed whole: splitting them would not be felt. */
  constructor(readonly minLength = 20_000) {}

  /** Forgets every parsed item. */
  clear(): void {
    this.items.clear();
    this.byNode = new WeakMap();
    this.last = undefined;
    this.lastEdit = undefined;
  }
}

/** Where two versions of a text differ: `[start, oldEnd)` of the old became `[start, newEnd)`. */
export interface TextEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

// A lone \r is a line break to the editor but not to the line scanner below: parse such texts whole.
const UNSAFE = /(^|[\s[{,])[&*][^\s]|^%|^---|^\.\.\.|\t|^\uFEFF|\r(?!\n)/m;
const KEY_LINE = /^([A-Za-z0-9_-]+)[ \t]*:[ \t]*(#.*)?$/;

/** Parses the whole text; a file nested too deep is a NestingTooDeepError (see parseYaml.ts). */
export function parseFull(text: string): Document.Parsed[] {
  return parseAllDocumentsBounded(text, PARSE_OPTIONS);
}

/** Parses a strategy text, reusing what the cache holds of an earlier version. */
export function parseStrategyText(text: string, partKeys: ReadonlySet<string>, cache?: ParseCache): Document.Parsed[] {
  if (cache) cache.lastEdit = undefined;
  if (!cache || text.length < cache.minLength) return full(text, cache);
  if (cache.last) {
    try {
      const inPlace = editInPlace(text, cache, cache.last);
      if (inPlace) return inPlace;
    } catch (error) {
      // Too deep inside the item: the paths below find the place in the whole text's offsets.
      if (!(error instanceof NestingTooDeepError)) throw error;
    }
  }
  cache.last = undefined;
  if (UNSAFE.test(text)) return full(text, cache);
  const lists = scanMeasureLists(text, partKeys);
  if (!lists || lists.length === 0) return full(text, cache);
  let result: Document.Parsed[] | undefined;
  try {
    result = stitch(text, lists, cache);
  } catch (error) {
    // Too deep somewhere: the full parse finds the place in the whole text's offsets.
    if (!(error instanceof NestingTooDeepError)) throw error;
  }
  return result ?? full(text, cache);
}

function full(text: string, cache?: ParseCache): Document.Parsed[] {
  if (cache) {
    cache.items.clear();
    cache.last = undefined;
    cache.lastMode = 'full';
    cache.lastReused = 0;
  }
  return parseFull(text);
}

/**
 * Finds the block-style `measures:` lists under the parts' sections and the line ranges of
 * their items. Returns undefined when the layout is not plain enough to split safely.
 */
export function scanMeasureLists(text: string, partKeys: ReadonlySet<string>): MeasureList[] | undefined {
  const lists: MeasureList[] = [];
  let lineStart = 0;
  let inPart = false;
  let partIndent = -1;
  let inSection = false;
  let sectionIndent = -1;
  let list: MeasureList | undefined;
  let listIndent = -1;
  let chunk: Chunk | undefined;
  let measuresKeyOffset = -1;
  const closeList = (at: number): void => {
    if (chunk) {
      chunk.end = at;
      chunk = undefined;
    }
    if (list && list.chunks.length > 0) lists.push(list);
    list = undefined;
    listIndent = -1;
  };
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let contentEnd = lineEnd;
    if (contentEnd > lineStart && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
    let first = lineStart;
    while (first < contentEnd && text.charCodeAt(first) === 32) first++;
    const indent = first - lineStart;
    const head = first < contentEnd ? text.charCodeAt(first) : -1;
    // A dash alone, or followed by a space: a list item.
    const dash = head === 45 && (first + 1 === contentEnd || text.charCodeAt(first + 1) === 32);
    // Inside a list most lines belong to the current item: decided without copying the line.
    if (list && head !== -1 && head !== 35 && indent > listIndent) {
      if (lineEnd === text.length) break;
      lineStart = lineEnd + 1;
      continue;
    }
    const content = text.slice(first, contentEnd);
    const significant = content.length > 0 && content[0] !== '#';
    if (significant) {
      // Inside a list: an item line at the list's indentation starts a new chunk; deeper
      // lines belong to the current item; anything else ends the list.
      if (list) {
        const isItem = indent === listIndent && dash;
        if (isItem) {
          if (chunk) chunk.end = lineStart;
          chunk = { start: lineStart, end: text.length };
          list.chunks.push(chunk);
        } else if (indent <= listIndent) {
          closeList(lineStart);
        }
      } else if (measuresKeyOffset >= 0) {
        const keyOffset = measuresKeyOffset;
        measuresKeyOffset = -1;
        if (indent >= sectionIndent && dash) {
          list = { keyOffset, indent, chunks: [] };
          listIndent = indent;
          chunk = { start: lineStart, end: text.length };
          list.chunks.push(chunk);
        }
      }
      if (!list) {
        if (indent === 0) {
          if ('-[{?&*!|>\'"%@`'.includes(content[0])) return undefined;
          const match = KEY_LINE.exec(content);
          inPart = match !== null && partKeys.has(match[1]);
          partIndent = -1;
          inSection = false;
        } else if (inPart) {
          if (partIndent === -1) partIndent = indent;
          if (indent < partIndent) return undefined;
          if (indent === partIndent) {
            inSection = KEY_LINE.test(content);
            sectionIndent = -1;
          } else if (inSection) {
            if (sectionIndent === -1) sectionIndent = indent;
            if (indent === sectionIndent) {
              const match = KEY_LINE.exec(content);
              if (match && match[1] === 'measures') measuresKeyOffset = lineStart + indent;
            }
          }
        }
      }
    }
    if (lineEnd === text.length) break;
    lineStart = lineEnd + 1;
  }
  closeList(text.length);
  return lists;
}

/** Every range array under a node. */
function collectRanges(node: unknown, into: Array<[number, number, number]>): void {
  if (node === null || typeof node !== 'object') return;
  if (isPair(node)) {
    collectRanges(node.key, into);
    collectRanges(node.value, into);
    return;
  }
  const range = (node as Node).range;
  if (range) into.push(range);
  if (isCollection(node)) for (const item of node.items) collectRanges(item, into);
}

/** Moves ranges by `delta` characters. */
function moveRanges(ranges: Array<[number, number, number]>, delta: number): void {
  for (const range of ranges) {
    range[0] += delta;
    range[1] += delta;
    range[2] += delta;
  }
}

/** Every range array under a node parsed from a text that starts at `offset`, made offsets in the whole text. */
function rangesAt(node: Node, offset: number): Array<[number, number, number]> {
  const ranges: Array<[number, number, number]> = [];
  collectRanges(node, ranges);
  moveRanges(ranges, offset);
  return ranges;
}

/** Files an item under its text, among the items of the same text. */
function fileItem(items: Map<string, CachedItem[]>, text: string, item: CachedItem): void {
  const bucket = items.get(text);
  if (bucket) bucket.push(item);
  else items.set(text, [item]);
}

/** How many items the lists hold, the last ones in the skeleton included. */
function itemCount(lists: StitchedList[]): number {
  return lists.reduce((sum, list) => sum + list.items.length + 1, 0);
}

/** Moves a cached item, and what the document service attached to it, by `delta` characters. */
function shiftItem(item: CachedItem, delta: number): void {
  if (delta === 0) return;
  moveRanges(item.ranges, delta);
  item.attached?.shift(delta);
  item.base += delta;
}

/** Maps every range under a node through an offset mapping. */
function mapNode(node: unknown, map: (offset: number) => number): void {
  if (node === null || typeof node !== 'object') return;
  if (isPair(node)) {
    mapNode(node.key, map);
    mapNode(node.value, map);
    return;
  }
  const range = (node as Node).range;
  if (range) {
    range[0] = map(range[0]);
    range[1] = map(range[1]);
    range[2] = map(range[2]);
  }
  if (isCollection(node)) for (const item of node.items) mapNode(item, map);
}

/**
 * Parses a run of consecutive items of one list (one parse for the run is much cheaper than
 * one per item); the nodes' ranges are relative to the run's start. Every run is followed
 * by another item of its list (the last item of a list stays in the skeleton), so it is
 * parsed followed by a dash as the whole text has it: the parser ends an item's ranges
 * where the next token starts, and some items (those ending in comments, explicit keys)
 * run on to it.
 */
function parseItems(runText: string, count: number, indent: number): Node[] | undefined {
  const composer = new Composer(PARSE_OPTIONS);
  const documents = [...composer.compose(boundedTokens(`${runText}${' '.repeat(indent)}-`), true)];
  if (documents.length !== 1) return undefined;
  const document = documents[0];
  if (document.errors.length > 0 || document.warnings.length > 0) return undefined;
  const contents = document.contents;
  if (!isSeq(contents) || contents.items.length !== count + 1) return undefined;
  const items = contents.items.slice(0, count) as Array<Node | null>;
  return items.every((item) => item !== null && isMap(item)) ? (items as Node[]) : undefined;
}

function stitch(text: string, scanned: MeasureList[], cache: ParseCache): Document.Parsed[] | undefined {
  // The last item of each list stays in the skeleton: parsed in its place, it ends where a
  // full parse ends it, and every item cut out is followed by another item.
  const lists = scanned.map((list) => ({ ...list, chunks: list.chunks.slice(0, -1) })).filter((list) => list.chunks.length > 0);
  if (lists.length === 0) return undefined;
  const chunks = lists.flatMap((list) => list.chunks);
  // The skeleton: the text without the items; `cuts` maps its offsets back.
  const pieces: string[] = [];
  const cuts: Array<{ at: number; removed: number }> = [];
  let previous = 0;
  let removed = 0;
  for (const chunk of chunks) {
    pieces.push(text.slice(previous, chunk.start));
    removed += chunk.end - chunk.start;
    cuts.push({ at: chunk.start - (removed - (chunk.end - chunk.start)), removed });
    previous = chunk.end;
  }
  pieces.push(text.slice(previous));
  const skeletonText = pieces.join('');
  const skeletons = parseFull(skeletonText);
  if (skeletons.length !== 1 || skeletons[0].errors.length > 0) return undefined;
  const skeleton = skeletons[0];
  const toOriginal = (offset: number): number => {
    let low = 0;
    let high = cuts.length - 1;
    let shift = 0;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (cuts[mid].at <= offset) {
        shift = cuts[mid].removed;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return offset + shift;
  };
  mapNode(skeleton.contents, toOriginal);
  // The skeleton's own ranges (before the items are stitched in); the last items' are
  // taken out below: they move with their items.
  const skeletonRanges: Array<[number, number, number]> = [];
  collectRanges(skeleton.contents, skeletonRanges);

  // Parse or reuse every item.
  const previousItems = cache.items;
  const nextItems = new Map<string, CachedItem[]>();
  let reused = 0;
  const itemsOf = (list: MeasureList): CachedItem[] | undefined => {
    const found: Array<CachedItem | undefined> = list.chunks.map((chunk) => {
      const cached = previousItems.get(text.slice(chunk.start, chunk.end))?.pop();
      if (cached) {
        shiftItem(cached, chunk.start - cached.base);
        reused++;
      }
      return cached;
    });
    // Items in the plain style the fast parser knows are read by it; it declines the rest.
    for (let index = 0; index < found.length; index++) {
      if (found[index]) continue;
      const chunk = list.chunks[index];
      const ranges: Array<[number, number, number]> = [];
      const node = fastParseItem(text, chunk.start, chunk.end, ranges);
      if (!node) continue;
      // The fast parser declines comments: the item cannot end in one.
      const cached: CachedItem = { node, base: chunk.start, ranges };
      cache.byNode.set(node, cached);
      found[index] = cached;
    }
    // Parse each run of consecutive items that the cache does not have, in one go.
    for (let first = 0; first < found.length; first++) {
      if (found[first]) continue;
      let last = first;
      while (last + 1 < found.length && !found[last + 1]) last++;
      const runStart = list.chunks[first].start;
      const nodes = parseItems(text.slice(runStart, list.chunks[last].end), last - first + 1, list.indent);
      if (!nodes) return undefined;
      nodes.forEach((node, index) => {
        const ranges = rangesAt(node, runStart);
        const cached: CachedItem = { node, base: list.chunks[first + index].start, ranges };
        cache.byNode.set(node, cached);
        found[first + index] = cached;
      });
      first = last;
    }
    return list.chunks.map((chunk, index) => {
      const cached = found[index]!;
      fileItem(nextItems, text.slice(chunk.start, chunk.end), cached);
      return cached;
    });
  };

  // Find each list's `measures` pair in the skeleton (root → part → section → measures).
  const pairsByKeyOffset = new Map<number, { value: unknown }>();
  const root = skeleton.contents;
  if (!isMap(root)) return undefined;
  for (const partPair of root.items) {
    if (!isMap(partPair.value)) continue;
    for (const sectionPair of partPair.value.items) {
      if (!isMap(sectionPair.value)) continue;
      for (const pair of sectionPair.value.items) {
        const key = pair.key as Node | null;
        if (isScalar(key) && key.range) pairsByKeyOffset.set(key.range[0], pair as { value: unknown });
      }
    }
  }
  const stitched: StitchedList[] = [];
  for (const list of lists) {
    // The skeleton has the list with its last item alone; the others go before it.
    const seq = pairsByKeyOffset.get(list.keyOffset)?.value;
    if (!isSeq(seq) || seq.flow || seq.items.length !== 1 || !isMap(seq.items[0]) || !seq.range) {
      cache.items = new Map();
      return undefined;
    }
    const items = itemsOf(list);
    if (!items) {
      cache.items = new Map();
      return undefined;
    }
    const lastNode = seq.items[0] as Node;
    const lastItem: CachedItem = { node: lastNode, base: lastNode.range![0], ranges: rangesAt(lastNode, 0) };
    cache.byNode.set(lastNode, lastItem);
    seq.items = [...items.map((item) => item.node), lastNode];
    // The list starts at its first dash.
    seq.range[0] = list.chunks[0].start + list.indent;
    stitched.push({ indent: list.indent, chunks: list.chunks, seq, items, lastItem });
  }
  const itemRanges = new Set(stitched.flatMap((list) => list.lastItem.ranges));
  cache.items = nextItems;
  cache.lastMode = 'incremental';
  cache.lastReused = reused;
  cache.last = { text, documents: [skeleton], lists: stitched, skeletonRanges: skeletonRanges.filter((range) => !itemRanges.has(range)) };
  return [skeleton];
}

/** The length of the common prefix of two texts (compared a block at a time: much faster than by character). */
function commonPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let at = 0;
  for (let block = 4096; block >= 1; block >>= 4) {
    while (at + block <= limit && a.substr(at, block) === b.substr(at, block)) at += block;
  }
  return at;
}

/** The length of the common suffix of two texts, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  let length = 0;
  for (let block = 4096; block >= 1; block >>= 4) {
    while (length + block <= limit && a.substr(a.length - length - block, block) === b.substr(b.length - length - block, block)) length += block;
  }
  return length;
}

/** The last index at or below `offset` whose chunk starts at or before it. */
function chunkAt(chunks: Chunk[], offset: number): number {
  let low = 0;
  let high = chunks.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (chunks[mid].start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/**
 * Applies an edit that stays inside one measure item without the cost of the whole text:
 * only that item is parsed again, and what follows it moves by the edit's length. Returns
 * undefined when the edit does not keep the layout (it reaches an item's dash, adds a line
 * that would end the list, or makes the text unsafe to split), and the general path runs.
 */
function editInPlace(text: string, cache: ParseCache, last: Stitched): Document.Parsed[] | undefined {
  const old = last.text;
  if (old === text) {
    cache.lastEdit = { start: text.length, oldEnd: text.length, newEnd: text.length };
    cache.lastMode = 'in-place';
    cache.lastReused = itemCount(last.lists);
    return last.documents;
  }
  const start = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - start);
  const oldEnd = old.length - suffix;
  const newEnd = text.length - suffix;
  const delta = text.length - old.length;
  // The list and item the edit is in.
  let listIndex = -1;
  let chunkIndex = -1;
  for (let index = 0; index < last.lists.length; index++) {
    const chunks = last.lists[index].chunks;
    if (chunks[0].start > start) break;
    const found = chunkAt(chunks, start);
    if (found >= 0 && start < chunks[found].end) {
      listIndex = index;
      chunkIndex = found;
    }
  }
  if (listIndex < 0) return undefined;
  const list = last.lists[listIndex];
  const chunk = list.chunks[chunkIndex];
  // The dash and the character after it stay; the item keeps its end at a line start.
  if (start < chunk.start + list.indent + 2 || oldEnd > chunk.end) return undefined;
  const newChunkEnd = chunk.end + delta;
  if (newChunkEnd < text.length && text.charCodeAt(newChunkEnd - 1) !== 10) return undefined;
  // Every line the edit wrote must still belong to the item: blank, a comment, or deeper than the dash.
  const firstLine = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', newEnd);
  if (lineEnd === -1) lineEnd = text.length;
  if (UNSAFE.test(text.slice(firstLine, Math.min(text.length, lineEnd + 1)))) return undefined;
  if (lineEnd > newChunkEnd) return undefined;
  const chunkFirstLineEnd = text.indexOf('\n', chunk.start);
  for (let lineStart = firstLine; lineStart < lineEnd; ) {
    let end = text.indexOf('\n', lineStart);
    if (end === -1 || end > lineEnd) end = lineEnd;
    if (lineStart > chunkFirstLineEnd) {
      let first = lineStart;
      while (first < end && text.charCodeAt(first) === 32) first++;
      const head = first < end ? text.charCodeAt(first) : -1;
      if (head !== -1 && head !== 13 && head !== 35 && first - lineStart <= list.indent) return undefined;
    }
    lineStart = end + 1;
  }
  const chunkText = text.slice(chunk.start, newChunkEnd);
  let ranges: Array<[number, number, number]> = [];
  let node = fastParseItem(text, chunk.start, newChunkEnd, ranges);
  if (!node) {
    const nodes = parseItems(chunkText, 1, list.indent);
    if (!nodes) return undefined;
    node = nodes[0];
    ranges = rangesAt(node, chunk.start);
  }
  const replaced = list.items[chunkIndex];
  const item: CachedItem = { node, base: chunk.start, ranges };
  cache.byNode.set(node, item);
  // The cache by text: the old item's text gives way to the new one.
  const oldText = old.slice(chunk.start, chunk.end);
  const bucket = cache.items.get(oldText);
  if (bucket) {
    const at = bucket.indexOf(replaced);
    if (at >= 0) bucket.splice(at, 1);
    if (bucket.length === 0) cache.items.delete(oldText);
  }
  fileItem(cache.items, chunkText, item);

  list.items[chunkIndex] = item;
  list.seq.items[chunkIndex] = node;
  chunk.end = newChunkEnd;
  if (delta !== 0) {
    // Everything after the edit moves: later items, later lists, the skeleton's nodes after it.
    for (let index = listIndex; index < last.lists.length; index++) {
      const later = last.lists[index];
      for (let at = index === listIndex ? chunkIndex + 1 : 0; at < later.chunks.length; at++) {
        later.chunks[at].start += delta;
        later.chunks[at].end += delta;
        shiftItem(later.items[at], delta);
      }
      shiftItem(later.lastItem, delta);
    }
    for (const range of last.skeletonRanges) {
      if (range[0] >= oldEnd) range[0] += delta;
      if (range[1] >= oldEnd) range[1] += delta;
      if (range[2] >= oldEnd) range[2] += delta;
    }
  }
  last.text = text;
  cache.lastMode = 'in-place';
  cache.lastReused = itemCount(last.lists) - 1;
  cache.lastEdit = { start, oldEnd, newEnd };
  return last.documents;
}
