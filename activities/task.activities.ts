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

  async recordTaskCompletion(completion: TaskCompletion): Promise<void> {
    const stored = await this.tasks.recordCompletion(
      completion.taskId,
      completion.outcome as JsonObject,
      completion.actor,
      new Date(completion.completedAt),
    );
    // Not open in the read model (cancelled, or completed by a try whose answer was lost): the
    // completion stands only if it is this one.
    if (!stored && !(await this.tasks.isCompletedAs(completion.taskId, completion.actor, new Date(completion.completedAt)))) {
      throw new InvalidInputError(`Task ${completion.taskId} is not open`);
    }
  }
}
