/**
 * Where new entries go in a mapping that is already written, and the edits that put them
 * there: computed on the source (node ranges and lines), never by re-writing the document,
 * so that every other byte stays as it was. Each function returns undefined where it
 * cannot place the text safely; the caller then offers nothing.
 */
import { Document, isMap, isScalar, isSeq, Node, Pair, Scalar, visit, YAMLMap } from 'yaml';
import { StrategyModel } from '../../core/model/strategy';
import { keyText } from '../../core/model/walk';
import { LineIndex, Span } from '../../core/text/lineIndex';
import { OffsetEdit } from '../edits';
import {
  blockEndLine,
  columnOf,
  detectLayout,
  entryFirstLine,
  insertAfterLine,
  insertBeforeLine,
  lastContentLine,
  Layout,
  startsItsLine,
} from './layout';
import { Rendering } from './render';

export interface FixContext {
  model: StrategyModel;
  text: string;
  lines: LineIndex;
  layout: Layout;
  document: Document.Parsed | undefined;
}

export function fixContext(model: StrategyModel): FixContext {
  const document = model.documents[0];
  return { model, text: model.text, lines: model.lines, layout: detectLayout(model.text, model.lines, document), document };
}

/** A key to add to a mapping, with its value rendered. */
export interface NewEntry extends Rendering {
  key: string;
  /** Its rank among the keys whose order the schema fixes. */
  order: number;
}

/** A pair found by where its key is written, with the mapping that holds it. */
export interface FoundPair {
  pair: Pair<Node | null, Node | null>;
  parent: YAMLMap | undefined;
}

export function findPairByKey(document: Document.Parsed | undefined, keySpan: Span): FoundPair | undefined {
  if (!document) return undefined;
  let found: FoundPair | undefined;
  visit(document, {
    Pair(_key, pair, path) {
      const key = pair.key as Node | null;
      if (key?.range && key.range[0] === keySpan.start && key.range[1] === keySpan.end) {
        const parent = path[path.length - 1];
        found = { pair: pair as Pair<Node | null, Node | null>, parent: isMap(parent) ? parent : undefined };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** The first pair of a mapping with the given key (the one that counts). */
export function pairOf(map: unknown, key: string): Pair<Node | null, Node | null> | undefined {
  if (!isMap(map)) return undefined;
  return (map.items as Pair<Node | null, Node | null>[]).find((pair) => keyText(pair.key) === key);
}

function sourceOf(node: Node): string | undefined {
  return (node as Scalar & { source?: string }).source;
}

/** A value with nothing in it: no node, a null scalar, or an empty flow collection. */
export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (isScalar(value)) return value.value === null;
  if ((isMap(value) || isSeq(value)) && value.flow) return value.items.length === 0;
  return false;
}

/**
 * The edit that clears an empty value written on its key's line (`~`, `null`, `{}`, `[]`),
 * so that a block can go under the key; no edit for a value that is not written at all;
 * undefined when the value cannot be cleared safely (on another line, with a tag or anchor,
 * a comment inside the braces).
 */
function clearValue(context: FixContext, key: Node, value: unknown): OffsetEdit[] | undefined {
  if (value === null || value === undefined) return [];
  if (!isEmptyValue(value)) return undefined;
  const node = value as Node;
  if (!node.range || !key.range) return undefined;
  if (isScalar(node) && (sourceOf(node) ?? '') === '') return [];
  if (context.lines.positionAt(node.range[0]).line !== context.lines.positionAt(key.range[1]).line) return undefined;
  if (!/^[ \t]*:[ \t]*$/.test(context.text.slice(key.range[1], node.range[0]))) return undefined;
  const written = context.text.slice(node.range[0], node.range[1]);
  if (isScalar(node) ? !/^(~|null|Null|NULL)$/.test(written) : !/^[{[][ \t]*[}\]]$/.test(written)) return undefined;
  // With nothing after the value on its line, the spaces before it go too (no trailing blanks).
  const rest = context.text.slice(node.range[1], context.lines.lineEnd(context.lines.positionAt(node.range[1]).line));
  const start = rest.trim() === '' ? context.text.lastIndexOf(':', node.range[0]) + 1 : node.range[0];
  return [{ start, end: node.range[1], newText: '' }];
}

/**
 * Block lines under a key whose value is empty: after the key's line and any comments
 * indented under it, `indent` deeper than the key. The key's own line (its comment
 * included) is left as it is, apart from clearing an explicit empty value.
 */
export function placeUnderKey(context: FixContext, key: Node, value: unknown, indent: number, render: (column: number) => string[] | undefined): OffsetEdit[] | undefined {
  if (!key.range) return undefined;
  const clear = clearValue(context, key, value);
  if (!clear) return undefined;
  const keyColumn = columnOf(context.lines, key.range[0]);
  const body = render(keyColumn + indent);
  if (!body) return undefined;
  const keyLine = context.lines.positionAt(key.range[0]).line;
  const valueNode = value as Node | null;
  if (valueNode?.range && context.lines.positionAt(valueNode.range[1]).line !== keyLine && !(isScalar(valueNode) && (sourceOf(valueNode) ?? '') === '')) {
    return undefined;
  }
  const insertion = insertAfterLine(context.lines, blockEndLine(context.lines, keyLine, keyColumn + 1), body, context.layout.eol);
  return [...clear, { start: insertion.offset, end: insertion.offset, newText: insertion.text }];
}

/**
 * Inside flow style, an explicitly empty value (`~`, `null`, `{}`, `[]`) replaced by flow
 * text; undefined for a value not written at all, which has no place to write into.
 */
export function replaceInFlow(context: FixContext, value: unknown, flow: () => string | undefined): OffsetEdit[] | undefined {
  if (!isEmptyValue(value)) return undefined;
  const node = value as Node;
  if (!node?.range) return undefined;
  const written = context.text.slice(node.range[0], node.range[1]);
  if (!/^(~|null|Null|NULL|\{[ \t]*\}|\[[ \t]*\])$/.test(written)) return undefined;
  const text = flow();
  return text === undefined ? undefined : [{ start: node.range[0], end: node.range[1], newText: text }];
}

/** Block lines at the end of a document that has no content yet (only comments, or nothing). */
function placeInEmptyDocument(context: FixContext, render: (column: number) => string[] | undefined): OffsetEdit[] | undefined {
  const contents = context.document?.contents as Node | null | undefined;
  if (contents && !(isScalar(contents) && contents.value === null && (sourceOf(contents) ?? '') === '')) return undefined;
  const body = render(0);
  if (!body) return undefined;
  const insertion = insertAfterLine(context.lines, context.lines.lineCount - 1, body, context.layout.eol);
  return [{ start: insertion.offset, end: insertion.offset, newText: insertion.text }];
}

/** The end of a pair as written: its value's end, or, with no written value, its key's and colon's. */
function pairEnd(text: string, pair: Pair<Node | null, Node | null>): number | undefined {
  const value = pair.value;
  if (value?.range && !(isScalar(value) && (sourceOf(value) ?? '') === '')) return value.range[1];
  const keyEnd = pair.key?.range?.[1];
  if (keyEnd === undefined) return undefined;
  const colon = /^[ \t]*:/.exec(text.slice(keyEnd));
  return colon ? keyEnd + colon[0].length : keyEnd;
}

type OrderOf = (key: string | undefined) => number | undefined;

/** The first written pair that the schema orders after `order`: new entries go before it. */
function nextPair(map: YAMLMap, order: number, orderOf: OrderOf): Pair<Node | null, Node | null> | undefined {
  return (map.items as Pair<Node | null, Node | null>[]).find((pair) => {
    const rank = orderOf(keyText(pair.key));
    return rank !== undefined && rank > order;
  });
}

/**
 * Whether the entries of a block collection (given by where each starts) are separated by
 * blank lines, as most of them are in many drafts: new entries then are too.
 */
export function blankSeparated(context: FixContext, starts: number[], column: number): boolean {
  let blank = 0;
  let tight = 0;
  for (const start of starts.slice(1)) {
    if (start < 0) continue;
    const first = entryFirstLine(context.lines, context.lines.positionAt(start).line, column);
    if (first > 0 && context.lines.lineText(first - 1).trim() === '') blank++;
    else tight++;
  }
  return blank > tight;
}

function placeInBlockMap(context: FixContext, map: YAMLMap, entries: NewEntry[], orderOf: OrderOf): OffsetEdit[] | undefined {
  const items = map.items as Pair<Node | null, Node | null>[];
  const firstKey = items[0]?.key;
  if (!firstKey?.range) return undefined;
  const column = columnOf(context.lines, firstKey.range[0]);
  const separated = blankSeparated(
    context,
    items.map((item) => item.key?.range?.[0] ?? -1),
    column,
  );
  const groups = new Map<number, { before: boolean; line: number; lines: string[] }>();
  for (const entry of entries) {
    const next = nextPair(map, entry.order, orderOf);
    const rendered = entry.block(column);
    if (!rendered) return undefined;
    const body = !separated ? rendered : next ? [...rendered, ''] : ['', ...rendered];
    let group: { before: boolean; line: number };
    if (next) {
      const keyStart = next.key?.range?.[0];
      if (keyStart === undefined || !startsItsLine(context.lines, keyStart) || columnOf(context.lines, keyStart) !== column) return undefined;
      group = { before: true, line: entryFirstLine(context.lines, context.lines.positionAt(keyStart).line, column) };
    } else {
      const end = pairEnd(context.text, items[items.length - 1]);
      if (end === undefined) return undefined;
      group = { before: false, line: blockEndLine(context.lines, lastContentLine(context.lines, end), column) };
    }
    const id = group.before ? -group.line - 1 : group.line;
    const existing = groups.get(id);
    if (existing) existing.lines.push(...body);
    else groups.set(id, { ...group, lines: [...body] });
  }
  return [...groups.values()].map((group) => {
    const insertion = group.before
      ? insertBeforeLine(context.lines, group.line, group.lines, context.layout.eol)
      : insertAfterLine(context.lines, group.line, group.lines, context.layout.eol);
    return { start: insertion.offset, end: insertion.offset, newText: insertion.text };
  });
}

function placeInFlowMap(text: string, map: YAMLMap, entries: NewEntry[], orderOf: OrderOf): OffsetEdit[] | undefined {
  const items = map.items as Pair<Node | null, Node | null>[];
  const groups = new Map<number, { before: boolean; texts: string[] }>();
  for (const entry of entries) {
    const flow = entry.flow();
    if (flow === undefined) return undefined;
    const next = nextPair(map, entry.order, orderOf);
    const before = next !== undefined;
    const offset = next ? next.key?.range?.[0] : pairEnd(text, items[items.length - 1]);
    if (offset === undefined) return undefined;
    const group = groups.get(offset);
    if (group) group.texts.push(flow);
    else groups.set(offset, { before, texts: [flow] });
  }
  return [...groups.entries()].map(([offset, group]) => ({
    start: offset,
    end: offset,
    newText: group.before ? group.texts.map((text) => `${text}, `).join('') : group.texts.map((text) => `, ${text}`).join(''),
  }));
}

/**
 * Adds entries to the mapping held by `holder` (a key; none for the document's top level),
 * each where the schema's order puts it among the keys already there (`orderOf` ranks the
 * keys it orders), in the mapping's own style: block lines at its column, or flow text.
 */
export function placeEntries(
  context: FixContext,
  holder: Node | undefined,
  value: unknown,
  entries: NewEntry[],
  orderOf: OrderOf,
  inFlow = false,
): OffsetEdit[] | undefined {
  if (entries.length === 0) return [];
  const sorted = [...entries].sort((a, b) => a.order - b.order);
  if (isMap(value) && value.items.length > 0) {
    return value.flow ? placeInFlowMap(context.text, value, sorted, orderOf) : placeInBlockMap(context, value, sorted, orderOf);
  }
  if (inFlow) {
    // Inside flow style only an empty `{}` can take the entries, as flow text.
    if (!isMap(value) || !value.flow || !value.range) return undefined;
    if (!/^\{[ \t]*\}$/.test(context.text.slice(value.range[0], value.range[1]))) return undefined;
    const flows = sorted.map((entry) => entry.flow());
    if (flows.some((flow) => flow === undefined)) return undefined;
    return [{ start: value.range[0], end: value.range[1], newText: `{ ${flows.join(', ')} }` }];
  }
  const render = (column: number): string[] | undefined => {
    const lines: string[] = [];
    for (const entry of sorted) {
      const body = entry.block(column);
      if (!body) return undefined;
      lines.push(...body);
    }
    return lines;
  };
  if (!holder) return placeInEmptyDocument(context, render);
  return placeUnderKey(context, holder, value, context.layout.unit, render);
}
