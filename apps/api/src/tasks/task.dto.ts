import { ApiProperty } from '@nestjs/swagger';
import { AGENCIES, type Agency } from '@sagsflow/domain';
import type { TaskEntity, TaskStatus } from '@sagsflow/persistence';

export class TaskDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'triage' }) kind: string;
  @ApiProperty() caseId: string;
  @ApiProperty({ enum: AGENCIES }) agency: Agency;
  @ApiProperty({ nullable: true, type: String }) assignee: string | null;
  @ApiProperty() dueAt: string;
  @ApiProperty({ enum: ['open', 'completed', 'cancelled'] }) status: TaskStatus;
}

export function toTaskDto(task: TaskEntity): TaskDto {
  return {
    id: task.id,
    kind: task.kind,
    caseId: task.caseId,
    agency: task.agency,
    assignee: task.assignee,
    dueAt: task.dueAt.toISOString(),
    status: task.status,
  };
}
