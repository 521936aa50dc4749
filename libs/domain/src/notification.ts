import type { Agency } from './agency';
import { addHours } from './deadlines';
import { addDuration, type Policy } from './policy';
import { addWorkingDays, endOfDayCopenhagen, receiptDueAt } from './working-days';

/** What reception may decide when it triages a notification (DOMAIN.md "Notification"). */
export const TRIAGE_DECISIONS = ['close', 'advice', 'advisory-team', 'investigation', 'acute'] as const;
export type TriageDecision = (typeof TRIAGE_DECISIONS)[number];

/**
 * Our own deadlines where the law sets none (each a municipal policy candidate): a receiving
 * agency accepts a hand-over within 2 working days; feedback to a professional notifier goes out
 * within 6 working days of the decision, as the receipt does; an abuse notification's conversation
 * with the child happens within 7 days; acute action within 2 hours; a re-assessment within 14 days.
 */
export const HANDOVER_WORKING_DAYS = 2;
export const FEEDBACK_WORKING_DAYS = 6;
export const CHILD_CONVERSATION_DAYS = 7;
export const ACUTE_ACTION_HOURS = 2;
export const REASSESSMENT_DAYS = 14;

/** A reason an outcome is refused, naming the field. */
export interface OutcomeProblem {
  field: string;
  message: string;
}

/**
 * Checks a triage decision against the notification: the decision must be known; an abuse
 * notification can only open an investigation (BL §20 stk. 1); a referral to the advisory team
 * needs the family's consent.
 */
export function triageDecisionProblem(notification: { abuse: boolean }, outcome: Record<string, unknown>): OutcomeProblem | undefined {
  const decision = outcome.decision;
  if (typeof decision !== 'string' || !(TRIAGE_DECISIONS as readonly string[]).includes(decision)) {
    return { field: 'outcome.decision', message: `outcome.decision must be one of ${TRIAGE_DECISIONS.join(', ')}` };
  }
  if (notification.abuse && decision !== 'investigation') {
    return {
      field: 'outcome.decision',
      message: 'outcome.decision must be "investigation" for a notification about abuse (BL §20 stk. 1)',
    };
  }
  if (decision === 'advisory-team' && outcome.consent !== true) {
    return { field: 'outcome.consent', message: 'outcome.consent must be true: the family must consent to a referral to the advisory team' };
  }
  return undefined;
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
 * Every deadline of the notification process under a policy profile: the legal ones (triage,
 * receipt) as the profile sets them, our own as above. One place, used by the workflow.
 */
export function notificationDeadlines(policy: Policy) {
  return {
    /** An acute notification is triaged within hours, however long the profile allows otherwise. */
    triage: (receivedAt: Date, acute: boolean) =>
      acute ? addHours(receivedAt, ACUTE_ACTION_HOURS) : addDuration(receivedAt, policy.deadlines.triage),
    receipt: (receivedAt: Date) => receiptDueAt(receivedAt, policy.deadlines.receiptWorkingDays),
    feedback: (decidedAt: Date) => endOfDayCopenhagen(addWorkingDays(decidedAt, FEEDBACK_WORKING_DAYS)),
    handover: (requestedAt: Date) => endOfDayCopenhagen(addWorkingDays(requestedAt, HANDOVER_WORKING_DAYS)),
    acuteAction: (decidedAt: Date) => addHours(decidedAt, ACUTE_ACTION_HOURS),
    childConversation: (decidedAt: Date) => addHours(decidedAt, CHILD_CONVERSATION_DAYS * 24),
    reassessment: (requestedAt: Date) => addHours(requestedAt, REASSESSMENT_DAYS * 24),
  };
}
