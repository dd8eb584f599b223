/**
 * Dates as drafters write them ("Q3 2026", "June 2027", "30 June 2027", "end of 2027",
 * "H2 2028", "2027-06") → the forms the format accepts (YYYY, YYYY-MM, YYYY-MM-DD).
 */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

const QUARTER = /^(?:Q|quarter\s)([1-4])[\s/-]?(?:of\s)?(\d{4})\b/i;
const YEAR_QUARTER = /^(\d{4})[\s-]?Q([1-4])\b/i;
const HALF = /^(?:H([12])[\s/-]?|(first|second|1st|2nd)\shalf\sof\s)(\d{4})\b/i;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?\s(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s(\d{4})\b/i;
const MONTH_DAY_YEAR = /^(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s(\d{1,2}),\s(\d{4})\b/i;
const MONTH_YEAR = /^(?:the\send\sof\s|end\sof\s|end-)?(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s(\d{4})\b/i;
const ISO = /^(\d{4})-(\d{2})(?:-(\d{2}))?\b/;
const DAY_FIRST = /^(\d{1,2})[./](\d{1,2})[./](\d{4})\b/;
const MONTH_SLASH_YEAR = /^(\d{1,2})\/(\d{4})\b/;
const SEASON_YEAR = /^(?:the\s)?(end|close|middle|mid|start|beginning|early|late|spring|summer|autumn|fall|winter)(?:\sof|-)?\s?(\d{4})\b/i;
const YEAR = /^(\d{4})\b/;

const pad = (n: number): string => String(n).padStart(2, '0');
const plausibleYear = (year: number): boolean => year >= 1990 && year <= 2100;

export interface DateMatch {
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  value: string;
  /** How many characters of the text the date takes. */
  length: number;
}

function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase()] ?? MONTHS[name.toLowerCase().slice(0, 3)];
}

/** The date the text starts with, or undefined. */
export function dateAt(text: string): DateMatch | undefined {
  const at = (value: string, match: RegExpExecArray, year: number): DateMatch | undefined =>
    plausibleYear(year) ? { value, length: match[0].length } : undefined;
  let match: RegExpExecArray | null;
  if ((match = QUARTER.exec(text))) return at(`${match[2]}-${pad(Number(match[1]) * 3)}`, match, Number(match[2]));
  if ((match = YEAR_QUARTER.exec(text))) return at(`${match[1]}-${pad(Number(match[2]) * 3)}`, match, Number(match[1]));
  if ((match = HALF.exec(text))) {
    const first = match[1] === '1' || /^(?:first|1st)$/i.test(match[2] ?? '');
    return at(`${match[3]}-${first ? '06' : '12'}`, match, Number(match[3]));
  }
  if ((match = DAY_MONTH_YEAR.exec(text))) return at(`${match[3]}-${pad(monthNumber(match[2]))}-${pad(Number(match[1]))}`, match, Number(match[3]));
  if ((match = MONTH_DAY_YEAR.exec(text))) return at(`${match[3]}-${pad(monthNumber(match[1]))}-${pad(Number(match[2]))}`, match, Number(match[3]));
  if ((match = MONTH_YEAR.exec(text))) return at(`${match[2]}-${pad(monthNumber(match[1]))}`, match, Number(match[2]));
  if ((match = ISO.exec(text))) {
    const month = Number(match[2]);
    if (month < 1 || month > 12) return undefined;
    return at(match[3] ? `${match[1]}-${match[2]}-${match[3]}` : `${match[1]}-${match[2]}`, match, Number(match[1]));
  }
  if ((match = DAY_FIRST.exec(text))) {
    const month = Number(match[2]);
    if (month < 1 || month > 12) return undefined;
    return at(`${match[3]}-${pad(month)}-${pad(Number(match[1]))}`, match, Number(match[3]));
  }
  if ((match = MONTH_SLASH_YEAR.exec(text))) {
    const month = Number(match[1]);
    if (month < 1 || month > 12) return undefined;
    return at(`${match[2]}-${pad(month)}`, match, Number(match[2]));
  }
  if ((match = SEASON_YEAR.exec(text))) {
    const when = match[1].toLowerCase();
    const month = when === 'end' || when === 'close' ? '-12' : when === 'middle' || when === 'mid' ? '-06' : '';
    return at(`${match[2]}${month}`, match, Number(match[2]));
  }
  if ((match = YEAR.exec(text))) return at(match[1], match, Number(match[1]));
  return undefined;
}

/**
 * The date the text starts with; when a range follows ("2026–2028", "Q1 2026 to Q4 2027"),
 * its end, which is when the work is due.
 */
export function dateOrRangeEndAt(text: string): DateMatch | undefined {
  const first = dateAt(text);
  if (!first) return undefined;
  const rest = text.slice(first.length);
  const joiner = /^\s?(?:–|—|-|to|until|till)\s?/.exec(rest);
  if (!joiner) return first;
  const second = dateAt(rest.slice(joiner[0].length));
  return second ? { value: second.value, length: first.length + joiner[0].length + second.length } : first;
}
