/**
 * Words to stems: the clause mapper's view of a text. Stemming (Porter2) and the English
 * stop word list come from libraries; only the splitting into words is ours.
 */
import stem from 'wink-porter2-stemmer';
import { eng } from 'stopword';

export interface Token {
  /** The word's stem, as matched against the vocabulary. */
  stem: string;
  /** The word as written, for evidence. */
  word: string;
  /** Where the word is in the text. */
  start: number;
  end: number;
  /** A stop word: part of a phrase ("freedom of information", "once-only"), no evidence alone. */
  stop: boolean;
}

const STOPWORDS: ReadonlySet<string> = new Set(eng);

/** Longer "words" (a pasted hash, a run of one letter) are no evidence and are not stemmed. */
export const MAX_WORD_LENGTH = 40;

/** Letters and digits; an apostrophe inside a word (citizen's) keeps the word whole. */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Lower case, without accents or a possessive ending: "Citizens'" and "citizens" meet. */
export function normalizeWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]s?$/, '')
    .replace(/['’]/g, '');
}

/**
 * The stem of one word, and whether it is a stop word. "IT" in capitals is information
 * technology, not the pronoun a stop word list drops.
 */
export function stemOf(word: string): { stem: string; stop: boolean } {
  if (word === 'IT') return { stem: 'ict', stop: false };
  // No word of a language is this long; the stemmer's rules are not meant for a run of letters.
  if (word.length > MAX_WORD_LENGTH) return { stem: word.slice(0, MAX_WORD_LENGTH).toLowerCase(), stop: true };
  const lower = normalizeWord(word);
  if (STOPWORDS.has(lower) || (lower.length < 2 && !/\d/.test(lower))) return { stem: lower, stop: true };
  return { stem: stem(lower), stop: false };
}

/** Stems already computed, by word as written: owned by the caller (the mapper's index). */
export type StemMemo = Map<string, { stem: string; stop: boolean }>;

/** Words remembered in a memo before it starts afresh. */
const MEMO_SIZE = 20_000;

const ASCII = /^[\x00-\x7f]*$/;

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

function isAsciiWordCharacter(code: number): boolean {
  return isAsciiLetter(code) || (code >= 48 && code <= 57);
}

/**
 * Where WORD matches in a text, as words and their places. A text of ASCII characters only
 * (most strategies in English) is read without the regular expression, which the mapper
 * would otherwise run over every measure of a strategy when it opens: runs of letters and
 * digits, an apostrophe followed by letters kept with the run before it.
 */
export function wordsOf(text: string): Array<{ word: string; index: number }> {
  if (!ASCII.test(text)) return Array.from(text.matchAll(WORD), (match) => ({ word: match[0], index: match.index! }));
  const found: Array<{ word: string; index: number }> = [];
  let at = 0;
  while (at < text.length) {
    if (!isAsciiWordCharacter(text.charCodeAt(at))) {
      at++;
      continue;
    }
    const start = at;
    while (at < text.length && isAsciiWordCharacter(text.charCodeAt(at))) at++;
    if (text.charCodeAt(at) === 39 && isAsciiLetter(text.charCodeAt(at + 1))) {
      at++;
      while (at < text.length && isAsciiLetter(text.charCodeAt(at))) at++;
    }
    found.push({ word: text.slice(start, at), index: start });
  }
  return found;
}

/** The text's words, in order, each with its stem. */
export function tokenize(text: string, memo?: StemMemo): Token[] {
  const tokens: Token[] = [];
  for (const { word, index } of wordsOf(text)) {
    let stemmed = memo?.get(word);
    if (!stemmed) {
      stemmed = stemOf(word);
      if (memo) {
        if (memo.size >= MEMO_SIZE) memo.clear();
        memo.set(word, stemmed);
      }
    }
    tokens.push({ stem: stemmed.stem, stop: stemmed.stop, word, start: index, end: index + word.length });
  }
  return tokens;
}

/** The stems of a text's content words (stop words left out). */
export function stemsOf(text: string): string[] {
  return tokenize(text)
    .filter((token) => !token.stop)
    .map((token) => token.stem);
}

/** Every word's stem, stop words included: a phrase is matched whole. */
export function phraseStemsOf(text: string): string[] {
  return tokenize(text).map((token) => token.stem);
}
