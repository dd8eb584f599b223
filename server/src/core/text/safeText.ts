/**
 * Names as the command line shows them in text. A file name may hold any character but
 * `/` and NUL: a line break in a name would forge a finding line (or a `::error`
 * annotation of a CI log) of its own, an escape sequence would drive the terminal, and a
 * right-to-left override would show the name reversed. Each such character is written as
 * an escape (`\n`, `\u001b`, `\u202e`), so that every name stays on its line, as written.
 */

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function safeText(text: string): string {
  return text.replace(UNSAFE, (character) => NAMED[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
