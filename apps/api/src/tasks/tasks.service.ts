import { ConflictException, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { TaskService } from '@sagsflow/casework';
import type { TaskEntity } from '@sagsflow/persistence';
import { isTaskKind, outcomeJsonSchema, outcomeProblems } from '@sagsflow/domain';
import { completeTaskUpdate, type TaskCompletion, TaskFailure, TemporalClient } from '@sagsflow/temporal';
import type { CurrentUser } from '../auth/current-user';
import { type FieldRules, unprocessable } from '../common/http-errors';
import { InboxQueryDto, TaskDetailDto, TaskDto, toTaskDto, toTaskEventDto } from './task.dto';

export const INBOX_PAGE_SIZE = 50;

@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: TaskService,
    private readonly temporal: TemporalClient,
  ) {}

  async inbox(user: CurrentUser, query: InboxQueryDto): Promise<{ items: TaskDto[]; total: number; totalCapped: boolean }> {
    const { items, total, totalCapped } = await this.tasks.inbox({
      scope: query.scope,
      user,
      status: query.status,
      dueBefore: query.dueBefore ? new Date(query.dueBefore) : undefined,
      page: query.page,
      pageSize: INBOX_PAGE_SIZE,
    });
    const [now, numbers] = [new Date(), await this.tasks.caseNumbers(items.map((task) => task.caseId))];
    return { items: items.map((task) => toTaskDto(task, numbers.get(task.caseId) ?? '', now)), total, totalCapped };
  }

  async get(user: CurrentUser, id: string): Promise<TaskDetailDto> {
    const task = await this.tasks.visibleTask(user, id);
    const history = await this.tasks.history(user, id);
    const outcomeSchema = isTaskKind(task.kind) ? outcomeJsonSchema(task.kind) : null;
    return { ...(await this.dto(task)), outcomeSchema, history: history.map(toTaskEventDto) };
  }

  /**
   * Completes a task through its workflow's `completeTask` Update: the workflow is the one place
   * that decides, so concurrent requests yield exactly one completion (the others get 409). A task
   * the read model shows completed is asked about too: a try whose answer was lost (Temporal gone
   * after the completion was stored, before the Update was recorded) may have stored it without the
   * workflow knowing, and the workflow then takes that completion.
   */
  async complete(user: CurrentUser, id: string, outcome: Record<string, unknown> = {}): Promise<TaskDto> {
    const task = await this.tasks.taskToComplete(user, id);
    const problems = isTaskKind(task.kind) ? outcomeProblems(task.kind, outcome) : [];
    if (problems.length > 0) {
      throw unprocessable(
        problems.map((p) => p.message).join('; '),
        problems.map(({ field, rules }) => ({ field, rules })),
      );
    }
    let completion: TaskCompletion;
    try {
      completion = await this.temporal.workflow
        .getHandle(task.workflowId)
        .executeUpdate(completeTaskUpdate, { args: [{ taskId: id, outcome, actor: user.username }] });
    } catch (error) {
      throw toHttpError(error, task);
    }
    // The workflow took a completion stored by an earlier try that never reached it: someone else's is not this one.
    if (completion.actor !== user.username) throw new ConflictException(`Task ${id} is already completed`);
    return this.dto(await this.tasks.justCompleted(id));
  }

  async claim(user: CurrentUser, id: string): Promise<TaskDto> {
    return this.dto(await this.tasks.claim(user, id));
  }

  async release(user: CurrentUser, id: string): Promise<TaskDto> {
    return this.dto(await this.tasks.release(user, id));
  }

  async reassign(user: CurrentUser, id: string, to: string): Promise<TaskDto> {
    return this.dto(await this.tasks.reassign(user, id, to));
  }

  async comment(user: CurrentUser, id: string, text: string): Promise<TaskDetailDto> {
    await this.tasks.comment(user, id, text);
    return this.get(user, id);
  }

  private async dto(task: TaskEntity): Promise<TaskDto> {
    return toTaskDto(task, (await this.tasks.caseNumbers([task.caseId])).get(task.caseId) ?? '');
  }
}


function toHttpError(error: unknown, task: TaskEntity): Error {
  if (error instanceof WorkflowNotFoundError) return new ConflictException(`The process of task ${task.id} has ended`);
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const failure = error.cause;
    if (failure.type === TaskFailure.invalidOutcome) return unprocessable(failure.message, (failure.details ?? []) as FieldRules[]);
    if (failure.type === TaskFailure.alreadyCompleted) return new ConflictException(failure.message);
    // Completed in the read model, and not a task of this run of its workflow (it continued as new since).
    if (failure.type === TaskFailure.unknownTask && task.status === 'completed') return new ConflictException(`Task ${task.id} is already completed`);
    // Nothing was stored or changed: the same completion can be sent again. A task the inbox shows
    // open and its workflow does not know yet is one a restarted worker is still creating anew.
    if (failure.type === TaskFailure.notStored || failure.type === TaskFailure.unknownTask) return new ServiceUnavailableException(failure.message);
  }
  return error instanceof Error ? error : new Error(String(error));
}
