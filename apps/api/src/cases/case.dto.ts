import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  AGENCIES,
  type Agency,
  INVESTIGATION_DECISIONS,
  type InvestigationDecision,
  MEASURE_TYPES,
  type MeasureType,
  PROCESS_KINDS,
  type ProcessKind,
  STAFF_AGENCIES,
} from '@sagsflow/domain';
import type { InvestigationStatus } from '@sagsflow/persistence';
import type { HandoverStatus, ProcessStatus } from '@sagsflow/temporal';
import { IsNotInFuture } from '../common/is-not-in-future';

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

/** A child welfare investigation (børnefaglig undersøgelse) on the case. */
export class CaseInvestigationDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'investigation-…' }) workflowId: string;
  @ApiProperty({ enum: ['open', 'concluded', 'failed', 'cancelled'] }) status: InvestigationStatus;
  @ApiProperty({ description: 'Why it was opened' }) reason: string;
  @ApiProperty({ description: 'When the municipality became aware that the child may need support; the deadline runs from here (BL §20 stk. 3)' })
  awareSince: string;
  @ApiProperty({ description: 'The conclusion is due (4 months by law; a profile may shorten it)' }) dueAt: string;
  @ApiPropertyOptional({ enum: INVESTIGATION_DECISIONS, nullable: true, type: String }) decision: InvestigationDecision | null;
  @ApiProperty() startedAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) concludedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Set once the deadline passed without a conclusion (foreløbig vurdering)' })
  preliminaryAssessmentDueAt: string | null;
  @ApiProperty({ description: 'Open and past its deadline' }) overdue: boolean;
}

/** A measure (foranstaltning); those recorded before measures ran as processes have null in the process's fields. */
export class CaseMeasureDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['preventive', 'placement'] }) kind: string;
  @ApiPropertyOptional({ enum: MEASURE_TYPES, nullable: true, type: String, description: 'Its step on the indsatstrappe' }) type: MeasureType | null;
  @ApiPropertyOptional({ nullable: true, type: String }) goal: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '2026-12-01' }) startsOn: string | null;
  @ApiProperty({ enum: ['open', 'closed'] }) status: string;
  @ApiProperty() decidedAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'measure-…' }) workflowId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The child's plan (barnets plan, BL §91) is due" }) planDueAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) planDoneAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) nextFollowUpAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) closedAt: string | null;
}

/** The case's coordinator (tovholder). */
export class TovholderDto {
  @ApiProperty() username: string;
  @ApiProperty({ enum: AGENCIES, description: 'The agency they coordinate for (theirs)' }) agency: Agency;
  @ApiProperty({ description: 'When they became tovholder (ISO-8601)' }) since: string;
}

/** A hand-over (overdragelse) waiting for the receiving agency's acceptance; until then the sender owns the case. */
export class PendingHandoverDto {
  @ApiProperty() requestId: string;
  @ApiProperty({ enum: AGENCIES }) from: Agency;
  @ApiProperty({ enum: AGENCIES }) to: Agency;
  @ApiProperty() reason: string;
  @ApiProperty({ description: 'Username, or `system` for a process' }) requestedBy: string;
  @ApiProperty() requestedAt: string;
  @ApiProperty({ description: 'When the receiving agency should have answered' }) dueAt: string;
}

export class CaseDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: '2026-000042' }) caseNumber: string;
  @ApiProperty() status: string;
  @ApiProperty({ enum: AGENCIES, description: 'The one agency that owns the case now' }) owner: Agency;
  @ApiPropertyOptional({ nullable: true, type: String }) responsibleCaseworker: string | null;
  @ApiProperty({ type: TovholderDto, nullable: true }) tovholder: TovholderDto | null;
  @ApiProperty({ type: PendingHandoverDto, nullable: true }) pendingHandover: PendingHandoverDto | null;
  @ApiProperty({ type: CaseChildDto }) child: CaseChildDto;
  @ApiProperty({ type: [CaseNotificationDto] }) notifications: CaseNotificationDto[];
  @ApiProperty({ type: [CaseInvestigationDto] }) investigations: CaseInvestigationDto[];
  @ApiProperty({ type: [CaseMeasureDto] }) measures: CaseMeasureDto[];
  @ApiProperty({ type: [CaseDeadlineDto], description: 'Every open deadline, soonest first' }) deadlines: CaseDeadlineDto[];
  @ApiProperty({ type: [CaseEventDto] }) timeline: CaseEventDto[];
}

/** An open task of a process: the deadline (frist) of the step it belongs to. */
export class ProcessDeadlineDto {
  @ApiProperty({ example: 'triage', description: 'The step of the process map' }) step: string;
  @ApiProperty({ example: 'triage', description: 'The kind of task' }) kind: string;
  @ApiProperty() dueAt: string;
  @ApiProperty({ enum: ['on-time', 'due-soon', 'overdue'] }) state: string;
}

/** A process of the case, where its workflow last recorded it on its map (drawn by GET /api/processes/:kind/bpmn). */
export class CaseProcessDto {
  @ApiProperty({ enum: PROCESS_KINDS, example: 'notification' }) kind: ProcessKind;
  @ApiProperty({ example: 'case-2026-000042' }) workflowId: string;
  @ApiProperty({ enum: ['running', 'completed', 'failed', 'cancelled', 'terminated'] }) status: ProcessStatus;
  @ApiProperty({ type: [String], example: ['triage'], description: 'Steps of the map in progress now' }) active: string[];
  @ApiProperty({ type: [String], example: ['send-receipt'], description: 'Steps of the map done at least once' }) completed: string[];
  @ApiProperty({ type: [ProcessDeadlineDto], description: 'The open tasks of this process, soonest first' }) deadlines: ProcessDeadlineDto[];
}

/** Opening a child welfare investigation (børnefaglig undersøgelse, BL §20). */
export class StartInvestigationDto {
  @ApiProperty({ description: 'Why the investigation is opened; shown with the case, never e-mailed or sent to Temporal' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'reason must be a string' })
  @IsNotEmpty({ message: 'reason must not be empty' })
  @MaxLength(2_000)
  reason: string;

  @ApiPropertyOptional({
    example: '2026-11-20T09:30:00+01:00',
    description: 'When the municipality became aware that the child may need support (ISO-8601); the 4 months run from here. Default: now',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'awareSince must be an ISO-8601 date-time' })
  @IsNotInFuture()
  awareSince?: string;
}

export class InvestigationStartedDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'investigation-…' }) workflowId: string;
  @ApiProperty({ description: 'The conclusion is due (ISO-8601)' }) dueAt: string;
}

/** Starting a preventive measure (forebyggende foranstaltning, BL §32). */
export class StartMeasureDto {
  @ApiProperty({ enum: MEASURE_TYPES, description: 'The step on the indsatstrappe' })
  @IsIn(MEASURE_TYPES, { message: `type must be one of ${MEASURE_TYPES.join(', ')}` })
  type: MeasureType;

  @ApiProperty({ description: 'What the measure is to achieve' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'goal must be a string' })
  @IsNotEmpty({ message: 'goal must not be empty' })
  @MaxLength(2_000)
  goal: string;

  @ApiProperty({ example: '2026-12-01', description: 'The day the measure starts (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'startsOn must be a date (YYYY-MM-DD)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'startsOn must be a date (YYYY-MM-DD)' })
  startsOn: string;
}

export class MeasureStartedDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'measure-…' }) workflowId: string;
}

/** A person's request to hand the case to another agency (overdragelse). */
export class HandoverRequestDto {
  @ApiProperty({ enum: STAFF_AGENCIES, description: 'The receiving agency: a staff agency other than the owner' })
  @IsString({ message: 'to must be an agency' })
  to: string;

  @ApiProperty({ description: 'Why the case should move; shown with the case, never e-mailed' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'reason must be a string' })
  @IsNotEmpty({ message: 'reason must not be empty' })
  @MaxLength(2_000)
  reason: string;
}

/** Asking another agency for a contribution without handing the case over (inddragelse). */
export class InvolvementRequestDto {
  @ApiProperty({ enum: STAFF_AGENCIES, description: 'The agency asked to contribute: a staff agency other than the owner' })
  @IsString({ message: 'agency must be an agency' })
  agency: string;

  @ApiProperty({
    example: 'PPR assessment',
    maxLength: 200,
    description: 'What is asked of them, e.g. "PPR assessment" — no personal data: it is shown in the case’s timeline and kept in the process history',
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'what must be a string' })
  @IsNotEmpty({ message: 'what must not be empty' })
  @MaxLength(200, { message: 'what must be at most 200 characters' })
  what: string;
}

export class InvolvementResultDto {
  @ApiProperty({ description: 'The contribution task the agency was given' }) taskId: string;
}

export class SetTovholderDto {
  @ApiProperty({ example: 'caseworker2', description: 'An active member of an agency the policy lets be tovholder' })
  @Matches(/^[a-z0-9._-]{1,64}$/, { message: 'username must be a username' })
  username: string;
}

export class HandoverResultDto {
  @ApiProperty() requestId: string;
  @ApiProperty({ enum: ['pending', 'accepted', 'declined', 'already-owner', 'cancelled'] }) status: HandoverStatus;
  @ApiProperty({ enum: AGENCIES, description: 'The owner now: the sender until the receiver accepts' }) owner: Agency;
  @ApiPropertyOptional({ description: 'Who accepted or declined' }) by?: string;
  @ApiPropertyOptional({ description: 'Why it was declined or cancelled' }) reason?: string;
}
