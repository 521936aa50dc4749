import { copenhagenDate } from './working-days';

const HOUR_MS = 60 * 60 * 1000;

/**
 * The municipality must assess within 24 hours of receipt whether the child is in danger and urgent
 * action is needed (SEL §155 stk. 2 / BL §136).
 */
export const TRIAGE_DEADLINE_HOURS = 24;

/** Milliseconds from `now` until `deadline`, never negative (a timer cannot run backwards). */
export function millisUntil(deadline: Date, now: Date): number {
  return Math.max(0, deadline.getTime() - now.getTime());
}

/**
 * When to remind a task's assignee: `leadHours` before the due time, but never earlier than three
 * quarters into the task's time window (a 24-hour triage is reminded 6 hours before it is due).
 * No reminder for a task that is already due when created.
 */
export function reminderAt(createdAt: Date, dueAt: Date, leadHours: number): Date | undefined {
  const window = dueAt.getTime() - createdAt.getTime();
  if (window <= 0) return undefined;
  const lead = Math.min(leadHours * HOUR_MS, window / 4);
  return new Date(dueAt.getTime() - lead);
}

export type DeadlineState = 'on-time' | 'due-soon' | 'overdue';

/** How a deadline stands: overdue once passed; due soon from its reminder time, or within a day. */
export function deadlineState(dueAt: Date, now: Date, remindAt?: Date | null): DeadlineState {
  if (now.getTime() > dueAt.getTime()) return 'overdue';
  if ((remindAt && now.getTime() >= remindAt.getTime()) || dueAt.getTime() - now.getTime() <= 24 * HOUR_MS) return 'due-soon';
  return 'on-time';
}


/** Where a deadline stands on the Copenhagen calendar, as an inbox marks it: past, due today, or later. */
export function dueDay(dueAt: Date, now: Date): 'overdue' | 'today' | 'later' {
  if (dueAt.getTime() < now.getTime()) return 'overdue';
  return copenhagenDate(dueAt) === copenhagenDate(now) ? 'today' : 'later';
}
