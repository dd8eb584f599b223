/**
 * The strategy block from a document's title page: title, government, level, period,
 * status, adoption date and the institution responsible. Every value is a guess from the
 * words on the page; what is not there is left out, for `dgs check` to ask for.
 */
import { cleanName, extractLead } from './fields';
import { dateAt } from './dates';

export interface StrategyGuess {
  title?: string;
  government?: string;
  level?: 'national' | 'regional' | 'local';
  period?: { from: number; to: number };
  status?: 'draft' | 'consultation' | 'adopted';
  adoptedOn?: string;
  lead?: string;
}

const TITLE_WORDS = /\b(?:strateg|agenda|plan\b|roadmap|programme|program\b|vision|charter|digital)/i;
const GOVERNMENT =
  /(?:(?:the )?(?:Republic|Kingdom|Government|State|Commonwealth|Federation|Principality|Grand Duchy|Region|Province|County|Canton|City|Municipality|Town|Borough|District|Shire) of (?:the )?\p{Lu}[\p{L}'-]*(?: \p{Lu}[\p{L}'-]*)?|(?<![\p{L}'-])\p{Lu}[\p{L}'-]* (?:City|County|Regional|Municipal|Town|District|Borough|Provincial) (?:Council|Government|Administration|Authority)|(?<![\p{L}'-])\p{Lu}[\p{L}'-]* (?:Municipality|Region|Province|County|Canton))/u;
const LOCAL = /\b(?:city|municipal|municipality|town|borough|district|shire|village|commune)\b/i;
const COUNCIL = /\bcouncil\b/i;
const REGIONAL = /\b(?:region|regional|province|provincial|county|canton|cantonal|state\sgovernment|länder|land)\b/i;
const NATIONAL = /\b(?:republic|kingdom|national|federal|government\sof|commonwealth|principality|grand\sduchy|country)\b/i;
const PERIOD = /\b((?:19|20)\d{2})\s?(?:–|—|-|to|until)\s?((?:19|20)?\d{2})\b/;
const ORGANISATION_LINE = /^(?:the\s)?(?:ministry|office|agency|department|directorate|secretariat|federal\sministry|chancellery|cabinet\soffice)\b/i;
const AUTHOR_CUE = /\b(?:prepared|published|issued|coordinated|co-ordinated|drafted|written|developed)\sby\s/i;

const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'to', 'a', 'an']);

/** A line in capitals in title case, small words in lower case; any other line as it is. */
export function unshout(line: string): string {
  const letters = line.replace(/[^\p{L}]/gu, '');
  if (letters.length < 3 || letters !== letters.toUpperCase()) return line;
  return line
    .toLowerCase()
    .split(' ')
    .map((word, index) => (index > 0 && SMALL_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}

export function guessPeriod(text: string): { from: number; to: number } | undefined {
  const match = PERIOD.exec(text);
  if (!match) return undefined;
  const from = Number(match[1]);
  const to = match[2].length === 2 ? Math.floor(from / 100) * 100 + Number(match[2]) : Number(match[2]);
  return to >= from && to - from <= 20 ? { from, to } : undefined;
}

export function guessLevel(text: string): StrategyGuess['level'] {
  if (LOCAL.test(text)) return 'local';
  if (REGIONAL.test(text)) return 'regional';
  if (NATIONAL.test(text)) return 'national';
  // A council alone, with no region or county named, is a local one.
  if (COUNCIL.test(text)) return 'local';
  return undefined;
}

/** How much a title-page line reads as the strategy's title: a heading, a strategy word, a year. */
function titleScore(line: string, heading: boolean): number {
  if (line.split(/\s+/).length > 20) return -1;
  return (heading ? 1 : 0) + (TITLE_WORDS.test(line) ? 2 : 0) + (/\b(?:19|20)\d{2}\b/.test(line) ? 1 : 0);
}

/**
 * Guesses from the title page's lines (`headings`: those of them that are headings) and,
 * for what the title page does not say, the opening text of the document.
 */
export function guessStrategy(titleLines: readonly string[], opening: readonly string[], headings: ReadonlySet<string> = new Set()): StrategyGuess {
  const guess: StrategyGuess = {};
  let best = 0;
  for (const line of titleLines) {
    const score = titleScore(line, headings.has(line));
    if (score > best) {
      best = score;
      guess.title = line;
    }
  }
  // A line in capitals ("KINGDOM OF KESTRIA") is read as it would be written in a sentence.
  const page = titleLines.map(unshout).join('\n');
  const everything = `${page}\n${opening.join('\n')}`;
  const government = GOVERNMENT.exec(page) ?? GOVERNMENT.exec(everything);
  if (government) guess.government = government[0].replace(/^the\s/, '');
  const level = guessLevel(guess.government ?? '') ?? guessLevel(guess.title ?? '') ?? guessLevel(page);
  if (level) guess.level = level;
  const period = guessPeriod(guess.title ?? '') ?? guessPeriod(page) ?? guessPeriod(opening.join('\n'));
  if (period) guess.period = period;
  if (/\bconsultation\b/i.test(page)) guess.status = 'consultation';
  else if (/\bdraft\b/i.test(page)) guess.status = 'draft';
  else if (/\b(?:adopted|approved)\b/i.test(page)) guess.status = 'adopted';
  if (guess.status === 'adopted') {
    const on = /\b(?:adopted|approved)\b[^.\n]{0,60}?\bon\s/i.exec(page);
    const date = on ? dateAt(page.slice(on.index + on[0].length)) : undefined;
    if (date) guess.adoptedOn = date.value;
  }
  const authorIn = (text: string): string | undefined => {
    const author = AUTHOR_CUE.exec(text);
    return author ? cleanName(text.slice(author.index + author[0].length).split(/[\n,;(]|\.\s|\swith\s/)[0]) : undefined;
  };
  const lead =
    extractLead(page) ??
    authorIn(page) ??
    titleLines.map((line) => line.trim()).find((line) => ORGANISATION_LINE.test(line) && line.split(/\s+/).length <= 12);
  const found = lead ?? authorIn(opening.join('\n'));
  if (found) guess.lead = found.replace(/^the\s/i, '');
  return guess;
}
