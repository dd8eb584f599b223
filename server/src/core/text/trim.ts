/**
 * Trimming without patterns that end in `\s+…$`: such a pattern is tried at every
 * position of a long run of spaces, and costs the square of the run's length.
 */

/** The text without a trailing YAML comment (white space, `#`, the rest) and the white space before it. */
export function withoutTrailingComment(text: string): string {
  const at = text.search(/\s#/);
  return at < 0 ? text : text.slice(0, at).trimEnd();
}

/** The text up to its first `?` or `#` (a URI without its query and fragment). */
export function beforeQuery(text: string): string {
  const at = text.search(/[?#]/);
  return at < 0 ? text : text.slice(0, at);
}
