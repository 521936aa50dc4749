import { defineUpdate } from '@temporalio/workflow';
import type { Agency, ProcessKind, TaskKind } from '@sagsflow/domain';

/** What a workflow asks for when it needs a person to do something. */
export interface TaskRequest {
  kind: TaskKind;
  caseId: string;
  processKind: ProcessKind;
  /** Stable step id in the process model. */
  step: string;
  agency: Agency;
  /** The candidate team; the agency's default team when omitted. */
  team?: string;
  assignee?: string;
  /** ISO-8601 */
  dueAt: string;
}

/** The request as the createTask activity receives it: with its id, idempotency key and reminder time. */
export interface CreateTaskInput extends TaskRequest {
  /** Chosen by the workflow, so it knows the task before the row exists. */
  id: string;
  key: string;
  workflowId: string;
  remindAt?: string;
}

/** An open task as its workflow carries it (plain data: it survives continue-as-new). */
export interface OpenTask {
  id: string;
  request: TaskRequest;
  /** Idempotency key of the task row. */
  key: string;
  remindAt?: string;
  reminded: boolean;
  overdue: boolean;
  /** What the process does on completion (e.g. `{ handover: requestId }`). */
  purpose?: Record<string, string>;
}

export interface CreatedTask {
  id: string;
}

/** Sent by the API when a user completes a task; the workflow validates it. */
export interface CompleteTaskRequest {
  taskId: string;
  outcome: Record<string, unknown>;
  /** Username of the person completing it (authorised by the API). */
  actor: string;
}

export interface TaskCompletion extends CompleteTaskRequest {
  completedAt: string;
}

export const completeTaskUpdate = defineUpdate<TaskCompletion, [CompleteTaskRequest]>('completeTask');

/** Failure types the completeTask validator raises; the API maps them to HTTP statuses. */
export const TaskFailure = {
  alreadyCompleted: 'TaskAlreadyCompleted',
  unknownTask: 'UnknownTask',
  invalidOutcome: 'InvalidOutcome',
  /** The completion could not be stored (the read model refused or is down): nothing changed; try again. */
  notStored: 'CompletionNotStored',
} as const;
