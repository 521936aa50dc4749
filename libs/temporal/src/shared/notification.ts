import { defineQuery } from '@temporalio/workflow';

/** Input of the notification workflow: identifiers and facts only, no personal data. */
export interface NotificationWorkflowInput {
  notificationId: string;
  caseId: string;
  municipality: string;
  /** ISO-8601 time the municipality received the notification. */
  receivedAt: string;
}

/** Live process state of a notification, for the case view. */
export interface NotificationProcessState {
  step: 'triage';
  triageTaskId?: string;
  triageDueAt: string;
  overdue: boolean;
}

export const NOTIFICATION_WORKFLOW_TYPE = 'notificationWorkflow';

export const notificationStateQuery = defineQuery<NotificationProcessState>('notificationState');

export function notificationWorkflowId(notificationId: string): string {
  return `notification-${notificationId}`;
}
