import { defineQuery } from '@temporalio/workflow';
import type { NotificationSource, Policy, PolicyName } from '@sagsflow/domain';

/** Input of the notification workflow: identifiers and facts only, no personal data. */
export interface NotificationWorkflowInput {
  notificationId: string;
  caseId: string;
  municipality: string;
  /** ISO-8601 time the municipality received the notification. */
  receivedAt: string;
  policy: PolicyName;
  /** The policy's values at receipt, frozen (absent for notifications received before). */
  policyValues?: Policy;
  /** The child's case workflow, told of hand-overs. */
  caseWorkflowId: string;
  source: NotificationSource;
  /** Suspected abuse (overgreb): investigation is mandatory, and a conversation with the child. */
  abuse: boolean;
  acute: boolean;
}

/** Live process state of a notification, for the case view. */
export interface NotificationProcessState {
  step: 'triage' | 'triaged' | 'handover' | 'done';
  triageTaskId?: string;
  triageDueAt: string;
  overdue: boolean;
  /** The reception's triage decision, once made. */
  decision?: string;
  /** The agency the notification was handed to, once it accepted. */
  handedOverTo?: string;
}

export const NOTIFICATION_WORKFLOW_TYPE = 'notificationWorkflow';

export const notificationStateQuery = defineQuery<NotificationProcessState>('notificationState');

export function notificationWorkflowId(notificationId: string): string {
  return `notification-${notificationId}`;
}
