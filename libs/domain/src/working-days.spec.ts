import Holidays from 'date-holidays';
import {
  addWorkingDays,
  copenhagenDate,
  copenhagenInstant,
  copenhagenWallClock,
  daysOffIn,
  easterSunday,
  endOfDayCopenhagen,
  isWorkingDay,
  receiptDueAt,
} from './working-days';

describe('isWorkingDay', () => {
  it.each([
    ['2025-03-03', true, 'a Monday (Fastelavn is only an observance)'],
    ['2025-03-08', false, 'a Saturday'],
    ['2025-03-09', false, 'a Sunday'],
    ['2025-01-01', false, 'Nytårsdag'],
    ['2025-04-17', false, 'Skærtorsdag (Maundy Thursday)'],
    ['2025-04-18', false, 'Langfredag (Good Friday)'],
    ['2025-04-20', false, 'Påskedag (a Sunday anyway)'],
    ['2025-04-21', false, 'Anden påskedag (Easter Monday)'],
    ['2025-04-22', true, 'the Tuesday after Easter'],
    ['2025-05-01', true, '1 May (not a public holiday)'],
    ['2022-05-13', false, 'Store Bededag 2022'],
    ['2023-05-05', false, 'Store Bededag 2023, the last one'],
    ['2024-04-26', true, 'the Friday that would have been Store Bededag 2024'],
    ['2026-05-01', true, 'the Friday that would have been Store Bededag 2026 (also 1 May)'],
    ['2025-05-29', false, 'Kristi Himmelfartsdag (Ascension)'],
    ['2025-05-30', true, 'the Friday after Ascension'],
    ['2025-06-05', false, 'Grundlovsdag'],
    ['2025-06-09', false, 'Anden pinsedag (Whit Monday)'],
    ['2025-12-24', false, 'Juleaftensdag'],
    ['2025-12-25', false, 'Juledag'],
    ['2025-12-26', false, 'Anden juledag'],
    ['2025-12-29', true, 'the Monday between Christmas and New Year'],
    ['2025-12-31', false, 'Nytårsaftensdag'],
    ['2026-01-02', true, 'the Friday after New Year'],
    ['2027-12-24', false, 'Juleaftensdag on a Friday'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it.each(['2025-02-29', '2025-13-01', '2025-3-3', '', '2025-03-03T00:00:00Z'])('refuses %j', (date) => {
    expect(() => isWorkingDay(date)).toThrow(RangeError);
  });

  it('has Store Bededag (Easter Sunday + 26 days) as a day off up to 2023 and a working day from 2024', () => {
    const years = Array.from({ length: 2035 - 2000 + 1 }, (_, i) => 2000 + i);
    const storeBededagOff = years.filter((year) => {
      const easter = new Date(`${easterSunday(year)}T00:00:00Z`);
      const friday = new Date(easter.getTime() + 26 * 86_400_000).toISOString().slice(0, 10);
      return !isWorkingDay(friday);
    });
    expect(storeBededagOff).toEqual(years.filter((year) => year <= 2023));
  });
});

describe('daysOffIn', () => {
  it('is the holiday library\'s Danish public holidays plus Grundlovsdag, 24 and 31 December, with Store Bededag only to 2023, for 1950–2100', () => {
    const library = new Holidays('DK');
    for (let year = 1950; year <= 2100; year += 1) {
      const expected = new Set(library.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
      for (const monthDay of ['06-05', '12-24', '12-31']) expected.add(`${year}-${monthDay}`);
      const storeBededag = new Date(Date.parse(`${easterSunday(year)}T00:00:00Z`) + 26 * 86_400_000).toISOString().slice(0, 10);
      if (year <= 2023) expected.add(storeBededag);
      else expected.delete(storeBededag);
      expect([year, [...daysOffIn(year)].sort()]).toEqual([year, [...expected].sort()]);
    }
  });
});

describe('easterSunday', () => {
  it.each([
    [2023, '2023-04-09'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2038, '2038-04-25'], // the latest possible date
    [2285, '2285-03-22'], // the earliest possible date
  ])('%d → %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it('agrees with the holiday library for 1900–2100', () => {
    const library = new Holidays('DK');
    for (let year = 1900; year <= 2100; year += 1) {
      const easter = library.getHolidays(year).find((holiday) => holiday.rule === 'easter');
      expect([year, easter?.date.slice(0, 10)]).toEqual([year, easterSunday(year)]);
    }
  });
});

describe('copenhagenDate', () => {
  it.each([
    ['2025-03-02T22:59:59.999Z', '2025-03-02'], // 23:59:59.999 CET (UTC+1)
    ['2025-03-02T23:00:00.000Z', '2025-03-03'], // 00:00 CET
    ['2025-06-30T21:59:59.999Z', '2025-06-30'], // 23:59:59.999 CEST (UTC+2)
    ['2025-06-30T22:00:00.000Z', '2025-07-01'], // 00:00 CEST
  ])('%s → %s', (at, expected) => {
    expect(copenhagenDate(new Date(at))).toBe(expected);
  });

  it('refuses an invalid Date', () => {
    expect(() => copenhagenDate(new Date('nope'))).toThrow(RangeError);
  });
});

describe('copenhagenWallClock and copenhagenInstant', () => {
  it.each([
    // instant, its Copenhagen wall-clock time
    ['2025-01-15T09:00:00.123Z', '2025-01-15T10:00:00.123'], // CET
    ['2025-07-01T09:00:00.000Z', '2025-07-01T11:00:00.000'], // CEST
    ['2025-10-26T00:30:00.000Z', '2025-10-26T02:30:00.000'], // the first 02:30 (CEST)
    ['2025-10-26T01:30:00.000Z', '2025-10-26T02:30:00.000'], // the second 02:30 (CET)
  ])('%s reads %s in Copenhagen', (at, wallClock) => {
    expect(new Date(copenhagenWallClock(new Date(at))).toISOString().slice(0, -1)).toBe(wallClock);
  });

  it.each([
    // Copenhagen wall-clock time, instant, why
    ['2025-01-15T10:00:00.123', '2025-01-15T09:00:00.123Z', 'winter'],
    ['2025-07-01T11:00:00.000', '2025-07-01T09:00:00.000Z', 'summer'],
    ['2025-03-30T01:59:59.999', '2025-03-30T00:59:59.999Z', 'the last moment before the spring change'],
    ['2025-03-30T02:30:00.000', '2025-03-30T01:30:00.000Z', 'skipped in spring: moved forward by the hour, 03:30 CEST'],
    ['2025-03-30T03:00:00.000', '2025-03-30T01:00:00.000Z', 'the first moment after the spring change'],
    ['2025-10-26T02:30:00.000', '2025-10-26T00:30:00.000Z', 'shown twice in autumn: the first (CEST)'],
    ['2025-10-26T03:00:00.000', '2025-10-26T02:00:00.000Z', 'after the autumn change'],
  ])('%s in Copenhagen is %s (%s)', (wallClock, instant) => {
    expect(copenhagenInstant(Date.parse(`${wallClock}Z`)).toISOString()).toBe(instant);
  });
});

describe('endOfDayCopenhagen', () => {
  it.each([
    ['2025-01-15', '2025-01-15T22:59:59.999Z', 'winter, CET = UTC+1'],
    ['2025-07-01', '2025-07-01T21:59:59.999Z', 'summer, CEST = UTC+2'],
    ['2025-03-29', '2025-03-29T22:59:59.999Z', 'the day before the spring change'],
    ['2025-03-30', '2025-03-30T21:59:59.999Z', 'the spring change (02:00 CET → 03:00 CEST), so CEST at midnight'],
    ['2025-10-25', '2025-10-25T21:59:59.999Z', 'the day before the autumn change'],
    ['2025-10-26', '2025-10-26T22:59:59.999Z', 'the autumn change (03:00 CEST → 02:00 CET), so CET at midnight'],
    ['2024-02-29', '2024-02-29T22:59:59.999Z', 'a leap day'],
    ['2025-12-31', '2025-12-31T22:59:59.999Z', 'the last day of a year'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(endOfDayCopenhagen(date).toISOString()).toBe(expected);
  });

  it.each([
    ['2025-03-30', 23], // the spring-forward day is 23 hours long
    ['2025-10-26', 25], // the fall-back day is 25 hours long
    ['2025-06-15', 24],
  ])('the day ending %s lasts %d hours', (date, hours) => {
    const previous = new Date(`${date}T12:00:00Z`);
    previous.setUTCDate(previous.getUTCDate() - 1);
    const span = endOfDayCopenhagen(date).getTime() - endOfDayCopenhagen(previous.toISOString().slice(0, 10)).getTime();
    expect(span).toBe(hours * 3_600_000);
  });

  it('refuses a non-existent date', () => {
    expect(() => endOfDayCopenhagen('2025-02-30')).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it.each([
    // Mon 03-03 (Fastelavn, an observance) → Tue 4 (1), Wed 5 (2), Thu 6 (3), Fri 7 (4), Mon 10 (5), Tue 11 (6)
    ['2025-03-03T09:00:00Z', 6, '2025-03-11'],
    // Sunday 23:30 UTC is Monday 00:30 in Copenhagen: counted from Monday 03-03, not Sunday
    ['2025-03-02T23:30:00Z', 6, '2025-03-11'],
    // Sat 03-08 → Mon 10 (1), 11 (2), 12 (3), 13 (4), Fri 14 (5), Mon 17 (6)
    ['2025-03-08T09:00:00Z', 6, '2025-03-17'],
    // Fri 03-07 → Mon 10 (1)
    ['2025-03-07T09:00:00Z', 1, '2025-03-10'],
    ['2025-03-07T09:00:00Z', 0, '2025-03-07'],
    // Tue 2025-12-30 → Wed 31 off, Thu 1 Jan off, Fri 2 Jan (1), Mon 5 (2)
    ['2025-12-30T09:00:00Z', 2, '2026-01-05'],
  ])('from %s plus %d working days → %s', (from, days, expected) => {
    expect(addWorkingDays(new Date(from), days)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %d days', (days) => {
    expect(() => addWorkingDays(new Date('2025-03-03T09:00:00Z'), days)).toThrow(RangeError);
  });
});

describe('receiptDueAt (6 working days, SEL §155 b stk. 1)', () => {
  it.each([
    // --- Easter 2025: Skærtorsdag 04-17, Langfredag 04-18, Påskedag 04-20, 2. påskedag 04-21 ---
    // Mon 04-14 → Tue 15 (1), Wed 16 (2), Thu 17 off, Fri 18 off, weekend, Mon 21 off,
    // Tue 22 (3), Wed 23 (4), Thu 24 (5), Fri 25 (6); CEST → 21:59:59.999Z
    ['received before Easter', '2025-04-14T08:00:00Z', '2025-04-25T21:59:59.999Z'],
    // Wed 04-16 → Thu 17 off, Fri 18 off, weekend, Mon 21 off, Tue 22 (1), 23 (2), 24 (3), Fri 25 (4), Mon 28 (5), Tue 29 (6)
    ['received the day before Skærtorsdag', '2025-04-16T08:00:00Z', '2025-04-29T21:59:59.999Z'],
    // Fri 04-18 (Langfredag, a day off itself) → Tue 22 (1), 23 (2), 24 (3), 25 (4), Mon 28 (5), Tue 29 (6)
    ['received on Langfredag', '2025-04-18T08:00:00Z', '2025-04-29T21:59:59.999Z'],

    // --- Christmas 2025: 24, 25, 26, 31 Dec and 1 Jan 2026 off (24 Dec is a Wednesday) ---
    // Fri 12-19 → Mon 22 (1), Tue 23 (2), Wed 24–Fri 26 off, weekend, Mon 29 (3), Tue 30 (4), Wed 31 off,
    // Thu 1 Jan off, Fri 2 Jan (5), weekend, Mon 5 Jan (6); CET → 22:59:59.999Z
    ['received the Friday before Christmas', '2025-12-19T10:00:00Z', '2026-01-05T22:59:59.999Z'],
    // Mon 12-22 → Tue 23 (1), Mon 29 (2), Tue 30 (3), Fri 2 Jan (4), Mon 5 Jan (5), Tue 6 Jan (6)
    ['received on 22 December', '2025-12-22T10:00:00Z', '2026-01-06T22:59:59.999Z'],
    // Wed 12-24 (a day off itself) → Mon 29 (1), Tue 30 (2), Fri 2 Jan (3), Mon 5 (4), Tue 6 (5), Wed 7 (6)
    ['received on Juleaftensdag', '2025-12-24T10:00:00Z', '2026-01-07T22:59:59.999Z'],

    // --- Store Bededag: the Friday 26 days after Easter, a day off until 2023 only ---
    // 2023: Mon 05-01 → Tue 2 (1), Wed 3 (2), Thu 4 (3), Fri 5 Store Bededag off, Mon 8 (4), Tue 9 (5), Wed 10 (6)
    ['received the week of Store Bededag 2023', '2023-05-01T08:00:00Z', '2023-05-10T21:59:59.999Z'],
    // 2024: Mon 04-22 → Tue 23 (1), Wed 24 (2), Thu 25 (3), Fri 26 (4, no longer off), Mon 29 (5), Tue 30 (6)
    // (were Store Bededag still off, this would be Wed 1 May)
    ['received the week of the abolished Store Bededag 2024', '2024-04-22T08:00:00Z', '2024-04-30T21:59:59.999Z'],

    // --- Ascension, Grundlovsdag and Whit Monday 2025 (Kristi himmelfart 05-29, Grundlovsdag Thu 06-05, 2. pinsedag 06-09) ---
    // Mon 05-26 → Tue 27 (1), Wed 28 (2), Thu 29 off, Fri 30 (3), Mon 2 Jun (4), Tue 3 (5), Wed 4 (6)
    ['received the week of Ascension', '2025-05-26T08:00:00Z', '2025-06-04T21:59:59.999Z'],
    // Tue 06-03 → Wed 4 (1), Thu 5 Grundlovsdag off, Fri 6 (2), weekend, Mon 9 off,
    // Tue 10 (3), Wed 11 (4), Thu 12 (5), Fri 13 (6)
    ['received before Grundlovsdag and Whit Monday', '2025-06-03T08:00:00Z', '2025-06-13T21:59:59.999Z'],
    // 2024: Grundlovsdag is a Wednesday. Mon 06-03 → Tue 4 (1), Wed 5 off, Thu 6 (2), Fri 7 (3), Mon 10 (4), Tue 11 (5), Wed 12 (6)
    ['received the week of Grundlovsdag 2024', '2024-06-03T08:00:00Z', '2024-06-12T21:59:59.999Z'],

    // --- Daylight saving: the due instant uses the offset on the due date, not on receipt ---
    // Spring 2025 (Sun 03-30): Thu 03-27 (CET) → Fri 28 (1), Mon 31 (2), Tue 1 Apr (3), Wed 2 (4), Thu 3 (5), Fri 4 (6);
    // due 23:59:59.999 CEST = 21:59:59.999Z
    ['received in winter time, due in summer time', '2025-03-27T10:00:00Z', '2025-04-04T21:59:59.999Z'],
    // Autumn 2025 (Sun 10-26): Thu 10-23 (CEST) → Fri 24 (1), Mon 27 (2), 28 (3), 29 (4), 30 (5), Fri 31 (6);
    // due 23:59:59.999 CET = 22:59:59.999Z
    ['received in summer time, due in winter time', '2025-10-23T10:00:00Z', '2025-10-31T22:59:59.999Z'],
    // Received 00:30 CEST on Tue 10-21 (22:30Z on Monday): counted from Tuesday → Wed 22 (1), Thu 23 (2), Fri 24 (3),
    // Mon 27 (4), Tue 28 (5), Wed 29 (6)
    ['received just after midnight Copenhagen time', '2025-10-20T22:30:00Z', '2025-10-29T22:59:59.999Z'],
  ])('%s: %s → due %s', (_label, received, due) => {
    expect(receiptDueAt(new Date(received)).toISOString()).toBe(due);
  });

  it('takes a tighter count from a policy', () => {
    // Mon 2025-03-03 + 3 → Thu 03-06
    expect(receiptDueAt(new Date('2025-03-03T09:00:00Z'), 3).toISOString()).toBe('2025-03-06T22:59:59.999Z');
  });
});
