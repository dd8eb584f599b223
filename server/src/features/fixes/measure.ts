/**
 * Adding an item to one of a section's lists: a measure stub, taken from the section's
 * template, that addresses one clause (at the end of `measures`, or in a new `measures`
 * entry), or a not-applicable entry (fixes/notApplicable.ts).
 */
import { isMap, isSeq, Node } from 'yaml';
import { SectionModel } from '../../core/model/strategy';
import { CoverageUnit } from '../../core/schema/types';
import { freeMeasureId } from '../../core/templates';
import { OffsetEdit } from '../edits';
import { blockEndLine, columnOf, insertAfterLine, lastContentLine } from './layout';
import { blankSeparated, findPairByKey, FixContext, isEmptyValue, NewEntry, pairOf, placeEntries, placeUnderKey } from './place';
import { measureItem, Rendering } from './render';

export function planAddMeasure(context: FixContext, section: SectionModel, unit: CoverageUnit, ids: Set<string>): OffsetEdit[] | undefined {
  const recommendation = section.recommendation;
  const item = measureItem(recommendation, unit, freeMeasureId(recommendation.idPrefix, ids), context.layout);
  // A new `measures` goes after every key the section has.
  return item && planAddItem(context, section, 'measures', item, Number.MAX_SAFE_INTEGER, () => undefined);
}

/**
 * Adds an item to the list under `key` in a section: at the end of the list, in its style
 * (block or flow), or in a new entry `key` where `order` puts it among the section's keys.
 */
export function planAddItem(context: FixContext, section: SectionModel, key: string, item: Rendering, order: number, orderOf: (key: string | undefined) => number | undefined): OffsetEdit[] | undefined {
  const found = findPairByKey(context.document, section.keySpan);
  if (!found?.pair.key) return undefined;
  const { layout } = context;
  const value = found.pair.value;
  const sectionInFlow = found.parent?.flow === true;
  const listEntry: NewEntry = {
    key,
    order,
    block(column) {
      const lines = item.block(column + layout.seqIndent);
      return lines && [`${' '.repeat(column)}${key}:`, ...lines];
    },
    flow() {
      const flow = item.flow();
      return flow === undefined ? undefined : `${key}: [ ${flow} ]`;
    },
  };
  const pair = pairOf(value, key);
  if (!pair?.key) return placeEntries(context, found.pair.key, value, [listEntry], orderOf, sectionInFlow);

  const list = pair.value;
  const listInFlow = sectionInFlow || (isMap(value) && value.flow === true);
  if (isSeq(list) && list.items.length > 0) {
    const last = list.items[list.items.length - 1] as Node | null;
    if (list.flow) {
      const flow = item.flow();
      const end = last?.range?.[1];
      if (flow === undefined || end === undefined) return undefined;
      return [{ start: end, end, newText: `, ${flow}` }];
    }
    if (!list.range || context.text[list.range[0]] !== '-') return undefined;
    const column = columnOf(context.lines, list.range[0]);
    const rendered = item.block(column);
    if (!rendered) return undefined;
    const starts = list.items.map((entry) => dashBefore(context, (entry as Node | null)?.range?.[0]));
    const lines = blankSeparated(context, starts, column) ? ['', ...rendered] : rendered;
    const end = last?.range?.[1] ?? list.range[1];
    const insertion = insertAfterLine(context.lines, blockEndLine(context.lines, lastContentLine(context.lines, end), column), lines, layout.eol);
    return [{ start: insertion.offset, end: insertion.offset, newText: insertion.text }];
  }
  if (!isEmptyValue(list)) return undefined;
  if (listInFlow) {
    // `key: []` inside flow style gets the item between its brackets.
    const flow = item.flow();
    if (flow === undefined || !isSeq(list) || !list.range) return undefined;
    if (!/^\[[ \t]*\]$/.test(context.text.slice(list.range[0], list.range[1]))) return undefined;
    return [{ start: list.range[0], end: list.range[1], newText: `[ ${flow} ]` }];
  }
  return placeUnderKey(context, pair.key, list, layout.seqIndent, (column) => item.block(column));
}

/** Where the dash of a block list item is, given where its content starts. */
function dashBefore(context: FixContext, start: number | undefined): number {
  if (start === undefined) return -1;
  const lineStart = context.lines.lineStarts[context.lines.positionAt(start).line];
  const dash = context.text.lastIndexOf('-', start);
  return dash >= lineStart ? dash : start;
}
