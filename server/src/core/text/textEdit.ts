/**
 * Where one version of a text differs from another. An editor sends its changes as ranges;
 * the document service needs one edit per version, minimal, whichever way it learnt of it:
 * from a scan of both texts (`differenceOf`, the whole text compared) or from the changes
 * the editor sent (`composeEdits`, then `differenceNear`, which looks only around them).
 * Both give the same edit for the same two texts.
 */

/** Where two versions of a text differ: `[start, oldEnd)` of the old became `[start, newEnd)`. */
export interface TextEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** Where two versions of a text differ: the shortest such edit, found by comparing the texts. */
export function differenceOf(old: string, text: string): TextEdit {
  const start = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - start);
  return { start, oldEnd: old.length - suffix, newEnd: text.length - suffix };
}

/**
 * The edit `differenceOf(old, text)` finds, when `text` is known to differ from `old` only
 * inside `near` (which need not be the shortest such edit): the texts are compared only
 * from its start forward and from its ends backward, as far as they agree there.
 */
export function differenceNear(old: string, text: string, near: TextEdit): TextEdit {
  const limit = Math.min(old.length, text.length);
  let start = Math.min(near.start, limit);
  while (start < limit && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  const suffixLimit = limit - start;
  // What follows the edit is the same in both texts.
  let suffix = Math.min(old.length - near.oldEnd, suffixLimit);
  while (suffix < suffixLimit && old.charCodeAt(old.length - suffix - 1) === text.charCodeAt(text.length - suffix - 1)) suffix++;
  return { start, oldEnd: old.length - suffix, newEnd: text.length - suffix };
}

/**
 * One edit that covers `first` (from text A to B) and then `second` (from B to C): where A
 * and C may differ. It need not be the shortest (`differenceNear` makes it so).
 */
export function composeEdits(first: TextEdit, second: TextEdit): TextEdit {
  // In B's offsets: the stretch both edits touched.
  const start = Math.min(first.start, second.start);
  const end = Math.max(first.newEnd, second.oldEnd);
  return { start, oldEnd: end - (first.newEnd - first.oldEnd), newEnd: end + (second.newEnd - second.oldEnd) };
}

/** The length of the common prefix of two texts (compared a block at a time: much faster than by character). */
export function commonPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let at = 0;
  for (let block = 4096; block >= 1; block >>= 4) {
    while (at + block <= limit && a.substr(at, block) === b.substr(at, block)) at += block;
  }
  return at;
}

/** The length of the common suffix of two texts, at most `limit`. */
export function commonSuffix(a: string, b: string, limit: number): number {
  let length = 0;
  for (let block = 4096; block >= 1; block >>= 4) {
    while (length + block <= limit && a.substr(a.length - length - block, block) === b.substr(b.length - length - block, block)) length += block;
  }
  return length;
}
