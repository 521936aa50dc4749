import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsUUID, ValidateIf } from 'class-validator';
import { toAlertEvent } from '@sagsflow/casework';
import type { AlertEntity } from '@sagsflow/persistence';

export class AlertDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'task.assigned' }) type: string;
  @ApiProperty({ example: 'Ny opgave: Vurdering af underretning', description: 'The headline in Danish' }) subject: string;
  @ApiProperty({ nullable: true, type: String }) taskId: string | null;
  @ApiProperty({ nullable: true, type: String }) caseId: string | null;
  @ApiProperty({ type: Object, description: 'Identifiers and task facts, never personal data' }) data: Record<string, unknown>;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'When the user marked it read; null while unread' }) readAt: string | null;
}

export class UnreadAlertsDto {
  @ApiProperty({ description: "The signed-in user's unread alerts" }) count: number;
}

export class MarkAlertsReadDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 200, description: 'The alerts to mark read; all of yours when left out' })
  // Left out means all; null is refused rather than read as "all", so a client bug cannot clear the badge.
  @ValidateIf((dto: MarkAlertsReadDto) => dto.ids !== undefined)
  @IsArray({ message: 'ids must be an array' })
  @ArrayMaxSize(200, { message: 'ids must hold at most 200 alert ids' })
  @IsUUID('all', { each: true, message: 'ids must hold alert ids (UUIDs)' })
  ids?: string[];
}

/** An alert as its owner reads it: what the live stream sends, less the username, with its read state. */
export function toAlertDto(alert: AlertEntity): AlertDto {
  const { username, ...shown } = toAlertEvent(alert);
  return { ...shown, readAt: alert.readAt?.toISOString() ?? null };
}
