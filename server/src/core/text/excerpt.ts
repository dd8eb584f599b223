/**
 * Short quotations of what a drafter wrote. A message quotes a value so that the drafter
 * recognises it, never to repeat it: a value may be a megabyte long, or be brought in
 * ten thousand times through an alias, and every message carrying it whole would multiply
 * the file into the findings, the reports and the editor.
 */

/** How many characters of a value a message quotes at most. */
export const EXCERPT_LENGTH = 60;

/** How long a whole message may be; past this it is cut (a last guard, whatever the rule). */
export const MAX_MESSAGE_LENGTH = 1000;

/**
 * The value's first line, cut after `max` characters with an ellipsis (never inside a
 * surrogate pair). Only the beginning of the value is read.
 */
export function excerpt(text: string, max: number = EXCERPT_LENGTH): string {
  let end = Math.min(text.length, max);
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13 || code === 0x2028 || code === 0x2029) {
      end = i;
      break;
    }
  }
  return cut(text, end);
}

/** A message of at most MAX_MESSAGE_LENGTH characters. */
export function boundedMessage(message: string): string {
  return message.length > MAX_MESSAGE_LENGTH ? cut(message, MAX_MESSAGE_LENGTH - 1) : message;
}

function cut(text: string, end: number): string {
  if (end >= text.length) return text;
  // A high surrogate at the cut would leave half a character.
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
