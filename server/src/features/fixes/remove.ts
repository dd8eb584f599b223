/**
 * Taking one entry out of a list: a clause out of a measure's `addresses`, a declaration out
 * of a section's `not-applicable`. The answers to a clause declared not applicable that a
 * measure addresses anyway (rule not-applicable-addressed): one of the two is wrong, and the
 * drafter says which by the fix they pick.
 *
 * Only what can be taken out whole is: an item of a flow list with the comma that joins it,
 * or the lines of a block item. Nothing is offered when the lines to remove hold a comment
 * (a comment is the drafter's, never dropped), when the item shares a line with something
 * else, or when the list would be left empty where that changes its meaning (a measure
 * that addresses nothing).
 */
import { isSeq, Node, YAMLSeq } from 'yaml';
import { CheckedEntry } from '../../core/model/walk';
import { MeasureModel, NotApplicableModel } from '../../core/model/strategy';
import { CoverageUnit } from '../../core/schema/types';
import { OffsetEdit } from '../edits';
import { lastContentLine } from './layout';
import { FixContext } from './place';

/** The start of the line holding an offset. */
function lineStartOf(context: FixContext, offset: number): number {
  return context.lines.lineStarts[context.lines.positionAt(offset).line];
}

/** The start of the line after `line` (the end of the text after the last line). */
function lineAfter(context: FixContext, line: number): number {
  return line + 1 < context.lines.lineCount ? context.lines.lineStarts[line + 1] : context.text.length;
}

/** A removal, unless the text it removes holds a comment. */
function removal(context: FixContext, start: number, end: number): OffsetEdit | undefined {
  if (end <= start || context.text.slice(start, end).includes('#')) return undefined;
  return { start, end, newText: '' };
}

/** Taking item `index` out of a list of more than one item. */
function removeItem(context: FixContext, list: YAMLSeq, index: number): OffsetEdit | undefined {
  const items = list.items as Array<Node | null>;
  const item = items[index];
  if (items.length < 2 || !item?.range) return undefined;
  if (list.flow) {
    // With the comma after it, or, for the last, the comma before it.
    const next = items[index + 1];
    if (next?.range) return removal(context, item.range[0], next.range[0]);
    const previous = items[index - 1];
    return previous?.range ? removal(context, previous.range[1], item.range[1]) : undefined;
  }
  // A block item: from its dash's line to the line after its last content, when the dash starts that line.
  const dashLine = lineStartOf(context, item.range[0]);
  if (!/^[ \t]*-[ \t]+$/.test(context.text.slice(dashLine, item.range[0]))) return undefined;
  const end = lineAfter(context, lastContentLine(context.lines, item.range[1]));
  // Nothing else may follow on the item's last line.
  return removal(context, dashLine, end);
}

/** The list that an entry's value is, when it is one. */
function listOf(entry: CheckedEntry | undefined): YAMLSeq | undefined {
  const node = entry?.value.node;
  return isSeq(node) ? node : undefined;
}

/** Edits that take clause `unit` out of what a measure addresses, when another clause stays. */
export function planRemoveClause(context: FixContext, measure: MeasureModel, unit: CoverageUnit): OffsetEdit[] | undefined {
  const list = listOf(measure.entries.get('addresses'));
  const naming = measure.addresses.filter((reference) => reference.resolution.unit === unit);
  if (!list || naming.length !== 1) return undefined;
  const index = (list.items as Array<Node | null>).findIndex((item) => item?.range?.[0] === naming[0].span.start);
  if (index < 0) return undefined;
  const edit = removeItem(context, list, index);
  return edit && [edit];
}

/** Edits that take a section's declaration that a clause does not apply out of its `not-applicable` (the key with it, when it is the only one). */
export function planRemoveDeclaration(context: FixContext, entry: NotApplicableModel): OffsetEdit[] | undefined {
  const field = entry.section.value.entries?.get('not-applicable');
  const list = listOf(field);
  if (!field || !list) return undefined;
  const index = (list.items as Array<Node | null>).findIndex((item) => item?.range?.[0] === entry.span.start);
  if (index < 0) return undefined;
  if (list.items.length > 1) {
    const edit = removeItem(context, list, index);
    return edit && [edit];
  }
  // The only declaration: the `not-applicable` key goes with it, when the key starts its line
  // and nothing else follows its list on the last line.
  const keyLine = lineStartOf(context, field.keySpan.start);
  if (context.text.slice(keyLine, field.keySpan.start).trim() !== '' || !list.range) return undefined;
  const lastLine = lastContentLine(context.lines, list.range[1]);
  const rest = context.text.slice(list.range[1], context.lines.lineEnd(lastLine));
  if (rest.trim() !== '') return undefined;
  const edit = removal(context, keyLine, lineAfter(context, lastLine));
  return edit && [edit];
}
