import { ageOn, parseCpr } from './cpr';

/** The old modulus-11 weighted sum; 0 means the number "passes". Only used to describe test data. */
function mod11(cpr: string): number {
  const digits = cpr.replace('-', '').split('').map(Number);
  return [4, 3, 2, 7, 6, 5, 4, 3, 2, 1].reduce((sum, weight, i) => sum + weight * (digits[i] ?? 0), 0) % 11;
}

/** A reference date after every birth date in the tables that are about other rules. */
const LATER = new Date('2060-01-01T12:00:00Z');

describe('parseCpr', () => {
  it.each([
    // input, normalised, birth date — 7th digit (first serial digit) and year give the century
    ['010203-1234', '010203-1234', '1903-02-01'], // 0–3 → 1900s
    ['0102031234', '010203-1234', '1903-02-01'], // without the dash
    ['  010203-1234 ', '010203-1234', '1903-02-01'], // surrounding spaces
    ['311299-0001', '311299-0001', '1999-12-31'], // 0 → 1900s
    ['010120-3999', '010120-3999', '1920-01-01'], // 3 → 1900s even for a low year
    ['010100-4000', '010100-4000', '2000-01-01'], // 4, yy 00–36 → 2000s
    ['311236-4999', '311236-4999', '2036-12-31'], // 4, yy 36 → 2036
    ['010137-4123', '010137-4123', '1937-01-01'], // 4, yy 37–99 → 1900s
    ['150520-9876', '150520-9876', '2020-05-15'], // 9, yy 00–36 → 2000s
    ['150599-9876', '150599-9876', '1999-05-15'], // 9, yy 37–99 → 1900s
    ['010157-5000', '010157-5000', '2057-01-01'], // 5, yy 00–57 → 2000s
    ['150612-6543', '150612-6543', '2012-06-15'], // 6 → 2000s
    ['010158-8000', '010158-8000', '1858-01-01'], // 8, yy 58–99 → 1800s
    ['311299-7000', '311299-7000', '1899-12-31'], // 7, yy 99 → 1899
    ['290296-1234', '290296-1234', '1996-02-29'], // a leap day in a leap year
    ['290200-4321', '290200-4321', '2000-02-29'], // 2000 is a leap year
  ])('accepts %j as %s born %s', (input, cpr, birthDate) => {
    expect(parseCpr(input, LATER)).toEqual({ ok: true, cpr, birthDate });
  });

  it.each([
    ['010203-1234', 8], // weighted sum 52, 52 mod 11 = 8: fails the old check
    ['010203-1237', 0], // weighted sum 55: passes the old check
  ])('accepts %s whatever its modulus-11 remainder (%d): not a validity rule since 2007', (cpr, remainder) => {
    expect(mod11(cpr)).toBe(remainder);
    expect(parseCpr(cpr, LATER).ok).toBe(true);
  });

  it.each([
    ['300290-1234', 'impossible birth date: 30 February 1990 does not exist'],
    ['290291-1234', 'impossible birth date: 29 February 1991 does not exist (1991 is not a leap year)'],
    ['290200-1234', 'impossible birth date: 29 February 1900 does not exist (1900 is not a leap year)'], // 7th digit 1 → 1900
    ['310490-1234', 'impossible birth date: 31 April 1990 does not exist'],
    ['320190-1234', 'impossible birth date: 32 January 1990 does not exist'],
    ['000190-1234', 'impossible birth date: 00 January 1990 does not exist'],
    ['011390-1234', 'impossible birth date: month 13 does not exist'],
    ['010090-1234', 'impossible birth date: month 00 does not exist'],
  ])('rejects %s: %s', (input, reason) => {
    expect(parseCpr(input, LATER)).toEqual({ ok: false, reason });
  });

  it.each([
    // input, today (an instant, read as a Copenhagen date), accepted
    ['010150-5000', '2025-06-15T12:00:00Z', false], // 7th digit 5, yy 50 → born 2050
    ['311236-4999', '2025-06-15T12:00:00Z', false], // 7th digit 4, yy 36 → born 2036
    ['160625-4000', '2025-06-15T12:00:00Z', false], // born tomorrow
    ['150625-4000', '2025-06-15T12:00:00Z', true], // born today
    ['160625-4000', '2025-06-15T22:30:00Z', true], // 00:30 CEST on 16 June: today in Copenhagen, not yet in UTC
    ['010150-3000', '2025-06-15T12:00:00Z', true], // the same date with 7th digit 3 → born 1950
  ])('%s on %s: accepted %s (a birth date after today is refused)', (input, today, accepted) => {
    const result = parseCpr(input, new Date(today));
    expect(result.ok).toBe(accepted);
    if (!result.ok) expect(result.reason).toBe('impossible birth date: it lies in the future (the 7th digit with the year gives the century)');
  });

  it.each([
    '',
    '   ',
    '010203-123', // 9 digits
    '01020312345', // 11 digits
    '010203 1234', // a space is not a separator
    '01-02-03-1234',
    '010203–1234', // an en dash
    'abcdef-ghij',
    '０１０２０３-１２３４', // full-width digits
  ])('rejects %j as not a CPR number, without repeating it', (input) => {
    const result = parseCpr(input, LATER);
    expect(result).toEqual({ ok: false, reason: 'not a CPR number: expected ddmmyy-ssss or ddmmyyssss (10 digits)' });
  });
});

describe('ageOn', () => {
  it.each([
    // birth date, on (instant), age — the instant is read as a Copenhagen calendar date
    ['2010-06-15', '2025-06-14T12:00:00Z', 14, 'the day before the birthday'],
    ['2010-06-15', '2025-06-15T12:00:00Z', 15, 'on the birthday'],
    ['2010-06-15', '2025-06-14T21:59:59.999Z', 14, '23:59:59.999 CEST the day before'],
    ['2010-06-15', '2025-06-14T22:00:00.000Z', 15, '00:00 CEST on the birthday, still the 14th in UTC'],
    ['2007-11-03', '2025-11-02T22:59:59.999Z', 17, '23:59:59.999 CET the day before turning 18'],
    ['2007-11-03', '2025-11-02T23:00:00.000Z', 18, '00:00 CET on the 18th birthday'],
    ['2010-06-15', '2010-06-15T12:00:00Z', 0, 'the day of birth'],
    ['2010-06-15', '2011-06-14T12:00:00Z', 0, 'the day before the first birthday'],
    ['2010-12-31', '2025-01-01T12:00:00Z', 14, 'a new year is not a birthday'],
    // Born on a leap day: in other years the birthday is 1 March (28 February is the day before it).
    ['2008-02-29', '2025-02-28T12:00:00Z', 16, 'leap-day birth, 28 Feb of a common year'],
    ['2008-02-29', '2025-03-01T12:00:00Z', 17, 'leap-day birth, 1 Mar of a common year'],
    ['2008-02-29', '2024-02-28T12:00:00Z', 15, 'leap-day birth, 28 Feb of a leap year'],
    ['2008-02-29', '2024-02-29T12:00:00Z', 16, 'leap-day birth, 29 Feb of a leap year'],
    ['2008-02-29', '2026-02-28T22:59:59.999Z', 17, 'leap-day birth, last instant of 28 Feb 2026 in Copenhagen'],
    ['2008-02-29', '2026-02-28T23:00:00.000Z', 18, 'leap-day birth turns 18 at 00:00 CET on 1 Mar 2026'],
  ])('born %s, on %s → %d (%s)', (birthDate, on, age) => {
    expect(ageOn(birthDate, new Date(on))).toBe(age);
  });

  it.each([
    ['2010-06-15', '2010-06-14T12:00:00Z', 'before the birth date'],
    ['2010-02-30', '2025-01-01T12:00:00Z', 'a birth date that does not exist'],
    ['15-06-2010', '2025-01-01T12:00:00Z', 'a malformed birth date'],
    ['2010-06-15', 'not a date', 'an invalid Date'],
  ])('refuses born %s, on %s (%s)', (birthDate, on) => {
    expect(() => ageOn(birthDate, new Date(on))).toThrow(RangeError);
  });

  it('does not repeat the birth date in its error', () => {
    expect(() => ageOn('2010-02-30', new Date('2025-01-01T12:00:00Z'))).toThrow(/^birthDate is not a calendar date/);
  });
});
