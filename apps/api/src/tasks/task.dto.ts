import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { AGENCIES, type Agency } from '@sagsflow/domain';
import type { TaskEntity, TaskEventEntity, TaskStatus } from '@sagsflow/persistence';

const STATUSES = ['open', 'completed', 'cancelled'] as const;
const SCOPES = ['mine', 'team', 'agency'] as const;

export class InboxQueryDto {
  @ApiPropertyOptional({ enum: SCOPES, default: 'agency', description: 'mine: assigned to me; team: my team; agency: my agency' })
  @IsOptional()
  @IsIn(SCOPES, { message: `scope must be one of ${SCOPES.join(', ')}` })
  scope: (typeof SCOPES)[number] = 'agency';

  @ApiPropertyOptional({ enum: STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status: TaskStatus = 'open';

  @ApiPropertyOptional({ description: 'Only tasks due before this time (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'dueBefore must be an ISO-8601 date-time' })
  dueBefore?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1, { message: 'page must be 1 or more' })
  @Max(10_000)
  page: number = 1;
}

export class TaskDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'triage' }) kind: string;
  @ApiProperty() caseId: string;
  @ApiProperty({ example: '2026-000042', description: 'The case by its number: lists show this, never the child' }) caseNumber: string;
  @ApiProperty({ example: 'notification' }) processKind: string;
  @ApiProperty({ example: 'triage', description: 'Stable step id in the process model' }) step: string;
  @ApiProperty({ enum: AGENCIES }) agency: Agency;
  @ApiProperty() team: string;
  @ApiProperty({ nullable: true, type: String }) assignee: string | null;
  @ApiProperty() dueAt: string;
  @ApiProperty({ nullable: true, type: String }) remindAt: string | null;
  @ApiProperty({ enum: STATUSES }) status: TaskStatus;
  @ApiProperty({ description: 'Open and past its due time' }) overdue: boolean;
  @ApiProperty({ nullable: true, type: Object }) outcome: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String }) completedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) completedAt: string | null;
}

export class TaskEventDto {
  @ApiProperty() type: string;
  @ApiProperty() actor: string;
  @ApiProperty() at: string;
  @ApiProperty({ type: Object }) data: Record<string, unknown>;
}

export class TaskDetailDto extends TaskDto {
  @ApiProperty({
    nullable: true,
    type: Object,
    description: 'JSON Schema (draft 2020-12) of the outcome that completes this kind of task, to build its form; null for a kind this version does not know',
  })
  outcomeSchema: Record<string, unknown> | null;
  @ApiProperty({ type: [TaskEventDto] }) history: TaskEventDto[];
}

export class CompleteTaskDto {
  @ApiProperty({ type: Object, example: { decision: 'investigation' }, description: "Fields depend on the task kind: the task's outcomeSchema" })
  @IsOptional()
  @IsObject({ message: 'outcome must be an object' })
  outcome?: Record<string, unknown>;
}

export class ReassignTaskDto {
  @ApiProperty({ example: 'reception2' })
  @Matches(/^[a-z0-9._-]{1,64}$/, { message: 'to must be a username' })
  to: string;
}

export class CommentDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(5_000)
  text: string;
}

export function toTaskDto(task: TaskEntity, caseNumber: string, now = new Date()): TaskDto {
  return {
    id: task.id,
    kind: task.kind,
    caseId: task.caseId,
    caseNumber,
    processKind: task.processKind,
    step: task.step,
    agency: task.agency,
    team: task.team,
    assignee: task.assignee,
    dueAt: task.dueAt.toISOString(),
    remindAt: task.remindAt?.toISOString() ?? null,
    status: task.status,
    overdue: task.status === 'open' && task.dueAt.getTime() < now.getTime(),
    outcome: task.outcome,
    completedBy: task.completedBy,
    completedAt: task.completedAt?.toISOString() ?? null,
  };
}

export function toTaskEventDto(event: TaskEventEntity): TaskEventDto {
  return { type: event.type, actor: event.actor, at: event.at.toISOString(), data: event.data };
}
