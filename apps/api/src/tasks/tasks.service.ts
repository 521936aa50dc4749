import { Injectable } from '@nestjs/common';
import { TaskRepository } from '@sagsflow/persistence';
import { TaskDto, toTaskDto } from './task.dto';

@Injectable()
export class TasksService {
  constructor(private readonly tasks: TaskRepository) {}

  async list(): Promise<TaskDto[]> {
    return (await this.tasks.list()).map(toTaskDto);
  }
}
