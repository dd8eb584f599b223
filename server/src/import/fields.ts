/**
 * The fields a measure's prose states plainly: who leads it, who takes part, when it is
 * due, what it costs, and how its success is measured. Each extractor takes the text and
 * returns what it found, or nothing; none of them changes the text, which stays in the
 * measure's description whatever is found. Every pattern is linear: values are cut by a
 * scan to the next terminator, not by regular expressions that could backtrack.
 */
import { CLOSING_PUNCTUATION, trimEndOf } from './blocks';
import { dateAt, dateOrRangeEndAt } from './dates';

export interface Budget {
  amount: number;
  currency: string;
}

export interface Indicator {
  name: string;
  baseline?: string;
  target: string;
  by?: string;
}

export interface MeasureFields {
  lead?: string;
  partners?: string[];
  due?: string;
  budget?: Budget;
  indicators?: Indicator[];
}

const MAX_NAME_WORDS = 14;
/** Where a name stated in prose ends: a word that starts another part of the sentence. */
const NAME_STOPS = [
  ' by ', ' with ', ' in cooperation', ' in co-operation', ' in partnership', ' in collaboration', ' together with',
  ' jointly with', ' supported by', ' until ', ' before ', ' no later than', ' starting ', ' from ', ' who ', ' which ',
  ' will ', ' and partners', ' at a cost', ' within ', ' during ', ' through ', ' as of ',
];
const NAME_END = /[.;()|\n:]|,|\s[–—-]\s/;

/** Text from `start` to the first terminator or stop word. */
function phraseFrom(text: string, start: number, stops: readonly string[] = NAME_STOPS): string {
  let rest = text.slice(start);
  const end = NAME_END.exec(rest);
  if (end) rest = rest.slice(0, end.index);
  const lower = rest.toLowerCase();
  let cut = rest.length;
  for (const stop of stops) {
    const at = lower.indexOf(stop);
    if (at !== -1 && at < cut) cut = at;
  }
  return rest.slice(0, cut);
}

/** A name as written, without a leading article and trailing punctuation; undefined when it is no name. */
export function cleanName(raw: string, lowerCaseAllowed = false): string | undefined {
  const name = trimEndOf(raw, `${CLOSING_PUNCTUATION}*`)
    .replace(/^\s*(?:the|a|an)\s+/i, '')
    
    .replace(/^[\s*]+/, '')
    .trim();
  if (name === '' || name.split(/\s+/).length > MAX_NAME_WORDS) return undefined;
  if (lowerCaseAllowed && /^\p{L}/u.test(name) && !/^(?:which|that|who|when|where|a|an|to|in|on|at|by|it|its|their|this|these)\b/i.test(name)) return name;
  if (!/^[\p{Lu}\p{N}]/u.test(name) && !/^(?:municipalities|regions|cities|ministries|agencies|universities|libraries|schools|hospitals|local|regional|national|all)\b/i.test(name)) return undefined;
  return name;
}

const LEAD_CUE =
  /\b(?:led\s(?:jointly\s)?by|lead(?:\sagency|\sinstitution|\sorgani[sz]ation|\sbody|\sministry|\sdepartment|\sauthority|\sunit)?\s?:|responsib(?:le|ility)(?:\sbody|\sinstitution|\sauthority|\sunit|\sagency|\sdepartment|\sministry|\soffice)?\s?:|owner\s?:|implemented\sby|co-?ordinated\sby|under\sthe\s(?:leadership|lead|responsibility)\sof|in\scharge\s?:|accountable\s?:)[\s*]*/gi;

/** A verb that follows the name of who leads: "The Data Agency leads the work", "… is responsible". */
const LEAD_VERB = /\s(?:leads|will\slead|is\sresponsible|will\sbe\sresponsible|is\sin\scharge|takes\sthe\slead|will\stake\sthe\slead)\b/g;
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’-]*|of|for|and|the|on|de|du|des|la|le)$/u;

/** The capitalised name just before `end`: "The Public Works Department" before "is responsible". */
function nameBefore(text: string, end: number): string | undefined {
  const words = text.slice(Math.max(0, end - 120), end).split(/\s+/);
  let start = words.length;
  while (start > 0 && NAME_WORD.test(words[start - 1].replace(/[,;:]$/, '')) && !/[.;:,]$/.test(words[start - 1])) start--;
  const name = words.slice(start).join(' ').replace(/^(?:(?:of|for|and|the|on)\s)+/i, '');
  return /^\p{Lu}/u.test(name) ? cleanName(name) : undefined;
}

/** Who leads the measure: "led by …", "Lead: …", "Responsible: …", "The … Department is responsible". */
export function extractLead(text: string): string | undefined {
  for (const match of text.matchAll(LEAD_CUE)) {
    const name = cleanName(phraseFrom(text, match.index! + match[0].length));
    if (name) return name;
  }
  for (const match of text.matchAll(LEAD_VERB)) {
    const name = nameBefore(text, match.index!);
    if (name) return name;
  }
  return undefined;
}

const PARTNER_CUE =
  /\b(?:partners?\s?:|in\s(?:close\s)?(?:co-?operation|collaboration)\swith|partnership\swith|together\swith|jointly\swith|with\sthe\ssupport\sof|supported\sby|involving|working\swith|co-?delivered\swith|with\spartners\s?:?)[\s*]*/gi;
const PARTNER_STOPS = [...NAME_STOPS.filter((stop) => stop !== ' with ' && stop !== ' supported by' && stop !== ' together with'), ' to '];

/** Who takes part: "in cooperation with A, B and C", "Partners: A, B". */
export function extractPartners(text: string): string[] | undefined {
  const partners: string[] = [];
  for (const match of text.matchAll(PARTNER_CUE)) {
    const start = match.index! + match[0].length;
    const rest = text.slice(start);
    // A list of partners runs over commas, so only the sentence's end cuts it here.
    const end = /[.;()|\n]|\s[–—-]\s/.exec(rest);
    const phrase = phraseFrom(rest.slice(0, end ? end.index : rest.length).replace(/,/g, '\u0000'), 0, PARTNER_STOPS).replace(/\u0000/g, ',');
    for (const piece of phrase.replace(/\s+/g, ' ').split(/, (?:and )?|,| and (?=the |\p{Lu})| as well as /u)) {
      const name = cleanName(piece, true);
      if (name && !partners.includes(name)) partners.push(name);
    }
  }
  return partners.length > 0 ? partners : undefined;
}

const LABELLED_DUE_CUE =
  /\b(?:deadline|due(?:\sdate|\sby|\sin)?|completion(?:\sdate)?|completed\s(?:by|in)|timeline|time\s?frame|target\sdate(?:\sof)?|delivery(?:\sdate)?|end\sdate|timing|when)\s?:?\s*(?:in\s|by\s)?/gi;
const DUE_CUE = /\b(?:by|until|till|before|no\slater\sthan|in|from)\s(?:the\s)?/gi;

/** Characters of the text replaced by spaces: what another field already took. */
function masked(text: string, spans: readonly [number, number][]): string {
  let result = text;
  for (const [start, end] of spans) result = result.slice(0, start) + ' '.repeat(end - start) + result.slice(end);
  return result;
}

/**
 * When the measure is due: a labelled date ("Deadline: Q3 2026", "Timeline: 2026–2028")
 * first, else "by June 2027", "until 2028", "in Q2 2027" (a bare "in 2027" is left: it
 * says as often when something started). Dates inside indicators are not due dates.
 */
export function extractDue(text: string, ignore: readonly [number, number][] = []): string | undefined {
  const visible = masked(text, ignore);
  for (const match of visible.matchAll(LABELLED_DUE_CUE)) {
    const date = dateOrRangeEndAt(visible.slice(match.index! + match[0].length));
    if (date) return date.value;
  }
  for (const match of visible.matchAll(DUE_CUE)) {
    const cue = match[0].trim().toLowerCase();
    const rest = visible.slice(match.index! + match[0].length);
    const date = cue === 'from' ? dateOrRangeEndAt(rest) : dateAt(rest);
    if (!date) continue;
    if (cue === 'in' && /^\d{4}$/.test(date.value)) continue;
    if (cue === 'from' && date.length === dateAt(rest)?.length) continue;
    return date.value;
  }
  return undefined;
}

const CURRENCY_BEFORE = /(EUR|USD|GBP|DKK|SEK|NOK|ISK|CHF|CAD|AUD|NZD|PLN|CZK|HUF|RON|BGN|€|\$|£)\s?(\d(?:[\d,.']*\d)?)(?:\s?(million|mn|m|billion|bn|thousand|k)\b)?/g;
const NUMBER = /\d[\d,.']*/g;
const CURRENCY_AFTER = /^\s?(million|mn|m|billion|bn|thousand|k)?\s?(EUR|euros?|USD|dollars|GBP|pounds|DKK|SEK|NOK|CHF|€)(?![\p{L}])/iu;
const MULTIPLIERS: Record<string, number> = { million: 1e6, mn: 1e6, m: 1e6, billion: 1e9, bn: 1e9, thousand: 1e3, k: 1e3 };
const CURRENCY_CODES: Record<string, string> = { '€': 'EUR', $: 'USD', '£': 'GBP', euro: 'EUR', euros: 'EUR', dollars: 'USD', pounds: 'GBP' };
const BUDGET_WORDS = /\b(?:budget|cost|costs|funding|funded|allocat|invest|financ|envelope|grant|spend)/i;

/** A written number ("2,500,000", "2.5", "1.250.000", "2,5", "1'000'000") as a number. */
export function parseNumber(written: string, scaled: boolean): number | undefined {
  const digits = trimEndOf(written, ".,'").replace(/'/g, '');
  const lastComma = digits.lastIndexOf(',');
  const lastDot = digits.lastIndexOf('.');
  let normal: string;
  if (lastComma !== -1 && lastDot !== -1) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    normal = digits.split(thousands).join('').replace(decimal, '.');
  } else if (lastComma !== -1 || lastDot !== -1) {
    const separator = lastComma !== -1 ? ',' : '.';
    const groups = digits.split(separator);
    const thousands = groups.length > 2 || (groups[1].length === 3 && !scaled);
    normal = thousands ? groups.join('') : `${groups[0]}.${groups.slice(1).join('')}`;
  } else {
    normal = digits;
  }
  const value = Number(normal);
  return Number.isFinite(value) ? value : undefined;
}

interface AmountMatch {
  budget: Budget;
  index: number;
  end: number;
}

function amounts(text: string): AmountMatch[] {
  const found: AmountMatch[] = [];
  const add = (index: number, end: number, currencyWritten: string, numberWritten: string, multiplierWritten: string | undefined): void => {
    const multiplier = multiplierWritten ? MULTIPLIERS[multiplierWritten.toLowerCase()] : 1;
    const value = parseNumber(numberWritten, multiplier !== 1);
    if (value === undefined) return;
    const currency = CURRENCY_CODES[currencyWritten] ?? CURRENCY_CODES[currencyWritten.toLowerCase()] ?? currencyWritten.toUpperCase();
    found.push({ budget: { amount: Math.round(value * multiplier), currency }, index, end });
  };
  for (const match of text.matchAll(CURRENCY_BEFORE)) add(match.index!, match.index! + match[0].length, match[1], match[2], match[3]);
  for (const number of text.matchAll(NUMBER)) {
    const written = trimEndOf(number[0], ".,'");
    const after = CURRENCY_AFTER.exec(text.slice(number.index! + written.length, number.index! + written.length + 40));
    if (!after) continue;
    // "EUR 5 million EUR" is one amount: an amount overlapping one already read is the same.
    const end = number.index! + written.length + after[0].length;
    if (found.some((amount) => number.index! < amount.end && end > amount.index)) continue;
    add(number.index!, end, after[2], written, after[1]);
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The budget: the first amount the text calls a budget, cost or funding, else the first amount. */
export function extractBudget(text: string, ignore: readonly [number, number][] = []): Budget | undefined {
  const found = amounts(masked(text, ignore));
  // An amount after "above" or "over" is a threshold, and one that is saved or earned is no cost.
  const costs = found.filter(
    (amount) =>
      !/\b(?:above|over|below|under|exceeding|than|threshold\sof)\s$/i.test(text.slice(Math.max(0, amount.index - 20), amount.index)) &&
      !/\b(?:saves?|saving|savings|revenues?|earns?|income)\b/i.test(text.slice(Math.max(0, amount.index - 30), amount.index)),
  );
  if (costs.length === 0) return undefined;
  const named = costs.find((amount) => BUDGET_WORDS.test(text.slice(Math.max(0, amount.index - 60), amount.index)));
  return (named ?? costs[0]).budget;
}

// A value as indicators state it ("40%", "9 months", "4 of 19", "€2.50"); written out in each
// pattern below, so that each is a literal the linear-time check can read.
const FROM_TO = /\bfrom\s([€$£]?\d(?:[\d,.]*\d)?(?:\s?(?:%|per\s?cent\b|percent\b))?(?:\s(?:of|out\sof)\s\d[\d,]*)?(?:\s(?!to\b|by\b|in\b|and\b|from\b|for\b|of\b|per\b|at\b)[a-z]{2,12}\b)?)(?:\s(?:in\s|\()\d{4}\)?)?\s(?:to|up\sto|down\sto)\s([€$£]?\d(?:[\d,.]*\d)?(?:\s?(?:%|per\s?cent\b|percent\b))?(?:\s(?:of|out\sof)\s\d[\d,]*)?(?:\s(?!to\b|by\b|in\b|and\b|from\b|for\b|of\b|per\b|at\b)[a-z]{2,12}\b)?)(?:\s(?:by|in|until|before)\s(?:the\s)?)?/gi;
const BASELINE_TARGET = /\bbaseline\s?:?\s([€$£]?\d(?:[\d,.]*\d)?(?:\s?(?:%|per\s?cent\b|percent\b))?(?:\s(?:of|out\sof)\s\d[\d,]*)?(?:\s(?!to\b|by\b|in\b|and\b|from\b|for\b|of\b|per\b|at\b)[a-z]{2,12}\b)?)(?:\s?\(\d{4}\))?[,;]?\s(?:and\s)?target\s?:?\s([€$£]?\d(?:[\d,.]*\d)?(?:\s?(?:%|per\s?cent\b|percent\b))?(?:\s(?:of|out\sof)\s\d[\d,]*)?(?:\s(?!to\b|by\b|in\b|and\b|from\b|for\b|of\b|per\b|at\b)[a-z]{2,12}\b)?)(?:\s?(?:by|in|\()\s?)?/gi;
const TARGET_ONLY = /\btarget\s?:\s([€$£]?\d(?:[\d,.]*\d)?(?:\s?(?:%|per\s?cent\b|percent\b))?(?:\s(?:of|out\sof)\s\d[\d,]*)?(?:\s(?!to\b|by\b|in\b|and\b|from\b|for\b|of\b|per\b|at\b)[a-z]{2,12}\b)?)/gi;
const NAME_LEAD_IN = /^(?:and\s|to\s|we\swill\s|will\s|shall\s|aim\sto\s|aims\sto\s)?(?:increase|raise|reduce|cut|grow|lift|bring|improve|expand|decrease|lower|boost|move|shorten|take|get)s?\s(?:the\s)?/i;
const NAME_TAIL = /\s(?:should|will|must|is\sto|are\sto|to)?\s?(?:rise|grow|increase|fall|drop|go|decrease|improve|move|shrink|climb|double)s?$/i;
const LABEL = /^(?:indicators?|kpis?|targets?|measure\sof\ssuccess|success\smeasure|metric)\s?:\s?/i;

/** The words before an indicator's numbers that say what is measured, in the same clause. */
function indicatorName(text: string, end: number): string | undefined {
  const before = text.slice(0, end);
  let start = 0;
  for (const match of before.matchAll(/[.;:!?(\n]\s|,\s(?:and\s)?|\s[–—-]\s/g)) start = match.index! + match[0].length;
  const name = trimEndOf(before
    .slice(start)
    .trim()
    .replace(LABEL, '')
    .replace(NAME_LEAD_IN, '')
    .replace(NAME_TAIL, '')
    .replace(/^(?:the|a|an)\s/i, ''), ' \t\n,')
    .trim();
  return name === '' ? undefined : name.charAt(0).toUpperCase() + name.slice(1);
}

export interface IndicatorMatch {
  indicator: Omit<Indicator, 'name'> & { name?: string };
  span: [number, number];
}

/** Indicators stated with their numbers: "from 40% to 90% by 2030", "baseline 12, target 40 (2028)", "Target: 90% by 2030". */
export function extractIndicators(text: string): IndicatorMatch[] {
  const found: IndicatorMatch[] = [];
  const taken = (index: number): boolean => found.some(({ span }) => index >= span[0] && index < span[1]);
  const add = (match: RegExpMatchArray, baseline: string | undefined, target: string): void => {
    if (taken(match.index!)) return;
    const tail = text.slice(match.index! + match[0].length);
    const date = /(?:by|in|until|before|\()\s?(?:the\s)?$/.test(match[0]) ? dateAt(tail) : undefined;
    const end = match.index! + match[0].length + (date ? date.length + (tail.slice(date.length).startsWith(')') ? 1 : 0) : 0);
    found.push({
      indicator: { name: indicatorName(text, match.index!), ...(baseline ? { baseline: baseline.trim() } : {}), target: target.trim(), ...(date ? { by: date.value } : {}) },
      span: [match.index!, end],
    });
  };
  for (const match of text.matchAll(FROM_TO)) add(match, match[1], match[2]);
  for (const match of text.matchAll(BASELINE_TARGET)) add(match, match[1], match[2]);
  for (const match of text.matchAll(TARGET_ONLY)) {
    if (taken(match.index!)) continue;
    // "Target: 95% of residents with an eID by 2029": what follows the number names it, up to the date.
    const start = match.index! + match[0].length;
    const sentence = text.slice(start, start + (/[.;\n]/.exec(text.slice(start))?.index ?? text.length - start));
    const by = / by (?:the )?/.exec(sentence);
    const date = by ? dateAt(sentence.slice(by.index + by[0].length)) : undefined;
    const subject = (by ? sentence.slice(0, by.index) : sentence).replace(/^\s*(?:of|for)\s/i, '').trim();
    found.push({
      indicator: {
        name: subject !== '' && !/\d/.test(subject.slice(0, 1)) ? subject.charAt(0).toUpperCase() + subject.slice(1) : indicatorName(text, match.index!),
        target: match[1].trim(),
        ...(date ? { by: date.value } : {}),
      },
      span: [match.index!, date && by ? start + by.index + by[0].length + date.length : start + sentence.length],
    });
  }
  return found.sort((a, b) => a.span[0] - b.span[0]);
}

/** Every field the text states plainly; the indicators without a name of their own are named after `title`. */
export function extractFields(text: string, title: string): MeasureFields {
  const indicatorMatches = extractIndicators(text);
  const spans = indicatorMatches.map((match) => match.span);
  const fields: MeasureFields = {};
  const lead = extractLead(text);
  if (lead) fields.lead = lead;
  const partners = extractPartners(text)?.filter((partner) => partner !== lead);
  if (partners && partners.length > 0) fields.partners = partners;
  const due = extractDue(text, spans);
  if (due) fields.due = due;
  const budget = extractBudget(text, spans);
  if (budget) fields.budget = budget;
  if (indicatorMatches.length > 0) {
    fields.indicators = indicatorMatches.map(({ indicator }) => ({ ...indicator, name: indicator.name ?? title }));
  }
  return fields;
}
