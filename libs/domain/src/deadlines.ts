const HOUR_MS = 60 * 60 * 1000;

/**
 * The municipality must assess within 24 hours of receipt whether the child is in danger and urgent
 * action is needed (SEL §155 stk. 2 / BL §136).
 */
export const TRIAGE_DEADLINE_HOURS = 24;

export function addHours(at: Date, hours: number): Date {
  return new Date(at.getTime() + hours * HOUR_MS);
}

/** When the triage of a notification received at `receivedAt` is due. */
export function triageDueAt(receivedAt: Date): Date {
  return addHours(receivedAt, TRIAGE_DEADLINE_HOURS);
}

/** Milliseconds from `now` until `deadline`, never negative (a timer cannot run backwards). */
export function millisUntil(deadline: Date, now: Date): number {
  return Math.max(0, deadline.getTime() - now.getTime());
}
