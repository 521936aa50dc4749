import { defineQuery } from '@temporalio/workflow';
import type { PolicyName } from '@sagsflow/domain';

/** Input of the notification workflow: identifiers and facts only, no personal data. */
export interface NotificationWorkflowInput {
  notificationId: string;
  caseId: string;
  municipality: string;
  /** ISO-8601 time the municipality received the notification. */
  receivedAt: string;
  policy: PolicyName;
}

/** Live process state of a notification, for the case view. */
export interface NotificationProcessState {
  step: 'triage' | 'triaged';
  triageTaskId?: string;
  triageDueAt: string;
  overdue: boolean;
  /** The reception's triage decision, once made. */
  decision?: string;
}

export const NOTIFICATION_WORKFLOW_TYPE = 'notificationWorkflow';

export const notificationStateQuery = defineQuery<NotificationProcessState>('notificationState');

export function notificationWorkflowId(notificationId: string): string {
  return `notification-${notificationId}`;
}
