import {
  ApplicationFailure,
  condition,
  setHandler,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import { millisUntil, missingOutcomeFields, OutcomeProblem, Policy, reminderAt } from '@sagsflow/domain';
import {
  completeTaskUpdate,
  SearchAttributeKeys,
  TaskCompletion,
  TaskFailure,
  TaskRequest,
} from '@sagsflow/temporal/shared';
import { activities } from './activities';

/** A process-specific rule for a task's outcome, run in the Update validator (so a refusal is never recorded). */
export type OutcomeRule = (outcome: Record<string, unknown>) => OutcomeProblem | undefined;

export interface PerformOptions {
  rule?: OutcomeRule;
  /** For a step that recurs (follow-ups, re-assessments): keeps each occurrence's task distinct. */
  occurrence?: number | string;
}

interface PendingTask {
  request: TaskRequest;
  rule?: OutcomeRule;
  overdue: boolean;
  completion?: TaskCompletion;
  /** The completion is in the read model; the process may move on. */
  recorded: boolean;
}

/**
 * Human work inside a workflow: create a task, remind before its due time, escalate at it, and
 * wait for the one completion that the `completeTask` Update delivers. Keeps the workflow's
 * `NextDeadline` and `Overdue` search attributes current.
 */
export class HumanTasks {
  private readonly tasks = new Map<string, PendingTask>();

  constructor(private readonly policy: Policy) {
    setHandler(
      completeTaskUpdate,
      async (request) => {
        const task = this.tasks.get(request.taskId)!;
        // Recorded before the first await, so a concurrent second request fails validation.
        task.completion = { ...request, completedAt: new Date().toISOString() };
        this.updateSearchAttributes();
        await activities().recordTaskCompletion(task.completion);
        task.recorded = true;
        return task.completion;
      },
      {
        validator: (request) => {
          const task = this.tasks.get(request.taskId);
          if (!task) throw ApplicationFailure.create({ type: TaskFailure.unknownTask, message: `No open task ${request.taskId} in this process` });
          if (task.completion) {
            throw ApplicationFailure.create({ type: TaskFailure.alreadyCompleted, message: `Task ${request.taskId} is already completed` });
          }
          const missing = missingOutcomeFields(task.request.kind, request.outcome);
          if (missing.length > 0) {
            throw ApplicationFailure.create({
              type: TaskFailure.invalidOutcome,
              message: `outcome.${missing[0]} is required for a ${task.request.kind} task`,
              details: missing.map((field) => ({ field: `outcome.${field}`, rules: ['required'] })),
            });
          }
          const problem = task.rule?.(request.outcome);
          if (problem) {
            throw ApplicationFailure.create({
              type: TaskFailure.invalidOutcome,
              message: problem.message,
              details: [{ field: problem.field, rules: [task.request.kind] }],
            });
          }
        },
      },
    );
  }

  /** Creates the task and resolves with its completion, however long that takes. */
  async perform(request: TaskRequest, options: PerformOptions = {}): Promise<TaskCompletion> {
    const { occurrence, rule } = options;
    const { workflowId } = workflowInfo();
    const dueAt = new Date(request.dueAt);
    const remindAt = reminderAt(new Date(), dueAt, this.policy.reminderLeadHours);
    // The id is ours (deterministic on replay) and known before the row exists, so a completion
    // that arrives the moment the task shows up in an inbox always finds it.
    const id = uuid4();
    const task: PendingTask = { request, rule, overdue: false, recorded: false };
    this.tasks.set(id, task);
    this.updateSearchAttributes();
    await activities().createTask({
      ...request,
      id,
      key: `${workflowId}/${request.step}${occurrence === undefined ? '' : `#${occurrence}`}`,
      workflowId,
      remindAt: remindAt?.toISOString(),
    });

    const done = () => task.completion !== undefined;
    if (remindAt && !(await condition(done, millisUntil(remindAt, new Date())))) await activities().remindTask(id);
    if (!(await condition(done, millisUntil(dueAt, new Date())))) {
      task.overdue = true;
      this.updateSearchAttributes();
      await activities().escalateTask(id);
    }
    await condition(() => task.recorded);
    return task.completion!;
  }

  /** Open tasks by id, for the workflow's state query. */
  get open(): { id: string; kind: string; dueAt: string; overdue: boolean }[] {
    return [...this.tasks.entries()]
      .filter(([, t]) => !t.completion)
      .map(([id, t]) => ({ id, kind: t.request.kind, dueAt: t.request.dueAt, overdue: t.overdue }));
  }

  get overdue(): boolean {
    return this.open.some((t) => t.overdue);
  }

  private updateSearchAttributes(): void {
    const next = this.open.map((t) => t.dueAt).sort()[0];
    upsertSearchAttributes([
      { key: SearchAttributeKeys.nextDeadline, value: next ? new Date(next) : null },
      { key: SearchAttributeKeys.overdue, value: this.overdue },
    ]);
  }
}
