/**
 * Text edits by string offsets: what quick fixes produce, and how they are applied and
 * combined. Offsets inside; the language server turns them into LSP ranges at the edge.
 */

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * Edits in the order they apply to the text: by start offset; at the same offset an insertion
 * before a replacement, and otherwise the order of the array (as LSP does for insertions
 * at the same position).
 */
export function sortEdits(edits: readonly OffsetEdit[]): OffsetEdit[] {
  return edits
    .map((edit, index) => ({ edit, index }))
    .sort(
      (a, b) =>
        a.edit.start - b.edit.start ||
        Number(a.edit.end > a.edit.start) - Number(b.edit.end > b.edit.start) ||
        a.index - b.index,
    )
    .map((entry) => entry.edit);
}

/** Whether two of the edits replace overlapping text (touching is allowed). */
export function editsOverlap(edits: readonly OffsetEdit[]): boolean {
  const sorted = sortEdits(edits);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].start < sorted[i - 1].end) return true;
  }
  return false;
}

/** Applies edits that do not overlap, each given in offsets of the original text. */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = sortEdits(edits);
  let result = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at || edit.end < edit.start || edit.end > text.length) {
      throw new RangeError(`Edit ${edit.start}–${edit.end} overlaps another edit or lies outside the text.`);
    }
    result += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return result + text.slice(at);
}

/**
 * Joins insertions at the same offset into one edit, so that no client has to decide
 * their order. The edits must not overlap.
 */
export function mergeEdits(edits: readonly OffsetEdit[]): OffsetEdit[] {
  const merged: OffsetEdit[] = [];
  for (const edit of sortEdits(edits)) {
    const last = merged[merged.length - 1];
    if (last && last.end === edit.start && (last.start === last.end || edit.start === edit.end)) {
      merged[merged.length - 1] = { start: last.start, end: edit.end, newText: last.newText + edit.newText };
    } else {
      merged.push({ ...edit });
    }
  }
  return merged;
}

/**
 * Expresses `second` (edits of the text that `first` produced) as edits of the original
 * text, together with `first`: one set of edits doing both. Undefined when an edit of
 * `second` reaches into text that `first` wrote, which cannot be expressed that way.
 */
export function composeEdits(text: string, first: readonly OffsetEdit[], second: readonly OffsetEdit[]): OffsetEdit[] | undefined {
  const firstSorted = sortEdits(first);
  // Where each edit of `first` lies in the intermediate text.
  const placed: { edit: OffsetEdit; start: number; end: number }[] = [];
  let shift = 0;
  for (const edit of firstSorted) {
    const start = edit.start + shift;
    placed.push({ edit, start, end: start + edit.newText.length });
    shift += edit.newText.length - (edit.end - edit.start);
  }
  const toOriginal = (offset: number, side: 'start' | 'end'): { offset: number; before: boolean } | undefined => {
    let delta = 0;
    for (const entry of placed) {
      if (offset < entry.start) break;
      if (offset === entry.start) {
        // Where text was only deleted, an edit starting there begins after the deleted text.
        if (entry.end === entry.start) return { offset: side === 'start' ? entry.edit.end : entry.edit.start, before: false };
        return { offset: entry.edit.start, before: true };
      }
      if (offset < entry.end) return undefined;
      delta = entry.end - entry.edit.end;
    }
    return { offset: offset - delta, before: false };
  };
  // An edit of `second` becomes an edit of the original text; it goes before the edits of
  // `first` at the same offset when it was written before their text, after it otherwise.
  const before: OffsetEdit[] = [];
  const after: OffsetEdit[] = [];
  for (const edit of second) {
    const start = toOriginal(edit.start, 'start');
    const end = edit.end === edit.start ? start : toOriginal(edit.end, 'end');
    if (start === undefined || end === undefined || end.offset < start.offset) return undefined;
    (start.before ? before : after).push({ start: start.offset, end: end.offset, newText: edit.newText });
  }
  const combined = [...before, ...firstSorted, ...after];
  if (editsOverlap(combined)) return undefined;
  const result = mergeEdits(combined);
  // The composition must do exactly what the two steps do.
  try {
    if (applyEdits(text, result) !== applyEdits(applyEdits(text, first), second)) return undefined;
  } catch {
    return undefined;
  }
  return result;
}
