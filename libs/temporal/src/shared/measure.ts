import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { Agency, FollowUpDecision, MeasureType, Policy, PolicyName } from '@sagsflow/domain';

/** Input of the preventive measure workflow (forebyggende foranstaltning, BL §32). */
export interface MeasureWorkflowInput {
  measureId: string;
  caseId: string;
  caseWorkflowId: string;
  municipality: string;
  policy: PolicyName;
  policyValues?: Policy;
  type: MeasureType;
  goal: string;
  /** YYYY-MM-DD: the day the measure starts. */
  startsOn: string;
  /** ISO-8601: when it was decided; the plan and the first follow-up count from here. */
  decidedAt: string;
  decidedBy: string;
  /** The investigation whose conclusion decided it, if one did. */
  investigationId?: string;
  /**
   * An investigation still running when the measure was decided (its workflow id): the first
   * follow-up comes when it ends, if that is sooner (BL §95).
   */
  alongsideInvestigation?: string;
  /** YYYY-MM-DD, when known: a child of 4 or more takes part in the plan. */
  childBornOn?: string;
  /** Set when the measure continued as new: where it had got to. */
  carried?: MeasureCarried;
  /** Continue as new after this many history events (tests lower it; the server's suggestion otherwise). */
  continueAsNewAfterEvents?: number;
}

/**
 * What a measure takes into its next run, between two follow-ups, once its plan is made and none of
 * its tasks is open: a measure lasts years, and its history would otherwise grow with every follow-up.
 */
export interface MeasureCarried {
  state: MeasureProcessState;
  owner: Agency;
  position: { active: string[]; completed: string[] };
}

/** The measure as its workflow holds it, for the case view. */
export interface MeasureProcessState {
  type: MeasureType;
  status: 'running' | 'ended';
  planDueAt: string;
  planDoneAt?: string;
  nextFollowUpAt?: string;
  followUps: { at: string; decision: FollowUpDecision; type: MeasureType }[];
  /** The cadence decided at the first follow-up, e.g. `{ months: 2 }`. */
  cadence?: { weeks: number } | { months: number };
}

export const MEASURE_WORKFLOW_TYPE = 'measureWorkflow';

export function measureWorkflowId(measureId: string): string {
  return `measure-${measureId}`;
}

export const measureStateQuery = defineQuery<MeasureProcessState>('measureState');

/** Sent by the case workflow to a measure when an investigation that ran alongside it ended. */
export const investigationEndedSignal = defineSignal<[{ workflowId: string; endedAt: string }]>('investigationEnded');
