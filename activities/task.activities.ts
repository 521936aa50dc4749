import { Injectable } from '@nestjs/common';
import { TaskService } from '@sagsflow/casework';
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

  async recordTaskCompletion(completion: TaskCompletion): Promise<void> {
    await this.tasks.recordCompletion(
      completion.taskId,
      completion.outcome as JsonObject,
      completion.actor,
      new Date(completion.completedAt),
    );
  }
}
