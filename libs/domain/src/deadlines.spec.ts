import { deadlineState, millisUntil, reminderAt } from './deadlines';
import { addDuration } from './policy';

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
  it.each([
    ['2025-01-01T00:00:00Z', { hours: 24 }, '2025-01-02T00:00:00.000Z'],
    ['2025-01-01T00:00:00Z', { days: 3 }, '2025-01-04T00:00:00.000Z'],
    ['2025-01-01T00:00:00Z', { weeks: 4 }, '2025-01-29T00:00:00.000Z'],
    ['2025-01-15T09:00:00Z', { months: 4 }, '2025-05-15T09:00:00.000Z'],
    ['2025-01-31T09:00:00Z', { months: 1 }, '2025-02-28T09:00:00.000Z'],
    ['2024-01-31T09:00:00Z', { months: 1 }, '2024-02-29T09:00:00.000Z'],
    ['2025-11-30T09:00:00Z', { months: 3 }, '2026-02-28T09:00:00.000Z'],
  ] as const)('%s + %j → %s', (from, duration, expected) => {
    expect(addDuration(new Date(from), duration).toISOString()).toBe(expected);
  });
});
