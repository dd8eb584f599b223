/**
 * Adding a measure stub, taken from the section's template, that addresses one clause: at
 * the end of the section's `measures` list, or in a new `measures` entry.
 */
import { isMap, isSeq, Node } from 'yaml';
import { SectionModel } from '../../core/model/strategy';
import { CoverageUnit } from '../../core/schema/types';
import { freeMeasureId } from '../../core/templates';
import { OffsetEdit } from '../edits';
import { blockEndLine, columnOf, insertAfterLine, lastContentLine } from './layout';
import { blankSeparated, findPairByKey, FixContext, isEmptyValue, NewEntry, pairOf, placeEntries, placeUnderKey } from './place';
import { measureItem } from './render';

export function planAddMeasure(context: FixContext, section: SectionModel, unit: CoverageUnit, ids: Set<string>): OffsetEdit[] | undefined {
  const found = findPairByKey(context.document, section.keySpan);
  if (!found?.pair.key) return undefined;
  const recommendation = section.recommendation;
  const id = freeMeasureId(recommendation.idPrefix, ids);
  const item = measureItem(recommendation, unit, id, context.layout);
  if (!item) return undefined;
  const { layout } = context;
  const value = found.pair.value;
  const sectionInFlow = found.parent?.flow === true;
  const measuresEntry: NewEntry = {
    key: 'measures',
    order: Number.MAX_SAFE_INTEGER,
    block(column) {
      const lines = item.block(column + layout.seqIndent);
      return lines && [`${' '.repeat(column)}measures:`, ...lines];
    },
    flow() {
      const flow = item.flow();
      return flow === undefined ? undefined : `measures: [ ${flow} ]`;
    },
  };
  const measures = pairOf(value, 'measures');
  if (!measures?.key) return placeEntries(context, found.pair.key, value, [measuresEntry], () => undefined, sectionInFlow);

  const list = measures.value;
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
    // `measures: []` inside flow style gets the item between its brackets.
    const flow = item.flow();
    if (flow === undefined || !isSeq(list) || !list.range) return undefined;
    if (!/^\[[ \t]*\]$/.test(context.text.slice(list.range[0], list.range[1]))) return undefined;
    return [{ start: list.range[0], end: list.range[1], newText: `[ ${flow} ]` }];
  }
  return placeUnderKey(context, measures.key, list, layout.seqIndent, (column) => item.block(column));
}

/** Where the dash of a block list item is, given where its content starts. */
function dashBefore(context: FixContext, start: number | undefined): number {
  if (start === undefined) return -1;
  const lineStart = context.lines.lineStarts[context.lines.positionAt(start).line];
  const dash = context.text.lastIndexOf('-', start);
  return dash >= lineStart ? dash : start;
}
