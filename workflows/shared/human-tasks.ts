import { ApplicationFailure, condition, setHandler, upsertSearchAttributes, uuid4, workflowInfo } from '@temporalio/workflow';
import { millisUntil, OutcomeProblem, outcomeProblems, Policy, reminderAt } from '@sagsflow/domain';
import {
  completeTaskUpdate,
  type OpenTask,
  SearchAttributeKeys,
  TaskCompletion,
  TaskFailure,
  TaskRequest,
} from '@sagsflow/temporal/shared';
import { activities, completionActivities } from './activities';

/** A process-specific rule for a task's outcome, run in the Update validator (so a refusal is never recorded). */
export type OutcomeRule = (outcome: Record<string, unknown>) => OutcomeProblem | undefined;

export interface OpenOptions {
  rule?: OutcomeRule;
  /** For a step that recurs (follow-ups, re-assessments, hand-overs): keeps each occurrence's task distinct. */
  occurrence?: number | string;
  /** What the process does on completion, as data, so a task carried across continue-as-new keeps its meaning. */
  purpose?: Record<string, string>;
}

interface LiveTask {
  state: OpenTask;
  rule?: OutcomeRule;
  /** A completion is being stored; a second one is refused meanwhile. */
  storing: boolean;
  completion?: TaskCompletion;
  cancelled: boolean;
}

/**
 * Human work inside a workflow: create a task, remind before its due time, escalate at it, and
 * take the one completion that the `completeTask` Update delivers — stored in the read model
 * before the process treats the task as done, so a completion that cannot be stored is refused,
 * never half-applied. Open tasks are plain data (`carried`), so a workflow that continues as new
 * takes them along and one ignored task never pins a run. Keeps the workflow's `NextDeadline` and
 * `Overdue` search attributes current.
 */
export class HumanTasks {
  private readonly live = new Map<string, LiveTask>();
  /** Completed in this run: a late second completion is told so, not that the task is unknown. */
  private readonly completed = new Map<string, TaskCompletion>();
  /** Activities in flight: a workflow continues as new only when this is 0. */
  private busy = 0;
  /** Called when a completion is stored (for tasks opened with a purpose). */
  onCompleted?: (task: OpenTask, completion: TaskCompletion) => void;
  /** Called when a task passes its due time (after the lead is alerted). */
  onOverdue?: (task: OpenTask) => void;

  constructor(
    private readonly policy: Policy,
    carried: readonly OpenTask[] = [],
    /** The process rule for a carried task, found from its kind and purpose. */
    ruleFor: (task: OpenTask) => OutcomeRule | undefined = () => undefined,
  ) {
    // Carried tasks first: registering the handler delivers completions that arrived while the
    // workflow continued as new, and they must find their task.
    for (const state of carried) {
      const task: LiveTask = { state, rule: ruleFor(state), storing: false, cancelled: false };
      this.live.set(state.id, task);
      void this.watch(task);
    }
    if (carried.length > 0) this.updateSearchAttributes();
    setHandler(
      completeTaskUpdate,
      async (request) => {
        const task = this.live.get(request.taskId)!;
        // Set before the first await, so a concurrent second request fails validation; the search
        // attributes count the task as done meanwhile (and again as open if it cannot be stored).
        task.storing = true;
        this.updateSearchAttributes();
        let completion: TaskCompletion = { ...request, completedAt: new Date().toISOString() };
        try {
          // An earlier try that reached the read model but not this history (its worker was killed): it stands.
          completion = (await this.work(() => completionActivities().recordTaskCompletion(completion))) ?? completion;
        } catch (error) {
          task.storing = false;
          this.updateSearchAttributes();
          throw ApplicationFailure.create({ type: TaskFailure.notStored, message: `Task ${request.taskId} could not be completed now`, cause: error as Error });
        }
        task.completion = completion;
        this.live.delete(request.taskId);
        this.completed.set(request.taskId, completion);
        this.onCompleted?.(task.state, completion);
        return completion;
      },
      {
        validator: (request) => {
          const task = this.live.get(request.taskId);
          if (this.completed.has(request.taskId) || task?.storing || task?.completion) {
            throw ApplicationFailure.create({ type: TaskFailure.alreadyCompleted, message: `Task ${request.taskId} is already completed` });
          }
          if (!task) throw ApplicationFailure.create({ type: TaskFailure.unknownTask, message: `No open task ${request.taskId} in this process` });
          const problems = outcomeProblems(task.state.request.kind, request.outcome);
          if (problems.length > 0) {
            throw ApplicationFailure.create({
              type: TaskFailure.invalidOutcome,
              message: problems[0].message,
              details: problems.map(({ field, rules }) => ({ field, rules })),
            });
          }
          const problem = task.rule?.(request.outcome);
          if (problem) {
            throw ApplicationFailure.create({
              type: TaskFailure.invalidOutcome,
              message: problem.message,
              details: [{ field: problem.field, rules: [task.state.request.kind] }],
            });
          }
        },
      },
    );
  }

  /** Creates the task and returns its id once it exists; reminders, escalation and completion follow on their own. */
  async open(request: TaskRequest, options: OpenOptions = {}): Promise<string> {
    const task = await this.create(request, options);
    void this.watch(task);
    return task.state.id;
  }

  /** Creates the task and resolves with its completion, however long that takes. */
  async perform(request: TaskRequest, options: OpenOptions = {}): Promise<TaskCompletion> {
    const task = await this.create(request, options);
    await this.watch(task);
    if (!task.completion) throw ApplicationFailure.nonRetryable(`Task ${task.state.id} was cancelled`, 'TaskCancelled');
    return task.completion;
  }

  /** Closes open tasks (status `cancelled`, gone from inboxes): all of them, or those given. */
  async cancel(reason: string, ids: readonly string[] = [...this.live.keys()]): Promise<void> {
    const cancelled = ids.map((id) => this.live.get(id)).filter((t): t is LiveTask => t !== undefined && !t.storing);
    if (cancelled.length === 0) return;
    for (const task of cancelled) {
      task.cancelled = true;
      this.live.delete(task.state.id);
    }
    this.updateSearchAttributes();
    await this.work(() => activities().cancelTasks({ taskIds: cancelled.map((t) => t.state.id), reason }));
  }

  /** The completion of a task opened in this run (`open`), once it is stored. */
  completionOf(taskId: string): TaskCompletion | undefined {
    return this.completed.get(taskId);
  }

  /** Open tasks as data, to carry across continue-as-new. */
  get carried(): OpenTask[] {
    return [...this.live.values()].map((t) => ({ ...t.state }));
  }

  /** Nothing is being written: safe to continue as new. */
  get idle(): boolean {
    return this.busy === 0 && [...this.live.values()].every((t) => !t.storing);
  }

  /** Tasks not yet done, for the workflow's state query and search attributes. */
  get outstanding(): { id: string; kind: string; dueAt: string; overdue: boolean }[] {
    return [...this.live.values()]
      .filter((t) => !t.storing)
      .map(({ state }) => ({ id: state.id, kind: state.request.kind, dueAt: state.request.dueAt, overdue: state.overdue }));
  }

  get overdue(): boolean {
    return this.outstanding.some((t) => t.overdue);
  }

  private async create(request: TaskRequest, { occurrence, rule, purpose }: OpenOptions): Promise<LiveTask> {
    const { workflowId } = workflowInfo();
    const remindAt = reminderAt(new Date(), new Date(request.dueAt), this.policy.reminderLeadHours);
    // The id is ours (deterministic on replay) and known before the row exists, so a completion
    // that arrives the moment the task shows up in an inbox always finds it.
    const state: OpenTask = {
      id: uuid4(),
      request,
      key: `${workflowId}/${request.step}${occurrence === undefined ? '' : `#${occurrence}`}`,
      remindAt: remindAt?.toISOString(),
      reminded: false,
      overdue: false,
      ...(purpose ? { purpose } : {}),
    };
    const task: LiveTask = { state, rule, storing: false, cancelled: false };
    this.live.set(state.id, task);
    this.updateSearchAttributes();
    const created = await this.work(() => activities().createTask({ ...request, id: state.id, key: state.key, workflowId, remindAt: state.remindAt }));
    if (created.id !== state.id) {
      // An earlier run of this workflow created the task under this key: the request is not new.
      this.live.delete(state.id);
      this.updateSearchAttributes();
      throw ApplicationFailure.nonRetryable(`A task for ${state.key} exists already (${created.id})`, 'TaskExists');
    }
    return task;
  }

  /**
   * Reminds, escalates, and returns when the task is completed or cancelled. The timers stop while a
   * completion is being stored, and start again for what is left if it could not be.
   */
  private async watch(task: LiveTask): Promise<void> {
    const { state } = task;
    const settled = () => task.completion !== undefined || task.cancelled;
    const answered = () => settled() || task.storing;
    for (;;) {
      if (state.remindAt && !state.reminded) {
        if (!(await condition(answered, millisUntil(new Date(state.remindAt), new Date())))) {
          await this.work(() => activities().remindTask(state.id));
          state.reminded = true;
        }
      }
      if (!state.overdue) {
        if (!(await condition(answered, millisUntil(new Date(state.request.dueAt), new Date())))) {
          state.overdue = true;
          this.updateSearchAttributes();
          await this.work(() => activities().escalateTask(state.id));
          this.onOverdue?.(state);
        }
      }
      await condition(() => settled() || !task.storing);
      if (settled()) return;
      // Not completed after all (it could not be stored): wait for the next completion.
      await condition(answered);
    }
  }

  private async work<T>(fn: () => Promise<T>): Promise<T> {
    this.busy++;
    try {
      return await fn();
    } finally {
      this.busy--;
    }
  }

  private updateSearchAttributes(): void {
    const next = this.outstanding.map((t) => t.dueAt).sort()[0];
    upsertSearchAttributes([
      { key: SearchAttributeKeys.nextDeadline, value: next ? new Date(next) : null },
      { key: SearchAttributeKeys.overdue, value: this.overdue },
    ]);
  }
}
