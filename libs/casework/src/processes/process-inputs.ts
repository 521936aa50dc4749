import type { InvestigationDecision, MeasureType } from '@sagsflow/domain';

/** A process opened on a case: its id and workflow id; `existing` when one was open already. */
export interface OpenedProcess {
  id: string;
  workflowId: string;
  existing: boolean;
}

/** Opens an investigation on a case (BL §20): by a person through the API, or by a notification's process. */
export interface OpenInvestigationInput {
  /** Idempotency: the same key always gives the same investigation. */
  key: string;
  caseId: string;
  reason: string;
  /** ISO-8601; default: the receipt of `notificationId`, else now. */
  awareSince?: string;
  /** The notification that led to it. */
  notificationId?: string;
  startedBy: string;
}

/** What an investigation's workflow records in the read model as it goes (only the fields given change). */
export interface InvestigationProgress {
  investigationId: string;
  status?: 'open' | 'concluded' | 'failed' | 'cancelled';
  decision?: InvestigationDecision;
  /** ISO-8601 */
  concludedAt?: string;
  /** ISO-8601: the deadline passed without a conclusion and a preliminary assessment was asked for. */
  preliminaryAssessmentDueAt?: string;
}

/** Starts a preventive measure on a case (BL §32): by a person, or by an investigation's conclusion. */
export interface OpenMeasureInput {
  key: string;
  caseId: string;
  type: MeasureType;
  goal: string;
  /** YYYY-MM-DD */
  startsOn: string;
  decidedBy: string;
  /** The investigation whose conclusion decided it. */
  investigationId?: string;
}

/** What a measure's workflow records in the read model as it goes (only the fields given change; null clears). */
export interface MeasureProgress {
  measureId: string;
  type?: MeasureType;
  status?: 'open' | 'closed';
  /** ISO-8601 */
  planDueAt?: string;
  planDoneAt?: string;
  nextFollowUpAt?: string | null;
  closedAt?: string;
}
