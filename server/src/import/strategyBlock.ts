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
  /\b(?:(?:the\s)?(?:Republic|Kingdom|Government|State|Commonwealth|Federation|Principality|Grand\sDuchy|Region|Province|County|Canton|City|Municipality|Town|Borough|District|Shire)\sof\s(?:the\s)?\p{Lu}[\p{L}'-]*(?:\s\p{Lu}[\p{L}'-]*)?|\p{Lu}[\p{L}'-]*\s(?:City|County|Regional|Municipal|Town|District|Borough)\s(?:Council|Government|Administration|Authority))/u;
const LOCAL = /\b(?:city|municipal|municipality|town|borough|district|shire|village|commune|council)\b/i;
const REGIONAL = /\b(?:region|regional|province|provincial|county|canton|cantonal|state\sgovernment|länder|land)\b/i;
const NATIONAL = /\b(?:republic|kingdom|national|federal|government\sof|commonwealth|principality|grand\sduchy|country)\b/i;
const PERIOD = /\b((?:19|20)\d{2})\s?(?:–|—|-|to|until)\s?((?:19|20)?\d{2})\b/;
const ORGANISATION_LINE = /^(?:the\s)?(?:ministry|office|agency|department|directorate|secretariat|federal\sministry|chancellery|cabinet\soffice)\b/i;
const AUTHOR_CUE = /\b(?:prepared|published|issued|coordinated|co-ordinated|drafted|written|developed)\sby\s/i;

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
  return undefined;
}

/**
 * Guesses from the title page's lines (`titleLines`, the title first when the document marks
 * one) and, for what the title page does not say, the opening text of the document.
 */
export function guessStrategy(titleLines: readonly string[], opening: readonly string[], title?: string): StrategyGuess {
  const guess: StrategyGuess = {};
  guess.title = title ?? titleLines.find((line) => TITLE_WORDS.test(line) && line.split(/\s+/).length <= 20) ?? titleLines[0];
  const page = titleLines.join('\n');
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
  const author = AUTHOR_CUE.exec(page);
  const lead =
    extractLead(page) ??
    (author ? cleanName(page.slice(author.index + author[0].length).split(/[\n,;(]|\.\s/)[0]) : undefined) ??
    titleLines.map((line) => line.trim()).find((line) => ORGANISATION_LINE.test(line) && line.split(/\s+/).length <= 12);
  if (lead) guess.lead = lead.replace(/^the\s/i, '');
  return guess;
}
