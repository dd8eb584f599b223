/**
 * Where the drafter's cursor goes after a fix inserts a section or a measure: on the first
 * placeholder (`TODO …`) the fix wrote, so that they can type over it at once. Pure: offsets
 * of the document before the edits in, offsets of the document after them out.
 */

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** The first placeholder the edits insert, in the edited document; undefined when they insert none. */
export function placeholderAfterEdits(edits: readonly OffsetEdit[]): { start: number; end: number } | undefined {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let shift = 0;
  for (const edit of sorted) {
    const match = /TODO[^\n]*/.exec(edit.newText);
    if (match) {
      const start = edit.start + shift + match.index;
      // A quoted placeholder ends before its closing quote.
      return { start, end: start + match[0].trimEnd().replace(/["']$/, '').length };
    }
    shift += edit.newText.length - (edit.end - edit.start);
  }
  return undefined;
}

/** The quick fixes after which the cursor goes to the first placeholder they insert. */
export function insertsPlaceholders(title: string): boolean {
  return /^(Insert the missing (section|part)|Add a measure for clause)/.test(title);
}
