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
import { Issue } from '../findings';
import { Span } from '../text/lineIndex';
import { CheckedValue } from './walk';
import { Composer, Document, isCollection, isMap, isPair, isScalar, isSeq, Node, YAMLSeq } from 'yaml';
import { boundedTokens, NestingTooDeepError, parseAllDocumentsBounded } from './parseYaml';

export const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true } as const;

interface Chunk {
  start: number;
  end: number;
}

interface MeasureList {
  /** Offset of the `measures` key in the whole text. */
  keyOffset: number;
  chunks: Chunk[];
}

/** What the walk along the format made of one measure item, kept with the item. */
export interface ItemWalk {
  /** How the walk named the item in messages; a reuse needs the same. */
  where: string;
  checked: CheckedValue;
  issues: Issue[];
  /** Every span object in `checked`, `issues` and the measure model: shifted with the item. */
  spans: Span[];
  /** The measure model read from `checked` (owned by model/strategy.ts). */
  measure?: unknown;
}

interface CachedItem {
  node: Node;
  /** The offset the node's ranges are currently relative to (its chunk's start). */
  base: number;
  /** Every range array under the node, to shift them without walking the tree. */
  ranges: Array<[number, number, number]>;
  walk?: ItemWalk;
}

/** Parsed measure items by their text, reused across versions of one document. */
export class ParseCache {
  items = new Map<string, CachedItem[]>();
  /** The cached item of a node, for the walk and the model to reuse their work. */
  byNode = new WeakMap<Node, CachedItem>();
  /** How the last parse went, for tests and the benchmark. */
  lastMode: 'full' | 'incremental' = 'full';
  lastReused = 0;
  /** The schema the cached measures were read with. */
  schema?: unknown;
    /** Texts shorter than this are parsed whole: splitting them would not be felt. */
  minLength = 20_000;
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
  if (!cache || text.length < cache.minLength || UNSAFE.test(text)) return full(text, cache);
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
          list = { keyOffset, chunks: [] };
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

/** Moves a cached item, its walk and its model by `delta` characters. */
function shiftItem(item: CachedItem, delta: number): void {
  if (delta === 0) return;
  for (const range of item.ranges) {
    range[0] += delta;
    range[1] += delta;
    range[2] += delta;
  }
  for (const span of item.walk?.spans ?? []) {
    span.start += delta;
    span.end += delta;
  }
  item.base += delta;
}

/** Every distinct span object of an item's walk, so that shifting moves each once. */
export function collectSpans(checked: CheckedValue, issues: Issue[]): Span[] {
  const seen = new Set<Span>();
  const visit = (value: CheckedValue): void => {
    seen.add(value.span);
    for (const entry of value.entries?.values() ?? []) {
      seen.add(entry.keySpan);
      visit(entry.value);
    }
    for (const item of value.items ?? []) visit(item);
  };
  visit(checked);
  for (const issue of issues) {
    seen.add(issue.span);
    for (const related of issue.related ?? []) seen.add(related.span);
  }
  return [...seen];
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
 * A mapping of the skeleton ends where its last value ends, once the items are stitched in.
 * Only the skeleton's mappings are visited: the stitched lists have their ranges already.
 */
function extendEnds(node: unknown): void {
  if (!isMap(node) || !node.range) return;
  for (const pair of node.items) extendEnds(pair.value);
  const last = node.items[node.items.length - 1];
  const lastNode = (isPair(last) ? last.value : last) as Node | null;
  if (lastNode?.range) {
    node.range[1] = Math.max(node.range[1], lastNode.range[1]);
    node.range[2] = Math.max(node.range[2], lastNode.range[2]);
  }
}

/**
 * Parses a run of consecutive items of one list (one parse for the run is much cheaper than
 * one per item); the nodes' ranges are relative to the run's start.
 */
function parseItems(runText: string, count: number): Node[] | undefined {
  const composer = new Composer(PARSE_OPTIONS);
  const documents = [...composer.compose(boundedTokens(runText), true)];
  if (documents.length !== 1) return undefined;
  const document = documents[0];
  if (document.errors.length > 0 || document.warnings.length > 0) return undefined;
  const contents = document.contents;
  if (!isSeq(contents) || contents.items.length !== count) return undefined;
  const items = contents.items as Array<Node | null>;
  return items.every((item) => item !== null && isMap(item)) ? (items as Node[]) : undefined;
}

function stitch(text: string, lists: MeasureList[], cache: ParseCache): Document.Parsed[] | undefined {
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

  // Parse or reuse every item.
  const previousItems = cache.items;
  const nextItems = new Map<string, CachedItem[]>();
  let reused = 0;
  const itemsOf = (list: MeasureList): Node[] | undefined => {
    const found: Array<CachedItem | undefined> = list.chunks.map((chunk) => {
      const cached = previousItems.get(text.slice(chunk.start, chunk.end))?.pop();
      if (cached) {
        shiftItem(cached, chunk.start - cached.base);
        reused++;
      }
      return cached;
    });
    // Parse each run of consecutive items that the cache does not have, in one go.
    for (let first = 0; first < found.length; first++) {
      if (found[first]) continue;
      let last = first;
      while (last + 1 < found.length && !found[last + 1]) last++;
      const runStart = list.chunks[first].start;
      const nodes = parseItems(text.slice(runStart, list.chunks[last].end), last - first + 1);
      if (!nodes) return undefined;
      nodes.forEach((node, index) => {
        const ranges: Array<[number, number, number]> = [];
        collectRanges(node, ranges);
        for (const range of ranges) {
          range[0] += runStart;
          range[1] += runStart;
          range[2] += runStart;
        }
        const cached: CachedItem = { node, base: list.chunks[first + index].start, ranges };
        cache.byNode.set(node, cached);
        found[first + index] = cached;
      });
      first = last;
    }
    return list.chunks.map((chunk, index) => {
      const cached = found[index]!;
      const chunkText = text.slice(chunk.start, chunk.end);
      const bucket = nextItems.get(chunkText);
      if (bucket) bucket.push(cached);
      else nextItems.set(chunkText, [cached]);
      return cached.node;
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
  for (const list of lists) {
    const pair = pairsByKeyOffset.get(list.keyOffset);
    if (!pair || !(pair.value === null || (isScalar(pair.value) && pair.value.value === null))) {
      cache.items = new Map();
      return undefined;
    }
    const nodes = itemsOf(list);
    if (!nodes) {
      cache.items = new Map();
      return undefined;
    }
    const seq = new YAMLSeq();
    seq.items = nodes;
    const first = nodes[0].range!;
    const last = nodes[nodes.length - 1].range!;
    // The list starts at its first dash, two columns (or more) before the item's content.
    const firstChunk = list.chunks[0];
    const dash = text.indexOf('-', firstChunk.start);
    seq.range = [dash >= 0 && dash < first[0] ? dash : first[0], last[1], last[2]];
    pair.value = seq;
  }
  extendEnds(root);
  cache.items = nextItems;
  cache.lastMode = 'incremental';
  cache.lastReused = reused;
  return [skeleton];
}
