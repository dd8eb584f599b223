/**
 * Adding clauses to a measure's `addresses`: after the last item of a flow list
 * (`[5]` → `[5, 7.i]`) or as new items of a block list, in the list's own indentation.
 */
import { isSeq, Node } from 'yaml';
import { MeasureModel } from '../../core/model/strategy';
import { OffsetEdit } from '../edits';
import { FixContext } from './place';

export function planAddClauses(context: FixContext, measure: MeasureModel, refs: string[]): OffsetEdit[] | undefined {
  const entry = measure.entries.get('addresses');
  const node = entry?.value.node as Node | null | undefined;
  if (!entry || !entry.value.ok || !isSeq(node) || !node.range || refs.length === 0) return undefined;
  const text = context.text;
  if (node.flow) {
    // Before the closing bracket, after any space that precedes it.
    let close = node.range[1] - 1;
    while (close > node.range[0] && text[close] !== ']') close--;
    if (text[close] !== ']') return undefined;
    let at = close;
    while (at > node.range[0] && /\s/.test(text[at - 1])) at--;
    const empty = node.items.length === 0;
    return [{ start: at, end: at, newText: `${empty ? '' : ', '}${refs.join(', ')}` }];
  }
  const last = node.items[node.items.length - 1] as Node | undefined;
  if (!last?.range) return undefined;
  // The new items go after the last one's line, with its indentation and dash.
  const lineStart = text.lastIndexOf('\n', last.range[0] - 1) + 1;
  const prefix = text.slice(lineStart, last.range[0]);
  if (!/^\s*-\s+$/.test(prefix)) return undefined;
  let lineEnd = text.indexOf('\n', last.range[1]);
  if (lineEnd < 0) lineEnd = text.length;
  const newline = text[lineEnd - 1] === '\r' ? '\r\n' : '\n';
  const end = text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
  return [{ start: end, end, newText: refs.map((ref) => `${newline}${prefix}${ref}`).join('') }];
}
