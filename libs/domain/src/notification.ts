import type { Agency } from './agency';
import { addDuration, type Policy } from './policy';
import { addWorkingDays, endOfDayCopenhagen, receiptDueAt } from './working-days';

/** What reception may decide when it triages a notification (DOMAIN.md "Notification"). */
export const TRIAGE_DECISIONS = ['close', 'advice', 'advisory-team', 'investigation', 'acute'] as const;
export type TriageDecision = (typeof TRIAGE_DECISIONS)[number];

/** A reason an outcome is refused, naming the field. */
export interface OutcomeProblem {
  field: string;
  message: string;
}

/**
 * Checks a triage decision against the notification: the decision must be known; an abuse
 * notification must open an investigation (BL §20 stk. 1), or acute action when the child is also
 * in acute danger (the investigation then still follows: `investigationRequired`); a referral to
 * the advisory team needs the family's consent.
 */
export function triageDecisionProblem(notification: { abuse: boolean }, outcome: Record<string, unknown>): OutcomeProblem | undefined {
  const decision = outcome.decision;
  if (typeof decision !== 'string' || !(TRIAGE_DECISIONS as readonly string[]).includes(decision)) {
    return { field: 'outcome.decision', message: `outcome.decision must be one of ${TRIAGE_DECISIONS.join(', ')}` };
  }
  if (notification.abuse && decision !== 'investigation' && decision !== 'acute') {
    return {
      field: 'outcome.decision',
      message: 'outcome.decision must be "investigation" or "acute" for a notification about abuse (BL §20 stk. 1)',
    };
  }
  if (decision === 'advisory-team' && outcome.consent !== true) {
    return { field: 'outcome.consent', message: 'outcome.consent must be true: the family must consent to a referral to the advisory team' };
  }
  return undefined;
}

/**
 * Whether a triage decision leaves an investigation to be opened: always when it is one, and after
 * acute action on an abuse notification, where the investigation is mandatory (BL §20 stk. 1).
 */
export function investigationRequired(notification: { abuse: boolean }, decision: TriageDecision): boolean {
  return decision === 'investigation' || (decision === 'acute' && notification.abuse);
}

/** The agency a decision hands the case to; none when reception closes it or keeps it for advice. */
export function receivingAgency(decision: TriageDecision): Agency | undefined {
  switch (decision) {
    case 'advisory-team':
      return 'ADVISORY_TEAM';
    case 'investigation':
    case 'acute':
      return 'AUTHORITY';
    default:
      return undefined;
  }
}

/** Whether the notifier gets a receipt and feedback by law (SEL §155 b): professionals only. */
export function notifierGetsLetters(source: string): boolean {
  return source === 'professional';
}

/**
 * Every deadline of the notification process and of the hand-overs and involvements around it,
 * under a policy profile: the legal ones (triage, receipt) and our own (`Policy.ownDeadlines`) as
 * the profile sets them. One place, used by the workflows. Working-day deadlines end at the end
 * of the Copenhagen day.
 */
export function notificationDeadlines(policy: Policy) {
  const own = policy.ownDeadlines;
  const endOfWorkingDays = (from: Date, workingDays: number) => endOfDayCopenhagen(addWorkingDays(from, workingDays));
  return {
    /** An acute notification is triaged within the acute-action time when that is sooner than the triage deadline. */
    triage: (receivedAt: Date, acute: boolean) => {
      const triage = addDuration(receivedAt, policy.deadlines.triage);
      if (!acute) return triage;
      const acuteAction = addDuration(receivedAt, own.acuteAction);
      return acuteAction.getTime() < triage.getTime() ? acuteAction : triage;
    },
    receipt: (receivedAt: Date) => receiptDueAt(receivedAt, policy.deadlines.receiptWorkingDays),
    feedback: (decidedAt: Date) => endOfWorkingDays(decidedAt, own.feedbackWorkingDays),
    handover: (requestedAt: Date) => endOfWorkingDays(requestedAt, own.handoverWorkingDays),
    involvement: (requestedAt: Date) => endOfWorkingDays(requestedAt, own.involvementWorkingDays),
    acuteAction: (decidedAt: Date) => addDuration(decidedAt, own.acuteAction),
    childConversation: (decidedAt: Date) => addDuration(decidedAt, own.childConversation),
    reassessment: (requestedAt: Date) => addDuration(requestedAt, own.reassessment),
  };
}
