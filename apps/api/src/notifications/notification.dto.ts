import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { NOTIFICATION_SOURCES, type NotificationSource } from '@sagsflow/domain';
import { IsNotInFuture } from '../common/is-not-in-future';

/** A notification of concern (underretning) as it arrives. */
export class CreateNotificationDto {
  @ApiProperty({ enum: NOTIFICATION_SOURCES, description: 'Who notified' })
  @IsIn(NOTIFICATION_SOURCES as unknown as string[], { message: `source must be one of ${NOTIFICATION_SOURCES.join(', ')}` })
  source: NotificationSource;

  @ApiProperty({ example: '2026-11-20T09:30:00+01:00', description: 'When the municipality received it (ISO-8601)' })
  @IsISO8601({ strict: true }, { message: 'receivedAt must be an ISO-8601 date-time' })
  @IsNotInFuture()
  receivedAt: string;

  @ApiProperty({ description: 'What the notifier is worried about' })
  @IsString()
  @IsNotEmpty({ message: 'concern must not be empty' })
  @MaxLength(20_000)
  concern: string;
}

export class NotificationCreatedDto {
  @ApiProperty() id: string;
  @ApiProperty() caseId: string;
  @ApiProperty({ example: 'notification-7f0c…' }) workflowId: string;
}
