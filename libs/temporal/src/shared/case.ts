import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Agency, Policy, PolicyName } from '@sagsflow/domain';
import type { OpenTask } from './tasks';

/** A notification as the case workflow knows it: identifiers and time only. */
export interface CaseNotification {
  notificationId: string;
  workflowId: string;
  receivedAt: string;
}

export interface OpenMeasure {
  measureId: string;
  kind: 'preventive' | 'placement';
}

/** The case's coordinator (tovholder): one person, from an agency the policy allows. */
export interface Tovholder {
  username: string;
  agency: Agency;
  /** ISO-8601: when this person became the tovholder. */
  since: string;
}

/** A process of the case (notification, investigation, measure, placement, youth transition, advisory). */
export interface CaseProcess {
  workflowId: string;
  kind: string;
}

/**
 * A request to hand the case to another agency (overdragelse). From a process (signal, answered by
 * `handoverSettledSignal` to `replyTo`) or from a person through the API (Update).
 */
export interface HandoverRequest {
  /** Idempotency: a request with a known id is answered as before, never handled twice. */
  requestId: string;
  to: Agency;
  reason: string;
  /** Username, or `system` for a process. */
  requestedBy: string;
  /** Acute: the case moves at once, without acceptance. */
  acute?: boolean;
  /** The caseworker in the receiving agency who should accept, when the process chose one. */
  assignee?: string;
  /** The workflow to tell when the request is settled. */
  replyTo?: string;
}

/** A hand-over waiting for the receiving agency's acceptance. */
export interface PendingHandover {
  requestId: string;
  from: Agency;
  to: Agency;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  dueAt: string;
  taskId?: string;
  /** The process to tell when it is settled. */
  replyTo?: string;
}

export type HandoverStatus = 'pending' | 'accepted' | 'declined' | 'already-owner' | 'cancelled';

export interface HandoverResult {
  requestId: string;
  status: HandoverStatus;
  /** The owner after the request was handled (the sender's agency until accepted). */
  owner: Agency;
  /** Who accepted or declined. */
  by?: string;
  /** Why it was declined or cancelled. */
  reason?: string;
}

/** A contribution asked of another agency (inddragelse): a task for them; the owner is unchanged. */
export interface InvolvementRequest {
  requestId: string;
  agency: Agency;
  /** What is asked, e.g. "PPR assessment" (no personal data). */
  what: string;
  requestedBy: string;
  /** ISO-8601; the policy's default when omitted. */
  dueAt?: string;
  /** The process that asked (signal), told by `involvementSettledSignal` when the agency has contributed. */
  replyTo?: string;
}

/** A signal that reached a case workflow of the earlier version, passed on to the current one. */
export type BufferedSignal = {
  handoverRequested?: HandoverRequest;
  staffLeft?: { username: string };
  processEnded?: CaseProcess & { outcome: ProcessEnd };
};

/** How a process ended; `terminated` is seen from outside (it runs no code of its own). */
export type ProcessEnd = 'completed' | 'failed' | 'cancelled' | 'terminated';

/**
 * The child's case as its long-lived workflow holds it (carried across continue-as-new). Bounded:
 * ended processes and closed measures leave it (the read model keeps them). Fields marked optional
 * are absent in states carried from the earlier version.
 */
export interface CaseProcessState {
  ownerAgency: Agency;
  tovholder?: Tovholder | null;
  pendingHandover?: PendingHandover | null;
  /** Hand-overs asked for by processes, waiting for the pending one to settle. */
  handoverQueue?: HandoverRequest[];
  /** Notifications whose process is still running. */
  notifications: CaseNotification[];
  /** Other running processes of the case (investigation, placement, …). */
  processes?: CaseProcess[];
  /** The last processes that ended, so a late or repeated signal does not bring one back. */
  endedProcesses?: string[];
  openMeasures: OpenMeasure[];
  /** Re-assessments requested because a notification arrived while a measure was open. */
  reassessments: number;
  /** Open tasks of the case workflow itself (hand-over acceptances, contributions, re-assessments). */
  openTasks?: OpenTask[];
  /** The last answers to hand-over requests, so a repeated request gets the same answer. */
  recentHandovers?: HandoverResult[];
  /** The last involvements asked for, so a repeated request gets the same task, even after continue-as-new. */
  recentInvolvements?: { requestId: string; taskId: string }[];
  buffered?: BufferedSignal[];
  /** Set when a step could not proceed and an operator was alerted. */
  stuck?: boolean;
  /** Where the case is on its map (the steps in progress and those done). */
  position?: { active: string[]; completed: string[] };
}

export interface CaseWorkflowInput {
  caseId: string;
  caseNumber: string;
  municipality: string;
  policy: PolicyName;
  /**
   * The policy's values when the case started, so editing a profile never moves a running case's
   * deadlines behind its back (absent for cases started before; they use the named profile).
   */
  policyValues?: Policy;
  /** Continue as new after this many history events (tests lower it; the server's suggestion otherwise). */
  continueAsNewAfterEvents?: number;
  /** Set when the workflow continues as new. */
  state?: CaseProcessState;
}

export const CASE_WORKFLOW_TYPE = 'caseWorkflow';

export function caseWorkflowId(caseNumber: string): string {
  return `case-${caseNumber}`;
}

/** Sent (with start) by the API for every notification about the child. */
export const notificationReceivedSignal = defineSignal<[CaseNotification]>('notificationReceived');

/**
 * Sent by notification workflows started before hand-overs went through the case workflow: their
 * hand-over was accepted and this agency owns the case now. Kept for those running processes.
 */
export const ownerChangedSignal = defineSignal<[{ agency: Agency; reason: string }]>('ownerChanged');

/** A person asks (API, owner's agency only): answered at once with `pending` or a refusal. */
export const requestHandoverUpdate = defineUpdate<HandoverResult, [HandoverRequest]>('requestHandover');
/** A process asks; the case workflow queues it behind any pending hand-over and answers with `handoverSettledSignal`. */
export const handoverRequestedSignal = defineSignal<[HandoverRequest]>('handoverRequested');
/** The case workflow's answer to the process that asked for a hand-over. */
export const handoverSettledSignal = defineSignal<[HandoverResult]>('handoverSettled');

/** Asks another agency for a contribution without handing the case over. */
export const involveAgencyUpdate = defineUpdate<{ taskId: string }, [InvolvementRequest]>('involveAgency');

/** A process asks another agency for a contribution (BL §22 stk. 4: PPR); answered by `involvementSettledSignal` to `replyTo`. */
export const involvementRequestedSignal = defineSignal<[InvolvementRequest]>('involvementRequested');

/** The case workflow's answer: the agency contributed (with the task's completion), or the request was refused. */
export interface InvolvementResult {
  requestId: string;
  status: 'contributed' | 'refused';
  taskId?: string;
  /** Who contributed, and when (ISO-8601). */
  by?: string;
  at?: string;
  /** Why it was refused (the agency owns the case, or is not one that works in cases). */
  reason?: string;
}
export const involvementSettledSignal = defineSignal<[InvolvementResult]>('involvementSettled');

/** A lead sets the tovholder (`username`), or asks for one by caseload (`username` omitted). */
export const setTovholderUpdate = defineUpdate<Tovholder | null, [{ username?: string; by: string }]>('setTovholder');
/** A person left (deactivated): every case they are tovholder of gets a new one. */
export const staffLeftSignal = defineSignal<[{ username: string }]>('staffLeft');

/** A process of the case started (processes other than notifications, which arrive with `notificationReceived`). */
export const processStartedSignal = defineSignal<[CaseProcess]>('processStarted');

/** A process of the case ended (completed, failed or cancelled). */
export const processEndedSignal = defineSignal<[CaseProcess & { outcome: ProcessEnd }]>('processEnded');

/** Sent by the case workflow to its running processes when the owner changed, for their `OwnerAgency`. */
export const caseOwnerChangedSignal = defineSignal<[{ agency: Agency }]>('caseOwnerChanged');

export interface RecordMeasureRequest {
  measureId: string;
  kind: OpenMeasure['kind'];
  decidedBy: string;
}

/** Records a measure decided on the case (until the measure and placement processes exist). */
export const recordMeasureUpdate = defineUpdate<CaseProcessState, [RecordMeasureRequest]>('recordMeasure');

export const caseStateQuery = defineQuery<CaseProcessState>('caseState');

/** Failure types the case workflow's Update validators raise; the API maps them to HTTP statuses. */
export const CaseFailure = {
  /** 409: one pending hand-over per case at a time. */
  handoverPending: 'HandoverPending',
  /** 422: to itself, to ADMIN, or to an unknown agency. */
  invalidHandover: 'InvalidHandover',
  /** 422: asking the owner itself, ADMIN or an unknown agency for a contribution. */
  invalidInvolvement: 'InvalidInvolvement',
  /** 422: not an active member of an agency the policy lets be tovholder. */
  invalidTovholder: 'InvalidTovholder',
  /** 503: the case workflow is moving to the current version; the request can be sent again. */
  upgrading: 'CaseUpgrading',
} as const;
