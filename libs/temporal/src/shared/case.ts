import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Agency, PolicyName } from '@sagsflow/domain';

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
}

/** The child's case as its long-lived workflow holds it (carried across continue-as-new). */
export interface CaseProcessState {
  ownerAgency: Agency;
  /** Absent in states carried from before the case workflow held the tovholder. */
  tovholder?: Tovholder | null;
  pendingHandover?: PendingHandover | null;
  /** Notifications whose process is still running (the read model keeps the rest). */
  notifications: CaseNotification[];
  openMeasures: OpenMeasure[];
  /** Re-assessments requested because a notification arrived while a measure was open. */
  reassessments: number;
}

export interface CaseWorkflowInput {
  caseId: string;
  caseNumber: string;
  municipality: string;
  policy: PolicyName;
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

/** A lead sets the tovholder (`username`), or asks for one by caseload (`username` omitted). */
export const setTovholderUpdate = defineUpdate<Tovholder | null, [{ username?: string; by: string }]>('setTovholder');
/** A person left (deactivated): every case they are tovholder of gets a new one. */
export const staffLeftSignal = defineSignal<[{ username: string }]>('staffLeft');

/** A process of the case ended (completed, failed or cancelled). */
export const processEndedSignal = defineSignal<[CaseProcess & { outcome: 'completed' | 'failed' | 'cancelled' }]>('processEnded');

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
  /** 422: not an active member of an agency the policy lets be tovholder. */
  invalidTovholder: 'InvalidTovholder',
} as const;
