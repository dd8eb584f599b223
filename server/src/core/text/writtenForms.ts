/**
 * Dates and amounts as drafters write them in prose ("Q4 2026", "June 2027", "30/06/2027",
 * "1.500.000"), turned into the form the format reads, so that a message can say what to write.
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function two(value: number): string {
  return String(value).padStart(2, '0');
}

function monthOf(name: string): number | undefined {
  const lower = name.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return undefined;
  const index = MONTHS.findIndex((month) => month.startsWith(lower) && (lower.length >= 3 || month === lower));
  return index >= 0 ? index + 1 : undefined;
}

function realDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The date in the format's form for a date written otherwise, or undefined when the text is
 * not a date a reader would recognise. A quarter or a half-year becomes its last month.
 */
export function writtenOutDate(written: string): string | undefined {
  const text = written.trim().replace(/\s+/g, ' ');
  let match = /^Q([1-4]) ?(?:[-/] ?)?(\d{4})$/i.exec(text) ?? null;
  if (match) return `${match[2]}-${two(Number(match[1]) * 3)}`;
  match = /^(\d{4}) ?[-/]? ?Q([1-4])$/i.exec(text);
  if (match) return `${match[1]}-${two(Number(match[2]) * 3)}`;
  match = /^H([12]) ?(\d{4})$/i.exec(text) ?? /^(\d{4}) ?[-/]? ?H([12])$/i.exec(text);
  if (match) {
    const [half, year] = /^H/i.test(text) ? [match[1], match[2]] : [match[2], match[1]];
    return `${year}-${two(Number(half) * 6)}`;
  }
  match = /^(?:end of |by )?([A-Za-z]+\.?),? (\d{4})$/i.exec(text);
  if (match) {
    const month = monthOf(match[1]);
    return month ? `${match[2]}-${two(month)}` : undefined;
  }
  match = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+\.?),? (\d{4})$/i.exec(text);
  if (match) {
    const month = monthOf(match[2]);
    const year = Number(match[3]);
    return month && realDay(year, month, Number(match[1])) ? `${year}-${two(month)}-${two(Number(match[1]))}` : undefined;
  }
  match = /^([A-Za-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/i.exec(text);
  if (match) {
    const month = monthOf(match[1]);
    const year = Number(match[3]);
    return month && realDay(year, month, Number(match[2])) ? `${year}-${two(month)}-${two(Number(match[2]))}` : undefined;
  }
  match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  if (match) {
    // Day first, as most of the world writes it; a first number above 12 can only be a day,
    // a second above 12 only a day written second (month first).
    let [day, month] = [Number(match[1]), Number(match[2])];
    if (month > 12 && day <= 12) [day, month] = [month, day];
    const year = Number(match[3]);
    return realDay(year, month, day) ? `${year}-${two(month)}-${two(day)}` : undefined;
  }
  match = /^(\d{1,2})[/.](\d{4})$/.exec(text);
  if (match) {
    const month = Number(match[1]);
    return month >= 1 && month <= 12 ? `${match[2]}-${two(month)}` : undefined;
  }
  match = /^(\d{4})\/(\d{1,2})$/.exec(text);
  if (match) {
    const month = Number(match[2]);
    return month >= 1 && month <= 12 ? `${match[1]}-${two(month)}` : undefined;
  }
  return undefined;
}

/** The amount in digits for an amount written with thousands separators ("1.500.000", "1,500,000", "1 500 000"). */
export function writtenOutAmount(written: string): string | undefined {
  const text = written.trim();
  const match = /^(\d{1,3})((?:([.,' \u00a0\u202f])\d{3})(?:\3\d{3})*)$/.exec(text);
  if (!match) return undefined;
  return text.replace(/[^\d]/g, '');
}
