import { Injectable } from '@nestjs/common';
import { InvalidInputError, TaskService } from '@sagsflow/casework';
import type { JsonObject } from '@sagsflow/persistence';
import type { CreatedTask, CreateTaskInput, TaskCompletion } from '@sagsflow/temporal/shared';

/** Human work items. Every method is idempotent: a retried activity changes nothing twice. */
@Injectable()
export class TaskActivities {
  constructor(private readonly tasks: TaskService) {}

  /** The only way tasks come into being; one task per `input.key`, ever. */
  createTask(input: CreateTaskInput): Promise<CreatedTask> {
    return this.tasks.createForWorkflow(input);
  }

  remindTask(taskId: string): Promise<void> {
    return this.tasks.remind(taskId);
  }

  escalateTask(taskId: string): Promise<void> {
    return this.tasks.escalate(taskId);
  }

  cancelTasks(input: { taskIds: string[]; reason: string }): Promise<void> {
    return this.tasks.cancel(input.taskIds, input.reason);
  }

  /**
   * Stores the completion; resolves with the one stored before when an earlier try of this
   * workflow's completion got as far as the read model but not into the workflow's history (a
   * worker killed, Temporal gone before the Update was recorded): the workflow takes that one.
   */
  async recordTaskCompletion(completion: TaskCompletion): Promise<TaskCompletion | undefined> {
    const { taskId, outcome, actor, completedAt } = completion;
    if (await this.tasks.recordCompletion(taskId, outcome as JsonObject, actor, new Date(completedAt))) return undefined;
    const earlier = await this.tasks.storedCompletion(taskId);
    if (!earlier) throw new InvalidInputError(`Task ${taskId} is not open`); // cancelled
    return { taskId, actor: earlier.actor, outcome: earlier.outcome, completedAt: earlier.completedAt.toISOString() };
  }
}
