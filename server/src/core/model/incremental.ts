/**
 * Incremental, error-tolerant parsing. A full `yaml` parse of a 3 MB strategy takes about a
 * second, too slow for every keystroke. Large strategies are mostly measures, so the text is
 * split at the items of each section's `measures` list: every item is parsed on its own
 * (and kept in a cache keyed by its text), the rest — the skeleton — is parsed once without
 * them, and the item nodes are stitched back into the skeleton's tree with their offsets in
 * the whole text. The result is the tree a full parse gives (test/unit/incremental.test.ts
 * proves it on random edit sequences).
 *
 * The same split confines a syntax error to the smallest unit that holds it: a measure item
 * that does not parse on its own, a field of the skeleton (a line and the lines indented
 * under it) where the skeleton's parse fails, or the lines before the first top-level key.
 * Such a broken unit is left out of the tree, as if it were blank, and reported with its
 * parser errors; everything else is read as usual. What a text gives therefore depends on
 * the text alone, never on the edits that led to it. Texts not in the plain block style
 * this relies on (anchors, several documents, tabs) are parsed whole.
 */
import { Composer, Document, isCollection, isMap, isPair, isScalar, isSeq, Node, Pair, YAMLSeq } from 'yaml';
import { boundedTokens, lineEndAfter, NestingTooDeepError, parseAllDocumentsBounded, withoutTraces } from './parseYaml';
import { fastParseItem } from './fastItem';
import { differenceOf, TextEdit } from '../text/textEdit';
import { addToBucket, removeFromBucket } from './buckets';

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

/** A parser error inside a broken unit, in offsets of the whole text. */
export interface UnitError {
  start: number;
  end: number;
  code: string;
  message: string;
}

/** A part of the text that does not parse: left out of the tree, reported with its errors. */
export interface BrokenUnit {
  /** From the start of the unit's first line to the start of the line after it. */
  start: number;
  end: number;
  kind: 'measure' | 'field' | 'preamble';
  errors: UnitError[];
}

/** A strategy text parsed: its documents (the first is the strategy) and the units left out. */
export interface ParsedStrategy {
  documents: Document.Parsed[];
  /** In text order. */
  broken: BrokenUnit[];
}

/** A list as the last parse stitched it: what an edit inside one of its items needs. */
interface StitchedList extends MeasureList {
  /** The list's last item's lines, which the skeleton holds (`chunks` are the items cut out). */
  lastChunk: Chunk;
  seq: YAMLSeq;
  /** The items cut out, one per chunk; none for a broken one. */
  items: Array<CachedItem | undefined>;
  /** The broken items, one per chunk. */
  broken: Array<BrokenUnit | undefined>;
  /** The list's last item, parsed with the skeleton (none when it is broken: it is among the skeleton's broken units). */
  lastItem?: CachedItem;
}

/** The last incremental parse of a document, kept to apply the next edit in place. */
interface Stitched {
  text: string;
  documents: Document.Parsed[];
  lists: StitchedList[];
  /** Every range array of the skeleton's own nodes (the items' are in their CachedItem). */
  skeletonRanges: Array<[number, number, number]>;
  /** The broken units of the skeleton: the lines before the first key, fields, last items. */
  skeletonBroken: BrokenUnit[];
  /** The lists of a single item (the skeleton holds it): none of their items is cut out. */
  singles: MeasureList[];
  /** Every list was stitched (none inside a field left out): the stitch can be redone from these lists alone. */
  complete: boolean;
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


// A lone \r is a line break to the editor but not to the line scanner below: parse such texts whole.
const UNSAFE = /(^|[\s[{,])[&*][^\s]|^%|^---|^\.\.\.|\t|^\uFEFF|\r(?!\n)/m;
const KEY_LINE = /^([A-Za-z0-9_-]+)[ \t]*:[ \t]*(#.*)?$/;

/** Parses the whole text; a file nested too deep is a NestingTooDeepError (see parseYaml.ts). */
export function parseFull(text: string): Document.Parsed[] {
  return parseAllDocumentsBounded(text, PARSE_OPTIONS);
}

function isClean(documents: Document.Parsed[]): boolean {
  return documents.length === 1 && documents[0].errors.length === 0;
}

/**
 * Parses a strategy text, reusing what the cache holds of an earlier version. `known` is
 * where the text differs from an earlier one, when the caller has already found it (the
 * search for it is a scan of the text): used when that is the version the cache holds.
 */
export function parseStrategyText(text: string, partKeys: ReadonlySet<string>, cache: ParseCache, known?: { old: string; edit: TextEdit }): ParsedStrategy {
  cache.lastEdit = undefined;
  let whole: Document.Parsed[] | undefined;
  if (text.length < cache.minLength) {
    // A short text is parsed whole; only one that does not parse is split, to confine its errors.
    whole = full(text, cache);
    if (isClean(whole)) return { documents: whole, broken: [] };
  } else if (cache.last) {
    try {
      const inPlace = editInPlace(text, cache, cache.last, known?.old === cache.last.text ? known.edit : undefined);
      if (inPlace) return inPlace;
    } catch (error) {
      // Too deep inside the item: the paths below find the place in the whole text's offsets.
      if (!(error instanceof NestingTooDeepError)) throw error;
    }
  }
  cache.last = undefined;
  if (UNSAFE.test(text)) return { documents: whole ?? full(text, cache), broken: [] };
  const preamble = preambleOf(text);
  const scanned = scanMeasureLists(preamble ? mask(text, [preamble]) : text, partKeys);
  let result: ParsedStrategy | undefined;
  if (scanned) {
    try {
      result = stitch(text, scanned, cache, preamble);
    } catch (error) {
      // Too deep somewhere: the full parse finds the place in the whole text's offsets.
      if (!(error instanceof NestingTooDeepError)) throw error;
    }
  }
  return result ?? { documents: whole ?? full(text, cache), broken: [] };
}

function full(text: string, cache: ParseCache): Document.Parsed[] {
  cache.items.clear();
  cache.last = undefined;
  cache.lastMode = 'full';
  cache.lastReused = 0;
  return parseFull(text);
}

/**
 * The lines before the first top-level key, when there are any and they are not blank or
 * comments (a file whose first lines were deleted, say): one broken unit. A whole parse
 * would read them as the root (a list, or a single value) and report every line after them.
 */
function preambleOf(text: string): BrokenUnit | undefined {
  let lineStart = 0;
  let significant = -1;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const head = text.charCodeAt(lineStart);
    if (head !== 32 && head !== 35 && head !== 10 && head !== 13) {
      // The first line at the margin: a top-level key, or something else at the root.
      if (significant < 0) return undefined;
      const content = text.slice(lineStart, lineEnd).replace(/\r$/, '');
      if (!KEY_LINE.test(content) && !/^[A-Za-z0-9_-]+:\s/.test(content)) return undefined;
      return {
        start: 0,
        end: lineStart,
        kind: 'preamble',
        errors: [
          {
            start: significant,
            end: Math.max(significant, text.indexOf('\n', significant) === -1 ? text.length : text.indexOf('\n', significant)),
            code: 'PREAMBLE',
            message: 'These lines come before the first top-level key (such as strategy:), so the file cannot be read as a strategy from here; they are left out until the file starts with a key at the left margin.',
          },
        ],
      };
    }
    if (significant < 0 && !/^\s*(#.*)?\r?$/.test(text.slice(lineStart, lineEnd))) significant = lineStart + (text.slice(lineStart, lineEnd).length - text.slice(lineStart, lineEnd).trimStart().length);
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** The text with the units blanked: every character but line breaks becomes a space, so that offsets stay. */
function mask(text: string, units: ReadonlyArray<{ start: number; end: number }>): string {
  if (units.length === 0) return text;
  const sorted = [...units].sort((a, b) => a.start - b.start);
  const pieces: string[] = [];
  let at = 0;
  for (const unit of sorted) {
    const start = Math.max(unit.start, at);
    if (unit.end <= start) continue;
    pieces.push(text.slice(at, start), text.slice(start, unit.end).replace(/[^\r\n]/g, ' '));
    at = unit.end;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
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
 * run on to it. Returns the parser's errors (relative to the run's start) when there are
 * any, and undefined when the run parses into something else than `count` mappings.
 */
function parseItems(runText: string, count: number, indent: number): { nodes: Node[] } | { errors: UnitError[] } | undefined {
  const composer = new Composer(PARSE_OPTIONS);
  // (A list's last item may end the text without a line break: the dash goes on a line of its own.)
  const newline = runText.endsWith('\n') ? '' : '\n';
  const documents = withoutTraces(() => [...composer.compose(boundedTokens(`${runText}${newline}${' '.repeat(indent)}-`), true)]);
  const errors = documents.flatMap((document) => document.errors);
  if (errors.length > 0) {
    // The dash added after the run is not the drafter's: an error there is put at the run's end.
    const end = Math.max(0, runText.length - 1);
    return { errors: errors.map((error) => ({ start: Math.min(error.pos[0], end), end: Math.min(Math.max(error.pos[1], error.pos[0]), runText.length), code: error.code, message: error.message })) };
  }
  if (documents.length !== 1) return undefined;
  const document = documents[0];
  if (document.warnings.length > 0) return undefined;
  const contents = document.contents;
  if (!isSeq(contents) || contents.items.length !== count + 1) return undefined;
  const items = contents.items.slice(0, count) as Array<Node | null>;
  return items.every((item) => item !== null && isMap(item)) ? { nodes: items as Node[] } : undefined;
}

/** A chunk that does not parse on its own, as a broken measure with its errors in the text's offsets. */
function brokenItem(chunk: Chunk, errors: UnitError[]): BrokenUnit {
  return { start: chunk.start, end: chunk.end, kind: 'measure', errors: errors.map((error) => ({ ...error, start: error.start + chunk.start, end: error.end + chunk.start })) };
}

/** Parses one chunk alone: its node (ranges in the text's offsets), its errors, or undefined when it is outside what the split handles. */
function parseChunk(text: string, chunk: Chunk, indent: number): { node: Node; ranges: Array<[number, number, number]> } | { broken: BrokenUnit } | undefined {
  const ranges: Array<[number, number, number]> = [];
  const fast = fastParseItem(text, chunk.start, chunk.end, ranges);
  if (fast) return { node: fast, ranges };
  const parsed = parseItems(text.slice(chunk.start, chunk.end), 1, indent);
  if (!parsed) return undefined;
  if ('errors' in parsed) return { broken: brokenItem(chunk, parsed.errors) };
  return { node: parsed.nodes[0], ranges: rangesAt(parsed.nodes[0], chunk.start) };
}

/** The start of the line after the one `offset` is on (or the text's end). */
function nextLineStart(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end + 1;
}

/** The indentation of the line that starts at `lineStart`, and whether it is blank or a comment. */
function lineIndent(text: string, lineStart: number): { indent: number; significant: boolean } {
  let first = lineStart;
  while (first < text.length && text.charCodeAt(first) === 32) first++;
  const head = first < text.length ? text.charCodeAt(first) : 10;
  return { indent: first - lineStart, significant: head !== 10 && head !== 13 && head !== 35 };
}

/**
 * The field of the skeleton around an offset: its line, and the lines after it indented
 * deeper (blank lines and comments among them), up to the next line at its indentation or
 * less. With `outward`, the field that holds that one (the nearest line above indented less).
 */
function fieldAround(text: string, offset: number, outward: number): Chunk {
  let lineStart = text.lastIndexOf('\n', Math.max(0, Math.min(offset, text.length) - 1)) + 1;
  // An error at the very start of a line (a blank one, or where a key should have ended) belongs to the field before it.
  while (lineStart > 0 && !lineIndent(text, lineStart).significant) lineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  let indent = lineIndent(text, lineStart).indent;
  for (let level = 0; level < outward && indent > 0; level++) {
    let above = lineStart;
    while (above > 0) {
      above = text.lastIndexOf('\n', above - 2) + 1;
      const line = lineIndent(text, above);
      if (line.significant && line.indent < indent) break;
    }
    const line = lineIndent(text, above);
    if (!line.significant || line.indent >= indent) break;
    lineStart = above;
    indent = line.indent;
  }
  let end = nextLineStart(text, lineStart);
  let last = end;
  while (end < text.length) {
    const line = lineIndent(text, end);
    if (line.significant && line.indent <= indent) break;
    end = nextLineStart(text, end);
    if (line.significant) last = end;
  }
  return { start: lineStart, end: last };
}

/** How many times the skeleton is parsed again, each time with one more field left out, before the whole text is parsed instead. */
const MAX_SKELETON_ROUNDS = 12;

/**
 * Stitches the items of the scanned lists into the skeleton's tree. With `reuse`, the
 * items of an edit applied in place: the cached item of each chunk whose text did not
 * change (moved to the chunk's place), the cache by text already up to date for them.
 */
function stitch(text: string, scanned: MeasureList[], cache: ParseCache, preamble: BrokenUnit | undefined, reuse?: Map<Chunk, CachedItem>): ParsedStrategy | undefined {
  const skeletonBroken: BrokenUnit[] = preamble ? [preamble] : [];
  // The last item of each list stays in the skeleton: parsed in its place, it ends where a
  // full parse ends it, and every item cut out is followed by another item. One that does
  // not parse on its own is left out of the skeleton, as the others are.
  for (const list of scanned) {
    const last = list.chunks[list.chunks.length - 1];
    const parsed = parseChunk(text, last, list.indent);
    if (parsed && 'broken' in parsed) skeletonBroken.push(parsed.broken);
  }
  const lists = scanned.map((list) => ({ ...list, chunks: list.chunks.slice(0, -1), lastChunk: list.chunks[list.chunks.length - 1] })).filter((list) => list.chunks.length > 0);
  const chunks = lists.flatMap((list) => list.chunks);
  // The skeleton: the text without the items; `cuts` maps its offsets back.
  const cuts: Array<{ at: number; removed: number }> = [];
  let removed = 0;
  for (const chunk of chunks) {
    removed += chunk.end - chunk.start;
    cuts.push({ at: chunk.start - (removed - (chunk.end - chunk.start)), removed });
  }
  const skeletonOf = (source: string): string => {
    const pieces: string[] = [];
    let previous = 0;
    for (const chunk of chunks) {
      pieces.push(source.slice(previous, chunk.start));
      previous = chunk.end;
    }
    pieces.push(source.slice(previous));
    return pieces.join('');
  };
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
  // Parse the skeleton; where it fails, leave out the field the first error is in (or, when
  // that does not help, the field around it), and parse again.
  let skeleton: Document.Parsed | undefined;
  for (let round = 0; round <= MAX_SKELETON_ROUNDS; round++) {
    const skeletons = parseFull(skeletonOf(mask(text, skeletonBroken)));
    if (skeletons.length !== 1) return undefined;
    if (skeletons[0].errors.length === 0) {
      skeleton = skeletons[0];
      break;
    }
    if (round === MAX_SKELETON_ROUNDS) return undefined;
    const errors = skeletons[0].errors.map((error) => ({ start: toOriginal(error.pos[0]), end: toOriginal(Math.max(error.pos[0], error.pos[1])), code: error.code, message: error.message }));
    const first = errors[0].start;
    let outward = 0;
    let field = fieldAround(text, first, outward);
    while (skeletonBroken.some((unit) => unit.start <= field.start && unit.end >= field.end) && outward < 8) field = fieldAround(text, first, ++outward);
    // The unit takes in the units it holds.
    for (let index = skeletonBroken.length - 1; index >= 0; index--) {
      const unit = skeletonBroken[index];
      if (unit.start >= field.start && unit.end <= field.end) skeletonBroken.splice(index, 1);
    }
    skeletonBroken.push({ start: field.start, end: field.end, kind: 'field', errors: errors.filter((error) => error.start >= field.start && error.start < Math.max(field.end, field.start + 1)) });
  }
  if (!skeleton) return undefined;
  skeletonBroken.sort((a, b) => a.start - b.start);
  /** Whether an offset lies in a unit of the skeleton left out. */
  const leftOut = (offset: number): boolean => skeletonBroken.some((unit) => unit.start <= offset && offset < unit.end);
  mapNode(skeleton.contents, toOriginal);
  // The skeleton's own ranges (before the items are stitched in); the last items' are
  // taken out below: they move with their items.
  const skeletonRanges: Array<[number, number, number]> = [];
  collectRanges(skeleton.contents, skeletonRanges);

  // Parse or reuse every item.
  const previousItems = cache.items;
  const nextItems = reuse ? previousItems : new Map<string, CachedItem[]>();
  let reused = 0;
  const itemsOf = (list: MeasureList): { items: Array<CachedItem | undefined>; broken: Array<BrokenUnit | undefined> } | undefined => {
    const broken: Array<BrokenUnit | undefined> = list.chunks.map(() => undefined);
    const found: Array<CachedItem | undefined> = list.chunks.map((chunk) => {
      const cached = reuse ? reuse.get(chunk) : previousItems.get(text.slice(chunk.start, chunk.end))?.pop();
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
    // Parse each run of consecutive items that the cache does not have, in one go; a run
    // that does not parse, item by item, to find the items that are broken.
    for (let first = 0; first < found.length; first++) {
      if (found[first]) continue;
      let last = first;
      while (last + 1 < found.length && !found[last + 1]) last++;
      const runStart = list.chunks[first].start;
      const parsed = parseItems(text.slice(runStart, list.chunks[last].end), last - first + 1, list.indent);
      if (!parsed) return undefined;
      if ('errors' in parsed) {
        for (let index = first; index <= last; index++) {
          const one = parseChunk(text, list.chunks[index], list.indent);
          if (!one) return undefined;
          if ('broken' in one) {
            broken[index] = one.broken;
            continue;
          }
          const cached: CachedItem = { node: one.node, base: list.chunks[index].start, ranges: one.ranges };
          cache.byNode.set(one.node, cached);
          found[index] = cached;
        }
      } else {
        parsed.nodes.forEach((node, index) => {
          const ranges = rangesAt(node, runStart);
          const cached: CachedItem = { node, base: list.chunks[first + index].start, ranges };
          cache.byNode.set(node, cached);
          found[first + index] = cached;
        });
      }
      first = last;
    }
    list.chunks.forEach((chunk, index) => {
      const cached = found[index];
      if (cached && !reuse?.has(chunk)) addToBucket(nextItems, text.slice(chunk.start, chunk.end), cached);
    });
    return { items: found, broken };
  };

  // Find each list's `measures` pair in the skeleton (root → part → section → measures).
  const pairsByKeyOffset = new Map<number, Pair>();
  const root = skeleton.contents;
  if (!isMap(root)) {
    if (lists.length > 0) return undefined;
  } else {
    for (const partPair of root.items) {
      if (!isMap(partPair.value)) continue;
      for (const sectionPair of partPair.value.items) {
        if (!isMap(sectionPair.value)) continue;
        for (const pair of sectionPair.value.items) {
          const key = pair.key as Node | null;
          if (isScalar(key) && key.range) pairsByKeyOffset.set(key.range[0], pair as Pair);
        }
      }
    }
  }
  const stitched: StitchedList[] = [];
  for (const list of lists) {
    // A list inside a field left out goes with it.
    if (leftOut(list.keyOffset) || list.chunks.some((chunk) => leftOut(chunk.start))) continue;
    // The skeleton has the list with its last item alone (or none, when that one is
    // broken); the others go before it.
    const pair = pairsByKeyOffset.get(list.keyOffset);
    const lastBroken = leftOut(list.chunks[list.chunks.length - 1].end);
    let seq = pair?.value;
    if (lastBroken && pair && (seq === null || (isScalar(seq) && seq.value === null))) {
      seq = new YAMLSeq();
      (seq as YAMLSeq).range = [list.chunks[0].start + list.indent, list.chunks[list.chunks.length - 1].end, list.chunks[list.chunks.length - 1].end];
      (seq as YAMLSeq).items = [];
      pair.value = seq;
    } else if (!isSeq(seq) || seq.flow || seq.items.length !== 1 || !isMap(seq.items[0]) || !seq.range) {
      cache.items = new Map();
      return undefined;
    }
    const found = itemsOf(list);
    if (!found) {
      cache.items = new Map();
      return undefined;
    }
    const sequence = seq as YAMLSeq;
    let lastItem: CachedItem | undefined;
    if (!lastBroken) {
      const lastNode = sequence.items[0] as Node;
      lastItem = { node: lastNode, base: lastNode.range![0], ranges: rangesAt(lastNode, 0) };
      cache.byNode.set(lastNode, lastItem);
    }
    const entry: StitchedList = { keyOffset: list.keyOffset, indent: list.indent, chunks: list.chunks, lastChunk: list.lastChunk, seq: sequence, items: found.items, broken: found.broken, lastItem };
    restring(entry);
    // The list starts at its first dash.
    sequence.range![0] = list.chunks[0].start + list.indent;
    stitched.push(entry);
  }
  const itemRanges = new Set(stitched.flatMap((list) => list.lastItem?.ranges ?? []));
  cache.items = nextItems;
  cache.lastMode = 'incremental';
  cache.lastReused = reused;
  const singles = scanned.filter((list) => list.chunks.length === 1);
  const complete = stitched.length === lists.length;
  cache.last = { text, documents: [skeleton], lists: stitched, skeletonRanges: skeletonRanges.filter((range) => !itemRanges.has(range)), skeletonBroken, singles, complete };
  return { documents: [skeleton], broken: brokenUnits(cache.last) };
}

/** Puts a list's items that parse, and its last item, into its node, in order. */
function restring(list: StitchedList): void {
  const nodes: Node[] = [];
  for (const item of list.items) if (item) nodes.push(item.node);
  if (list.lastItem) nodes.push(list.lastItem.node);
  list.seq.items = nodes;
}

/** Every broken unit of a stitched parse, in text order. */
function brokenUnits(stitched: Stitched): BrokenUnit[] {
  const units = [...stitched.skeletonBroken];
  for (const list of stitched.lists) for (const unit of list.broken) if (unit) units.push(unit);
  return units.sort((a, b) => a.start - b.start);
}

/** Moves a broken unit and its errors by `delta` characters. */
function shiftUnit(unit: BrokenUnit, delta: number): void {
  unit.start += delta;
  unit.end += delta;
  for (const error of unit.errors) {
    error.start += delta;
    error.end += delta;
  }
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
 * Applies an edit inside the measure lists without the cost of the whole text: only the
 * items it touches are parsed again, and what follows them moves by the edit's length.
 * Typing inside one item replaces that item; a paste, a deletion or a change across several
 * items replaces the run of items it touches by the items the new text holds there.
 * Returns undefined when the edit does not keep the layout (it reaches a list's last item,
 * which the skeleton holds, writes a line that would end the list, or makes the text unsafe
 * to split), and the general path runs.
 */
function editInPlace(text: string, cache: ParseCache, last: Stitched, known?: TextEdit): ParsedStrategy | undefined {
  const old = last.text;
  if (old === text) {
    cache.lastEdit = { start: text.length, oldEnd: text.length, newEnd: text.length };
    cache.lastMode = 'in-place';
    cache.lastReused = itemCount(last.lists);
    return { documents: last.documents, broken: brokenUnits(last) };
  }
  const edit = known ?? differenceOf(old, text);
  if (editOneItem(text, cache, last, edit)) return done(text, cache, last, edit);
  const moved = atLineStart(edit, old, text);
  if (editItems(text, cache, last, moved)) return done(text, cache, last, moved);
  // An edit in the skeleton, or one that reaches a list's last item: the skeleton is parsed
  // again (it is small), the items cut out are reused.
  return restitch(text, cache, last, moved) ?? (moved !== edit ? restitch(text, cache, last, edit) : undefined);
}

/** The result of an edit applied to the stitched parse in place. */
function done(text: string, cache: ParseCache, last: Stitched, applied: TextEdit): ParsedStrategy {
  last.text = text;
  cache.lastMode = 'in-place';
  cache.lastEdit = applied;
  return { documents: last.documents, broken: brokenUnits(last) };
}

/** The edit inside one item, its dash kept: that item alone is parsed again. */
function editOneItem(text: string, cache: ParseCache, last: Stitched, edit: TextEdit): boolean {
  const old = last.text;
  const { start, oldEnd, newEnd } = edit;
  const delta = newEnd - oldEnd;
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
  if (listIndex < 0) return false;
  const list = last.lists[listIndex];
  const chunk = list.chunks[chunkIndex];
  // The dash and the character after it stay; the item keeps its end at a line start.
  if (start < chunk.start + list.indent + 2 || oldEnd > chunk.end) return false;
  const newChunkEnd = chunk.end + delta;
  if (newChunkEnd < text.length && text.charCodeAt(newChunkEnd - 1) !== 10) return false;
  // Every line the edit wrote must still belong to the item: blank, a comment, or deeper than the dash.
  const firstLine = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', newEnd);
  if (lineEnd === -1) lineEnd = text.length;
  if (UNSAFE.test(text.slice(firstLine, Math.min(text.length, lineEnd + 1)))) return false;
  if (lineEnd > newChunkEnd) return false;
  const chunkFirstLineEnd = text.indexOf('\n', chunk.start);
  for (let lineStart = firstLine; lineStart < lineEnd; ) {
    let end = text.indexOf('\n', lineStart);
    if (end === -1 || end > lineEnd) end = lineEnd;
    if (lineStart > chunkFirstLineEnd) {
      let first = lineStart;
      while (first < end && text.charCodeAt(first) === 32) first++;
      const head = first < end ? text.charCodeAt(first) : -1;
      if (head !== -1 && head !== 13 && head !== 35 && first - lineStart <= list.indent) return false;
    }
    lineStart = end + 1;
  }
  const chunkText = text.slice(chunk.start, newChunkEnd);
  const parsed = parseChunk(text, { start: chunk.start, end: newChunkEnd }, list.indent);
  if (!parsed) return false;
  const replaced = list.items[chunkIndex];
  // The cache by text: the old item's text gives way to the new one.
  if (replaced) removeFromBucket(cache.items, old.slice(chunk.start, chunk.end), replaced);
  const wasBroken = list.broken[chunkIndex] !== undefined;
  if ('broken' in parsed) {
    // Broken by the edit (an unfinished key, an open bracket): left out until it parses again.
    list.items[chunkIndex] = undefined;
    list.broken[chunkIndex] = parsed.broken;
    restring(list);
  } else {
    const item: CachedItem = { node: parsed.node, base: chunk.start, ranges: parsed.ranges };
    cache.byNode.set(parsed.node, item);
    addToBucket(cache.items, chunkText, item);
    list.items[chunkIndex] = item;
    list.broken[chunkIndex] = undefined;
    if (wasBroken || !replaced || list.broken.some((unit) => unit !== undefined)) restring(list);
    else list.seq.items[chunkIndex] = parsed.node;
  }
  chunk.end = newChunkEnd;
  shiftAfter(last, listIndex, chunkIndex + 1, oldEnd, delta);
  cache.lastReused = itemCount(last.lists) - 1;
  return true;
}

/**
 * The same edit, moved to start at a line start when it is a pure insertion or deletion
 * that can slide there: pasting an item before another one that starts the same way (both
 * begin with `- id: `) differs from the old text only after that common start, yet the
 * pasted item is a whole one inserted before the other.
 */
function atLineStart(edit: TextEdit, old: string, text: string): TextEdit {
  const insertion = edit.oldEnd === edit.start;
  if (!insertion && edit.newEnd !== edit.start) return edit;
  const source = insertion ? text : old;
  let start = edit.start;
  let end = insertion ? edit.newEnd : edit.oldEnd;
  while (start > 0 && source.charCodeAt(start - 1) !== 10 && source.charCodeAt(start - 1) === source.charCodeAt(end - 1)) {
    start--;
    end--;
  }
  if (start > 0 && source.charCodeAt(start - 1) !== 10) return edit;
  return insertion ? { start, oldEnd: start, newEnd: end } : { start, oldEnd: end, newEnd: start };
}

/**
 * The edit across whole items of one list (a paste, a deletion, a change from one item
 * into the next): the run of items it touches gives way to the items the new text has in
 * their place, found as the whole-text scan would find them.
 */
function editItems(text: string, cache: ParseCache, last: Stitched, edit: TextEdit): TextEdit | undefined {
  const old = last.text;
  const { start, oldEnd } = edit;
  const delta = edit.newEnd - oldEnd;
  // The list whose cut-out items hold the edit, from the first one's dash to the last one's end.
  const listIndex = last.lists.findIndex((candidate) => candidate.chunks[0].start <= start && oldEnd <= candidate.chunks[candidate.chunks.length - 1].end);
  if (listIndex < 0) return undefined;
  const list = last.lists[listIndex];
  const first = chunkAt(list.chunks, start);
  const lastTouched = oldEnd > start ? chunkAt(list.chunks, oldEnd - 1) : first;
  if (first < 0 || lastTouched < first) return undefined;
  const regionStart = list.chunks[first].start;
  const regionEnd = list.chunks[lastTouched].end + delta;
  // The region still ends at a line start, before the item that follows it.
  if (regionEnd < regionStart || (regionEnd > regionStart && text.charCodeAt(regionEnd - 1) !== 10)) return undefined;
  const region = text.slice(regionStart, regionEnd);
  if (UNSAFE.test(region)) return undefined;
  const chunks = chunksOf(text, regionStart, regionEnd, list.indent);
  // A list whose every cut-out item goes is stitched afresh by the general path.
  if (!chunks || list.chunks.length - (lastTouched - first + 1) + chunks.length === 0) return undefined;
  const parsed: Array<{ node: Node; ranges: Array<[number, number, number]> } | { broken: BrokenUnit }> = [];
  for (const chunk of chunks) {
    const one = parseChunk(text, chunk, list.indent);
    if (!one) return undefined;
    parsed.push(one);
  }
  // From here on the stitched parse changes.
  for (let index = first; index <= lastTouched; index++) {
    const item = list.items[index];
    if (item) removeFromBucket(cache.items, old.slice(list.chunks[index].start, list.chunks[index].end), item);
  }
  const items: Array<CachedItem | undefined> = [];
  const broken: Array<BrokenUnit | undefined> = [];
  parsed.forEach((one, index) => {
    if ('broken' in one) {
      items.push(undefined);
      broken.push(one.broken);
      return;
    }
    const item: CachedItem = { node: one.node, base: chunks[index].start, ranges: one.ranges };
    cache.byNode.set(one.node, item);
    addToBucket(cache.items, text.slice(chunks[index].start, chunks[index].end), item);
    items.push(item);
    broken.push(undefined);
  });
  const removed = lastTouched - first + 1;
  list.chunks.splice(first, removed, ...chunks);
  list.items.splice(first, removed, ...items);
  list.broken.splice(first, removed, ...broken);
  restring(list);
  shiftAfter(last, listIndex, first + chunks.length, oldEnd, delta);
  cache.lastReused = itemCount(last.lists) - chunks.length;
  return edit;
}

/** How scanMeasureLists sees a line: two lines with the same signature leave its result the same. */
function lineSignature(text: string, lineStart: number, lineEnd: number): string {
  let contentEnd = lineEnd;
  if (contentEnd > lineStart && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
  let first = lineStart;
  while (first < contentEnd && text.charCodeAt(first) === 32) first++;
  const content = text.slice(first, contentEnd);
  if (content === '' || content[0] === '#') return content === '' ? '' : '#';
  const dash = content[0] === '-' && (content.length === 1 || content[1] === ' ');
  return `${first - lineStart} ${dash ? '-' : ''} ${'-[{?&*!|>\'"%@`'.includes(content[0]) ? content[0] : ''} ${KEY_LINE.exec(content)?.[1] ?? ''}`;
}

/** The signatures of the lines from `from` (a line start) to `to` (just past a line break, or the text's end). */
function signatures(text: string, from: number, to: number): string[] {
  const found: string[] = [];
  for (let lineStart = from; lineStart < to || (lineStart === to && from === to); ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > to) lineEnd = to;
    found.push(lineSignature(text, lineStart, lineEnd));
    if (lineEnd >= to) break;
    lineStart = lineEnd + 1;
  }
  return found;
}

/**
 * Applies an edit by parsing the skeleton again and reusing every item cut out that it
 * leaves as it was: an edit inside a list's last item (which the skeleton holds), one that
 * reaches it (a measure added at the end of a section, the last ones deleted), or one in
 * the skeleton itself (a summary, the strategy block) that leaves the scan of the lists as
 * it was. Undefined when the last parse cannot be redone from its lists alone, or the edit
 * does not fit these cases.
 */
function restitch(text: string, cache: ParseCache, last: Stitched, edit: TextEdit): ParsedStrategy | undefined {
  if (!last.complete) return undefined;
  const old = last.text;
  const { start, oldEnd } = edit;
  const delta = edit.newEnd - oldEnd;
  const lists: Array<{ list: MeasureList; items?: Array<CachedItem | undefined> }> = [
    ...last.lists.map((list) => ({ list: { keyOffset: list.keyOffset, indent: list.indent, chunks: [...list.chunks, list.lastChunk] }, items: list.items })),
    ...last.singles.map((list) => ({ list })),
  ].sort((a, b) => a.list.keyOffset - b.list.keyOffset);
  const moved = (chunk: Chunk): Chunk => (chunk.start >= oldEnd ? { start: chunk.start + delta, end: chunk.end + delta } : chunk);
  // The list whose items (its last one included) hold the edit: its items from the first touched on are read again.
  const touched = lists.findIndex(({ list }) => list.chunks[0].start <= start && oldEnd <= list.chunks[list.chunks.length - 1].end);
  let replaced: { index: number; first: number; chunks: Chunk[] } | undefined;
  if (touched >= 0) {
    const { list } = lists[touched];
    const first = chunkAt(list.chunks, start);
    const regionStart = list.chunks[first].start;
    const regionEnd = list.chunks[list.chunks.length - 1].end + delta;
    if (regionEnd > regionStart && regionEnd < text.length && text.charCodeAt(regionEnd - 1) !== 10) return undefined;
    if (UNSAFE.test(text.slice(regionStart, regionEnd))) return undefined;
    const chunks = chunksOf(text, regionStart, regionEnd, list.indent);
    if (!chunks || chunks.length === 0) return undefined;
    replaced = { index: touched, first, chunks };
  } else {
    // In the skeleton: every line the edit touched must look the same to the scan.
    const from = start === 0 ? 0 : old.lastIndexOf('\n', start - 1) + 1;
    const oldTo = lineEndAfter(old, oldEnd);
    if (lists.some(({ list }) => list.chunks[0].start < oldTo && from < list.chunks[list.chunks.length - 1].end)) return undefined;
    const newTo = lineEndAfter(text, edit.newEnd);
    if (UNSAFE.test(text.slice(from, newTo))) return undefined;
    const before = signatures(old, from, oldTo);
    const after = signatures(text, from, newTo);
    if (before.length !== after.length || before.some((signature, index) => signature !== after[index])) return undefined;
  }
  // The lists of the new text, and the items reused at their new places.
  const reuse = new Map<Chunk, CachedItem>();
  const scanned: MeasureList[] = lists.map(({ list, items }, index) => {
    const keyOffset = list.keyOffset >= oldEnd ? list.keyOffset + delta : list.keyOffset;
    const keep = replaced?.index === index ? replaced.first : list.chunks.length;
    const chunks = list.chunks.slice(0, keep).map(moved);
    chunks.forEach((chunk, at) => {
      const item = items?.[at];
      if (item && at < list.chunks.length - 1) reuse.set(chunk, item);
    });
    if (replaced?.index === index) {
      for (let at = replaced.first; at < list.chunks.length - 1; at++) {
        const item = items?.[at];
        if (item) removeFromBucket(cache.items, old.slice(list.chunks[at].start, list.chunks[at].end), item);
      }
      chunks.push(...replaced.chunks);
    }
    return { keyOffset, indent: list.indent, chunks };
  });
  const result = stitch(text, scanned, cache, preambleOf(text), reuse);
  if (!result) return undefined;
  cache.lastMode = 'in-place';
  cache.lastEdit = edit;
  return result;
}

/**
 * The items of a list between two line starts of the text, split as scanMeasureLists splits
 * them: each starts at a dash at the list's indentation; blank and comment lines belong to
 * the item before them, deeper lines to the item they are in. Undefined when a line would
 * end the list, or the region does not start with an item.
 */
function chunksOf(text: string, from: number, to: number, indent: number): Chunk[] | undefined {
  const chunks: Chunk[] = [];
  for (let lineStart = from; lineStart < to; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > to) lineEnd = to;
    let contentEnd = lineEnd;
    if (contentEnd > lineStart && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
    let first = lineStart;
    while (first < contentEnd && text.charCodeAt(first) === 32) first++;
    const head = first < contentEnd ? text.charCodeAt(first) : -1;
    const lineIndent = first - lineStart;
    if (head !== -1 && head !== 35 && lineIndent <= indent) {
      const dash = head === 45 && (first + 1 === contentEnd || text.charCodeAt(first + 1) === 32);
      if (lineIndent !== indent || !dash) return undefined;
      if (chunks.length > 0) chunks[chunks.length - 1].end = lineStart;
      chunks.push({ start: lineStart, end: to });
    } else if (chunks.length === 0) {
      // A comment or a deeper line before the first dash would belong to the item before the region.
      return undefined;
    }
    lineStart = lineEnd + 1;
  }
  return chunks;
}

function shiftChunk(chunk: Chunk, delta: number): void {
  chunk.start += delta;
  chunk.end += delta;
}

/** Moves everything after an edit by its length: the list's later items, later lists, the skeleton's nodes after it. */
function shiftAfter(last: Stitched, listIndex: number, fromChunk: number, oldEnd: number, delta: number): void {
  if (delta === 0) return;
  for (let index = listIndex; index < last.lists.length; index++) {
    const later = last.lists[index];
    for (let at = index === listIndex ? fromChunk : 0; at < later.chunks.length; at++) {
      later.chunks[at].start += delta;
      later.chunks[at].end += delta;
      const item = later.items[at];
      if (item) shiftItem(item, delta);
      const unit = later.broken[at];
      if (unit) shiftUnit(unit, delta);
    }
    if (later.lastItem) shiftItem(later.lastItem, delta);
    if (later.lastChunk.start >= oldEnd) shiftChunk(later.lastChunk, delta);
    if (later.keyOffset >= oldEnd) later.keyOffset += delta;
  }
  for (const single of last.singles) {
    if (single.keyOffset >= oldEnd) single.keyOffset += delta;
    if (single.chunks[0].start >= oldEnd) shiftChunk(single.chunks[0], delta);
  }
  for (const unit of last.skeletonBroken) if (unit.start >= oldEnd) shiftUnit(unit, delta);
  for (const range of last.skeletonRanges) {
    if (range[0] >= oldEnd) range[0] += delta;
    if (range[1] >= oldEnd) range[1] += delta;
    if (range[2] >= oldEnd) range[2] += delta;
  }
}
