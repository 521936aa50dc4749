import { Injectable } from '@nestjs/common';
import { CreateTaskInput, TaskRepository } from '@sagsflow/persistence';

/** The only way tasks (human work items) come into being: a workflow asks for one. */
@Injectable()
export class TaskActivities {
  constructor(private readonly tasks: TaskRepository) {}

  /** Idempotent on `input.key`: a retried activity returns the task it already created. */
  async createTask(input: CreateTaskInput): Promise<{ id: string }> {
    const task = await this.tasks.createOnce(input);
    return { id: task.id };
  }
}
