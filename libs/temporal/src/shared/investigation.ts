import { defineQuery } from '@temporalio/workflow';
import type { InvestigationDecision, Policy, PolicyName } from '@sagsflow/domain';

/**
 * Input of the investigation workflow (børnefaglig undersøgelse). Its deadline is frozen at the
 * start, so a later change of profile never moves it.
 */
export interface InvestigationWorkflowInput {
  investigationId: string;
  caseId: string;
  caseWorkflowId: string;
  municipality: string;
  policy: PolicyName;
  policyValues?: Policy;
  /** ISO-8601: when the municipality became aware that the child may need support (BL §20 stk. 3). */
  awareSince: string;
  /** ISO-8601: the conclusion's deadline, from `awareSince` under the policy. */
  dueAt: string;
  /** The notification that led to it, if one did. */
  notificationId?: string;
  /** That notification came from a professional, who is told whether it led to support (SEL §155 b stk. 2). */
  notifierGetsLetters: boolean;
  /** YYYY-MM-DD, when known: a young person aged 15+ takes part (encrypted payload; never in ids or attributes). */
  childBornOn?: string;
  /** The caseworker it is assigned to, when chosen at the start. */
  caseworker?: string;
  startedBy: string;
}

/** The investigation as its workflow holds it, for the case view. */
export interface InvestigationProcessState {
  dueAt: string;
  /** Required steps not done yet (their step ids on the map). */
  openSteps: string[];
  overdue: boolean;
  decision?: InvestigationDecision;
  concludedAt?: string;
  /** The measure the conclusion started, if it did. */
  measureId?: string;
}

export const INVESTIGATION_WORKFLOW_TYPE = 'investigationWorkflow';

export function investigationWorkflowId(investigationId: string): string {
  return `investigation-${investigationId}`;
}

export const investigationStateQuery = defineQuery<InvestigationProcessState>('investigationState');
