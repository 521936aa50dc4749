import { copenhagenDate } from './working-days';

/**
 * Danish civil registration numbers (*CPR-nummer*, `ddmmyy-ssss`): the birth date, then a serial
 * number whose first digit with the two-digit year gives the century. The modulus-11 check is not a
 * validity rule: numbers without it have been issued since 2007, so it is never checked here.
 *
 * A CPR number is personal data (DOMAIN.md, "Privacy"): the reasons below never repeat the input;
 * they name a date only when that date does not exist, so it cannot be anyone's birth date.
 */
export type CprParseResult =
  | { ok: true; /** normalised `ddmmyy-ssss` */ cpr: string; /** `YYYY-MM-DD` */ birthDate: string }
  | { ok: false; reason: string };

const CPR_FORMAT = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * The full birth year from the two-digit year and the first serial digit (7th digit):
 * 0–3 → 1900–1999; 4 and 9 → 2000–2036 for yy 00–36, else 1937–1999; 5–8 → 2000–2057 for
 * yy 00–57, else 1858–1899.
 */
function birthYear(yy: number, centuryDigit: number): number {
  if (centuryDigit <= 3) return 1900 + yy;
  if (centuryDigit === 4 || centuryDigit === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC keeps it free of the process zone.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses a CPR number written `ddmmyy-ssss` or `ddmmyyssss` (surrounding spaces ignored). Accepts
 * any serial whose birth date exists, whatever its modulus-11 sum, and is not after the Copenhagen
 * date of `today` (`010150-5000` is born in 2050 by its 7th digit). `today` is an argument because
 * domain rules never read the clock.
 */
export function parseCpr(input: string, today: Date): CprParseResult {
  const match = CPR_FORMAT.exec(input.trim());
  if (!match) return { ok: false, reason: 'not a CPR number: expected ddmmyy-ssss or ddmmyyssss (10 digits)' };
  const [, dd, mm, yy, serial] = match as unknown as [string, string, string, string, string];
  const day = Number(dd);
  const month = Number(mm);
  const year = birthYear(Number(yy), Number(serial[0]));
  if (month < 1 || month > 12) return { ok: false, reason: `impossible birth date: month ${mm} does not exist` };
  if (day < 1 || day > daysInMonth(year, month)) {
    const why = month === 2 && day === 29 ? ` (${year} is not a leap year)` : '';
    return { ok: false, reason: `impossible birth date: ${dd} ${MONTHS[month - 1]} ${year} does not exist${why}` };
  }
  const birthDate = `${year}-${mm}-${dd}`;
  // ISO dates compare as strings. Born today is fine: a newborn can be notified about.
  if (birthDate > copenhagenDate(today)) {
    return { ok: false, reason: 'impossible birth date: it lies in the future (the 7th digit with the year gives the century)' };
  }
  return { ok: true, cpr: `${dd}${mm}${yy}-${serial}`, birthDate };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Age in whole years on the Europe/Copenhagen calendar date of `on` (a child turns 18 at midnight
 * Danish time, not UTC). Someone born on 29 February has their birthday on 1 March in years that
 * are not leap years (28 February is still the day before it). Throws a RangeError for a malformed
 * `birthDate` or an `on` before the birth date.
 */
export function ageOn(birthDate: string, on: Date): number {
  const birth = ISO_DATE.exec(birthDate);
  const [year, month, day] = birth ? [Number(birth[1]), Number(birth[2]), Number(birth[3])] : [0, 0, 0];
  // The message leaves out the value: a birth date is personal data and errors end up in logs.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError('birthDate is not a calendar date (YYYY-MM-DD)');
  }
  const today = copenhagenDate(on);
  // ISO dates compare as strings; comparing "MM-DD" makes 28 Feb < 29 Feb ≤ 1 Mar, which is the leap-day rule.
  if (today < birthDate) throw new RangeError('on is before the birth date');
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
