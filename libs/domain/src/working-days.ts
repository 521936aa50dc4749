/**
 * Danish working days (*hverdage*) in Europe/Copenhagen, for deadlines the law counts in working
 * days, such as the receipt to a professional notifier (SEL §155 b stk. 1).
 *
 * Calendar dates are ISO strings (`YYYY-MM-DD`) and are computed with UTC arithmetic, so nothing
 * here depends on the time zone of the process; instants are converted to Copenhagen dates with
 * `Intl`, whose zone rules come from the ICU data of the Node.js build. Nothing reads the clock:
 * everything is a function of its arguments, as Temporal workflows require.
 */

export const COPENHAGEN = 'Europe/Copenhagen';

/** Receipt to a professional notifier within 6 working days (SEL §155 b stk. 1). */
export const RECEIPT_DEADLINE_WORKING_DAYS = 6;

/** The last year Store Bededag was a public holiday (the Folketing abolished it in February 2023, from 2024). */
const LAST_STORE_BEDEDAG_YEAR = 2023;

/**
 * Days off on fixed dates: the public holidays Nytårsdag, Juledag and Anden juledag, and
 * Grundlovsdag, Juleaftensdag and Nytårsaftensdag, which are not public holidays but are days off
 * in the municipalities' offices (DOMAIN.md counts them as non-working).
 */
const FIXED_DAYS_OFF = ['01-01', '06-05', '12-24', '12-25', '12-26', '12-31'] as const;

/**
 * The movable public holidays, in days after Easter Sunday: Skærtorsdag, Langfredag, Påskedag,
 * Anden påskedag, Kristi himmelfartsdag, Pinsedag, Anden pinsedag.
 */
const EASTER_OFFSETS = [-3, -2, 0, 1, 39, 49, 50] as const;

/** Store Bededag: the fourth Friday after Easter, 26 days after Easter Sunday. */
const STORE_BEDEDAG_OFFSET = 26;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number;
}

/** Parses a `YYYY-MM-DD` calendar date; throws on a malformed or non-existent date (2025-02-30). */
function parseIsoDate(date: string): CalendarDate {
  const match = ISO_DATE.exec(date);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [NaN, NaN, NaN];
  if (!match || toIsoDate(new Date(Date.UTC(year, month - 1, day))) !== date) {
    throw new RangeError(`"${date}" is not a calendar date (YYYY-MM-DD)`);
  }
  return { year, month, day };
}

function toIsoDate(utcMidnight: Date): string {
  return utcMidnight.toISOString().slice(0, 10);
}

function addCalendarDays(date: string, days: number): string {
  const { year, month, day } = parseIsoDate(date);
  return toIsoDate(new Date(Date.UTC(year, month - 1, day) + days * DAY_MS));
}

/** Easter Sunday (Gregorian, the anonymous "Meeus/Jones/Butcher" algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toIsoDate(new Date(Date.UTC(year, month - 1, day)));
}

const daysOffByYear = new Map<number, ReadonlySet<string>>();

/**
 * All days off of a year, by rule rather than from a holiday library: the Danish calendar is a
 * handful of fixed dates and Easter offsets, and `date-holidays` put 8 MB of every country's data
 * into each workflow's module scope (about 5 MB of heap per open workflow). The unit tests check
 * these rules against that library for a century of years.
 */
export function daysOffIn(year: number): ReadonlySet<string> {
  const cached = daysOffByYear.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const offsets = year <= LAST_STORE_BEDEDAG_YEAR ? [...EASTER_OFFSETS, STORE_BEDEDAG_OFFSET] : EASTER_OFFSETS;
  const daysOff = new Set([
    ...FIXED_DAYS_OFF.map((monthDay) => `${year}-${monthDay}`),
    ...offsets.map((offset) => addCalendarDays(easter, offset)),
  ]);
  daysOffByYear.set(year, daysOff);
  return daysOff;
}

/** Whether a Copenhagen calendar date is a working day: not a Saturday, Sunday or day off. */
export function isWorkingDay(date: string): boolean {
  const { year, month, day } = parseIsoDate(date);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !daysOffIn(year).has(date);
}

// One formatter for all conversions: constructing Intl formatters is slow.
let copenhagenFormat: Intl.DateTimeFormat | undefined;

/** The wall-clock fields of an instant in Copenhagen. */
function copenhagenParts(at: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  if (Number.isNaN(at.getTime())) throw new RangeError('Invalid Date');
  copenhagenFormat ??= new Intl.DateTimeFormat('en-US', {
    timeZone: COPENHAGEN,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23', // never "24" at midnight
  });
  const parts = Object.fromEntries(copenhagenFormat.formatToParts(at).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The Copenhagen calendar date (`YYYY-MM-DD`) of an instant. */
export function copenhagenDate(at: Date): string {
  const { year, month, day } = copenhagenParts(at);
  return toIsoDate(new Date(Date.UTC(year, month - 1, day)));
}

/**
 * The Copenhagen wall-clock time of an instant, as the epoch milliseconds of that same wall-clock
 * reading in UTC: UTC date arithmetic on it is then Copenhagen calendar arithmetic.
 */
export function copenhagenWallClock(at: Date): number {
  const p = copenhagenParts(at);
  const millis = ((at.getTime() % 1000) + 1000) % 1000; // Intl gives whole seconds
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, millis);
}

/** How far Copenhagen wall-clock time is ahead of UTC at an instant: 1 h in winter, 2 h in summer. */
function copenhagenOffsetMs(at: Date): number {
  return copenhagenWallClock(at) - at.getTime();
}

/**
 * The instant at which Copenhagen clocks show a wall-clock time (written as `copenhagenWallClock`
 * writes it). Two readings are decided here, as the ECMAScript Temporal API's default
 * ("compatible") decides them:
 * - a time the clocks skip (02:00–02:59 on the last Sunday of March) moves forward by the skipped
 *   hour, 02:30 → 03:30 CEST: the instant it would be had the clocks not changed, so a deadline
 *   counted in calendar days is never cut short by the gap;
 * - a time the clocks show twice (02:00–02:59 on the last Sunday of October) is the first, summer
 *   time, reading: the earlier of the two deadlines.
 */
export function copenhagenInstant(wallClock: number): Date {
  // Clock changes are months apart, so a day either side gives the offsets before and after one.
  const before = copenhagenOffsetMs(new Date(wallClock - DAY_MS));
  const after = copenhagenOffsetMs(new Date(wallClock + DAY_MS));
  // The larger offset first: of two readings that exist, it gives the earlier instant.
  for (const offset of [Math.max(before, after), Math.min(before, after)]) {
    if (copenhagenWallClock(new Date(wallClock - offset)) === wallClock) return new Date(wallClock - offset);
  }
  return new Date(wallClock - before); // in the gap: read with the offset from before the change
}

/** 23:59:59.999 Copenhagen time on a calendar date, as an instant (clocks never change near midnight). */
export function endOfDayCopenhagen(date: string): Date {
  const { year, month, day } = parseIsoDate(date);
  return copenhagenInstant(Date.UTC(year, month - 1, day, 23, 59, 59, 999));
}

/**
 * The Copenhagen calendar date `days` working days after the Copenhagen date of `from`. The day of
 * `from` itself does not count, working day or not (received Monday 2025-03-03 + 6 → Tuesday
 * 2025-03-11); `days` = 0 gives the date of `from`.
 */
export function addWorkingDays(from: Date, days: number): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number ≥ 0, got ${days}`);
  let date = copenhagenDate(from);
  for (let counted = 0; counted < days; ) {
    date = addCalendarDays(date, 1);
    if (isWorkingDay(date)) counted += 1;
  }
  return date;
}

/**
 * When the receipt to a professional notifier is due: the end of the 6th working day after the day
 * of receipt, Copenhagen time (SEL §155 b stk. 1). `workingDays` lets a profile tighten it.
 */
export function receiptDueAt(receivedAt: Date, workingDays: number = RECEIPT_DEADLINE_WORKING_DAYS): Date {
  return endOfDayCopenhagen(addWorkingDays(receivedAt, workingDays));
}
