/**
 * A measure's text → its title and description: the bold lead when there is one, else the
 * words before a colon or dash that opens the text, else the first sentence. The document's
 * own number for the measure ("Action 2.3", "M4", "1.2.1") is kept apart, never dropped.
 */
import { cleanText, CLOSING_PUNCTUATION, trimEndOf } from './blocks';

export interface TitleSplit {
  /** The document's own number or label for the measure, such as "Action 2.3". */
  ref?: string;
  title: string;
  description?: string;
}

const REF =
  /^(?:(?:action|measure|initiative|project|commitment|activity|step)\s?(?:no\.\s?)?[A-Z]?\d{1,2}(?:\.\d{1,2}){0,2}[a-z]?|[A-Z]{1,4}-?\d{1,3}(?:\.\d{1,2})?|\d{1,2}(?:\.\d{1,2}){1,2})\.?(?:\s?[:.)–—-])?\s+/i;
/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = /(?:^|\s)(?:e\.g|i\.e|etc|approx|incl|no|nos|st|dr|mr|ms|dept|vs|cf|art|para|ca|[A-Z])$/i;
const MAX_LEAD_WORDS = 12;
/** A title longer than this is a sentence too long to be a title: it is cut at a clause instead. */
const FIELD_LABEL = /^(?:lead|responsible|owner|deadline|due|timeline|budget|cost|funding|partners?|indicators?|targets?|kpis?|status|timing)\b/i;

/** The document's own number at the start of the text, and the rest. */
export function splitRef(text: string): { ref?: string; rest: string } {
  const match = REF.exec(text);
  if (!match || match[0].length >= text.length) return { rest: text };
  return { ref: trimEndOf(match[0], `${CLOSING_PUNCTUATION})`), rest: text.slice(match[0].length) };
}

/** Where the first sentence ends (the index of its full stop), or -1 when the text is one sentence. */
export function firstSentenceEnd(text: string): number {
  for (const match of text.matchAll(/[.!?](?=\s|$)/g)) {
    const index = match.index!;
    if (index === text.length - 1) return -1;
    if (match[0] === '.' && ABBREVIATIONS.test(text.slice(Math.max(0, index - 8), index))) continue;
    if (match[0] === '.' && /\d$/.test(text.slice(0, index)) && /^\.\d/.test(text.slice(index))) continue;
    return index;
  }
  return -1;
}

function trimPunctuation(text: string): string {
  return trimEndOf(text.replace(/^[\s:.;,–—-]+/, ''), ' \t\n:;,–—-').replace(/\.$/, '');
}

export function splitTitle(text: string, lead?: string): TitleSplit {
  const { ref, rest } = splitRef(cleanText(text));
  const result = (title: string, description: string): TitleSplit => {
    const cleanTitle = trimPunctuation(title);
    const cleanDescription = description.replace(/^[\s:.;,–—-]+/, '').trim();
    if (cleanTitle === '') return { ...(ref ? { ref } : {}), title: trimPunctuation(description) };
    return { ...(ref ? { ref } : {}), title: cleanTitle, ...(cleanDescription !== '' ? { description: cleanDescription } : {}) };
  };
  if (lead) {
    const leadText = splitRef(cleanText(lead)).rest;
    const at = rest.indexOf(leadText);
    if (at !== -1 && leadText.length < rest.length && !FIELD_LABEL.test(leadText)) {
      return result(rest.slice(0, at + leadText.length), rest.slice(at + leadText.length));
    }
  }
  const opener = /^(.{3,120}?)(?::\s|\s[–—]\s|\s-\s)/.exec(rest);
  const sentenceEnd = firstSentenceEnd(rest);
  if (opener && opener[1].split(/\s+/).length <= MAX_LEAD_WORDS && !FIELD_LABEL.test(opener[1]) && (sentenceEnd === -1 || opener[0].length <= sentenceEnd)) {
    return result(opener[1], rest.slice(opener[0].length));
  }
  if (sentenceEnd === -1) return result(rest, '');
  return result(rest.slice(0, sentenceEnd), rest.slice(sentenceEnd + 1));
}

/** Whether a line is one of a measure's fields stated as a label ("Lead: …", "Budget: …"). */
export function isFieldLine(text: string): boolean {
  return FIELD_LABEL.test(text) && /^[A-Za-z ]{2,30}:/.test(text);
}
