import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export class CaseChildDto {
  @ApiPropertyOptional({ nullable: true, type: String }) cpr: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) name: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) birthDate: string | null;
}

export class CaseNotificationDto {
  @ApiProperty() id: string;
  @ApiProperty() source: string;
  @ApiPropertyOptional({ nullable: true, type: String }) professionalKind: string | null;
  @ApiProperty() receivedAt: string;
  @ApiProperty() abuse: boolean;
  @ApiProperty() acute: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) decision: string | null;
  @ApiProperty() workflowId: string;
}

export class CaseDeadlineDto {
  @ApiProperty({ enum: ['task', 'letter'] }) source: 'task' | 'letter';
  @ApiProperty({ example: 'triage' }) what: string;
  @ApiProperty() dueAt: string;
  @ApiProperty({ enum: ['on-time', 'due-soon', 'overdue'] }) state: string;
  @ApiPropertyOptional({ nullable: true, type: String }) taskId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) owner: string | null;
}

export class CaseEventDto {
  @ApiProperty() type: string;
  @ApiProperty() actor: string;
  @ApiProperty() at: string;
  @ApiProperty({ type: Object }) data: Record<string, unknown>;
}

export class CaseMeasureDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['preventive', 'placement'] }) kind: string;
  @ApiProperty() status: string;
  @ApiProperty() decidedAt: string;
}

export class CaseDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: '2026-000042' }) caseNumber: string;
  @ApiProperty() status: string;
  @ApiProperty({ description: 'The one agency that owns the case now' }) ownerAgency: string;
  @ApiPropertyOptional({ nullable: true, type: String }) responsibleCaseworker: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'tovholder' }) coordinator: string | null;
  @ApiProperty({ type: CaseChildDto }) child: CaseChildDto;
  @ApiProperty({ type: [CaseNotificationDto] }) notifications: CaseNotificationDto[];
  @ApiProperty({ type: [CaseMeasureDto] }) measures: CaseMeasureDto[];
  @ApiProperty({ type: [CaseDeadlineDto], description: 'Every open deadline, soonest first' }) deadlines: CaseDeadlineDto[];
  @ApiProperty({ type: [CaseEventDto] }) timeline: CaseEventDto[];
}

export class RecordMeasureDto {
  @ApiProperty({ enum: ['preventive', 'placement'] })
  @IsIn(['preventive', 'placement'], { message: 'kind must be one of preventive, placement' })
  kind: 'preventive' | 'placement';
}
