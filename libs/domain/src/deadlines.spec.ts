import { deadlineState, dueDay, millisUntil, reminderAt } from './deadlines';
import { addDuration, type Duration } from './policy';

describe('millisUntil', () => {
  it.each([
    ['2025-01-01T00:00:00Z', '2025-01-01T01:00:00Z', 3_600_000],
    ['2025-01-01T01:00:00Z', '2025-01-01T00:00:00Z', 0],
    ['2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 0],
  ])('from %s until %s is %d ms', (now, deadline, expected) => {
    expect(millisUntil(new Date(deadline), new Date(now))).toBe(expected);
  });
});

describe('reminderAt', () => {
  it.each([
    ['a 24-hour triage, 6 hours before', '2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z', 48, '2025-01-01T18:00:00.000Z'],
    ['a 4-month investigation, 48 hours before', '2025-01-01T00:00:00Z', '2025-05-01T00:00:00Z', 48, '2025-04-29T00:00:00.000Z'],
    ['with a shorter lead time', '2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z', 24, '2025-01-31T00:00:00.000Z'],
  ])('reminds %s', (_label, created, due, lead, expected) => {
    expect(reminderAt(new Date(created), new Date(due), lead)?.toISOString()).toBe(expected);
  });

  it.each([
    ['due at creation', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'],
    ['already overdue', '2025-01-02T00:00:00Z', '2025-01-01T00:00:00Z'],
  ])('does not remind a task %s', (_label, created, due) => {
    expect(reminderAt(new Date(created), new Date(due), 48)).toBeUndefined();
  });
});

describe('deadlineState', () => {
  const due = '2025-06-10T12:00:00Z';
  it.each([
    ['2025-06-01T12:00:00Z', null, 'on-time'],
    ['2025-06-09T12:00:01Z', null, 'due-soon'],
    ['2025-06-08T12:00:00Z', '2025-06-08T00:00:00Z', 'due-soon'],
    ['2025-06-07T12:00:00Z', '2025-06-08T00:00:00Z', 'on-time'],
    ['2025-06-10T12:00:00Z', null, 'due-soon'],
    ['2025-06-10T12:00:01Z', null, 'overdue'],
  ])('at %s (reminder %s) → %s', (now, remind, expected) => {
    expect(deadlineState(new Date(due), new Date(now), remind ? new Date(remind) : null)).toBe(expected);
  });
});

describe('addDuration', () => {
  it.each<[string, Duration, string, string]>([
    // from, duration, result, why — days, weeks and months keep the Copenhagen wall-clock time; hours are elapsed
    ['2025-01-01T00:00:00Z', { hours: 24 }, '2025-01-02T00:00:00.000Z', 'hours'],
    ['2025-01-01T00:00:00Z', { days: 3 }, '2025-01-04T00:00:00.000Z', 'days in winter'],
    ['2025-01-01T00:00:00Z', { weeks: 4 }, '2025-01-29T00:00:00.000Z', 'weeks in winter'],
    ['2025-01-31T09:00:00Z', { months: 1 }, '2025-02-28T09:00:00.000Z', '31 January + 1 month = 28 February'],
    ['2024-01-31T09:00:00Z', { months: 1 }, '2024-02-29T09:00:00.000Z', 'and 29 February in a leap year'],
    ['2025-11-30T09:00:00Z', { months: 3 }, '2026-02-28T09:00:00.000Z', '30 November + 3 months = 28 February'],
    ['2025-10-31T09:00:00Z', { months: 4 }, '2026-02-28T09:00:00.000Z', '31 October + 4 months = 28 February (10:00 CET)'],
    ['2023-10-31T09:00:00Z', { months: 4 }, '2024-02-29T09:00:00.000Z', '31 October + 4 months = 29 February in a leap year'],
    ['2025-02-28T23:30:00Z', { months: 1 }, '2025-03-31T22:30:00.000Z', '00:30 CET 1 March + 1 month = 00:30 CEST 1 April, not 28/29 March'],
    ['2025-01-31T23:30:00Z', { months: 1 }, '2025-02-28T23:30:00.000Z', '00:30 CET 1 February + 1 month = 00:30 CET 1 March'],
    ['2025-01-15T09:00:00Z', { months: 4 }, '2025-05-15T08:00:00.000Z', '10:00 CET + 4 months = 10:00 CEST'],
    ['2025-03-24T09:00:00Z', { weeks: 1 }, '2025-03-31T08:00:00.000Z', '10:00 CET + 1 week over the spring change = 10:00 CEST'],
    ['2025-10-20T08:00:00Z', { weeks: 1 }, '2025-10-27T09:00:00.000Z', '10:00 CEST + 1 week over the autumn change = 10:00 CET'],
    ['2025-03-29T09:00:00Z', { days: 1 }, '2025-03-30T08:00:00.000Z', '10:00 + 1 day = 10:00 on the 23-hour day'],
    ['2025-10-25T08:00:00Z', { days: 1 }, '2025-10-26T09:00:00.000Z', '10:00 + 1 day = 10:00 on the 25-hour day'],
    ['2025-03-29T09:00:00Z', { hours: 24 }, '2025-03-30T09:00:00.000Z', '24 hours stay elapsed time: 11:00 CEST'],
    ['2025-03-29T01:30:00Z', { days: 1 }, '2025-03-30T01:30:00.000Z', '02:30 + 1 day falls in the spring gap: 03:30 CEST'],
    ['2025-02-28T01:30:00Z', { months: 1 }, '2025-03-28T01:30:00.000Z', '02:30 + 1 month, not in the gap'],
    ['2025-02-23T01:15:00Z', { weeks: 5 }, '2025-03-30T01:15:00.000Z', '02:15 + 5 weeks falls in the spring gap: 03:15 CEST'],
    ['2025-10-25T00:30:00Z', { days: 1 }, '2025-10-26T00:30:00.000Z', '02:30 + 1 day, shown twice in autumn: the first, CEST'],
    ['2025-10-26T01:30:00Z', { days: 1 }, '2025-10-27T01:30:00.000Z', 'from the second 02:30 (CET) + 1 day'],
    ['2025-06-15T12:00:00.250Z', { days: 1 }, '2025-06-16T12:00:00.250Z', 'milliseconds kept'],
  ])('%s + %j → %s (%s)', (from, duration, expected) => {
    expect(addDuration(new Date(from), duration).toISOString()).toBe(expected);
  });
});

describe('dueDay: where a deadline stands on the Copenhagen calendar', () => {
  it.each([
    ['past', '2026-11-23T09:00:00Z', '2026-11-23T10:00:00Z', 'overdue'],
    ['later the same Copenhagen day', '2026-11-23T22:30:00Z', '2026-11-23T10:00:00Z', 'today'],
    ['after Copenhagen midnight, though the same UTC day', '2026-11-23T23:30:00Z', '2026-11-23T10:00:00Z', 'later'],
    ['the same Copenhagen day in summer (UTC+2)', '2026-06-30T21:30:00Z', '2026-06-30T06:00:00Z', 'today'],
    ['tomorrow', '2026-11-24T08:00:00Z', '2026-11-23T10:00:00Z', 'later'],
  ])('%s', (_label, dueAt, now, expected) => {
    expect(dueDay(new Date(dueAt), new Date(now))).toBe(expected);
  });
});
