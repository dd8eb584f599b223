/**
 * Replacing what a finding points at (an unknown key, clause or measure id) with the
 * suggestion, in the quoting style it was written in.
 */
import { Span } from '../../core/text/lineIndex';
import { OffsetEdit } from '../edits';
import { yamlScalar } from './layout';
import { findPairByKey, FixContext, pairOf } from './place';

/** The replacement written the way the original was: plain, single- or double-quoted. */
export function quoteLike(written: string, replacement: string): string | undefined {
  switch (written[0]) {
    case '"':
      return JSON.stringify(replacement);
    case "'":
      return `'${replacement.replace(/'/g, "''")}'`;
    case undefined:
    case '*':
    case '&':
    case '!':
    case '|':
    case '>':
      // An alias, a tagged or anchored value, a block scalar: not a place for a plain swap.
      return undefined;
    default:
      return yamlScalar(replacement);
  }
}

/**
 * The edit that writes `replacement` in place of the text at `span`; for a key, only when
 * the mapping does not hold that key already (the swap would make a duplicate).
 */
export function planReplace(context: FixContext, span: Span, replacement: string, isKey: boolean): OffsetEdit | undefined {
  const written = context.text.slice(span.start, span.end);
  if (written.includes('\n')) return undefined;
  const newText = quoteLike(written, replacement);
  if (newText === undefined || newText === written) return undefined;
  if (isKey) {
    const found = findPairByKey(context.document, span);
    if (!found?.parent || pairOf(found.parent, replacement)) return undefined;
  }
  return { start: span.start, end: span.end, newText };
}
