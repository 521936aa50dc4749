import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Agency, ProcessKind } from '@sagsflow/domain';
import { TaskEntity } from '../entities';

export interface CreateTaskInput {
  /** Idempotency key, unique per task for ever (workflow id + step). */
  key: string;
  kind: string;
  caseId: string;
  processKind: ProcessKind;
  workflowId: string;
  step: string;
  agency: Agency;
  assignee?: string;
  /** ISO-8601 */
  dueAt: string;
}

@Injectable()
export class TaskRepository {
  constructor(@InjectRepository(TaskEntity) private readonly repo: Repository<TaskEntity>) {}

  /** Inserts the task unless one with the same key exists, and returns whichever is stored. */
  async createOnce(input: CreateTaskInput): Promise<TaskEntity> {
    await this.repo
      .createQueryBuilder()
      .insert()
      .values({ ...input, id: randomUUID(), assignee: input.assignee ?? null, dueAt: new Date(input.dueAt) })
      .orIgnore()
      .execute();
    return this.repo.findOneByOrFail({ key: input.key });
  }

  list(): Promise<TaskEntity[]> {
    return this.repo.find({ order: { dueAt: 'ASC', id: 'ASC' }, take: 500 });
  }
}
