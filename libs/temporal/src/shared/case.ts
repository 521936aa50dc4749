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

/** The child's case as its long-lived workflow holds it (carried across continue-as-new). */
export interface CaseProcessState {
  ownerAgency: Agency;
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

/** Sent by a process when a hand-over is accepted: from now on this agency owns the case. */
export const ownerChangedSignal = defineSignal<[{ agency: Agency; reason: string }]>('ownerChanged');

export interface RecordMeasureRequest {
  measureId: string;
  kind: OpenMeasure['kind'];
  decidedBy: string;
}

/** Records a measure decided on the case (until the measure and placement processes exist). */
export const recordMeasureUpdate = defineUpdate<CaseProcessState, [RecordMeasureRequest]>('recordMeasure');

export const caseStateQuery = defineQuery<CaseProcessState>('caseState');
