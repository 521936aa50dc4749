import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { NOTIFICATION_SOURCES, type NotificationSource, parseCpr, PROFESSIONAL_KINDS } from '@sagsflow/domain';
import { IsNotInFuture } from '../common/is-not-in-future';
import { Rule } from '../common/rule';

/**
 * A CPR number whose birth date exists and is not in the future (the modulus-11 check is not a
 * validity rule since 2007).
 */
const IsCpr = () =>
  Rule(
    'isCpr',
    (value) => typeof value === 'string' && parseCpr(value, new Date()).ok,
    (args) => {
      const parsed = parseCpr(String(args.value ?? ''), new Date());
      return `child.cpr ${parsed.ok ? 'is invalid' : parsed.reason}`;
    },
  );

const IsNotInAnonymous = () =>
  Rule(
    'isNotInAnonymous',
    (value, dto) => !(value && (dto as CreateNotificationDto).source === 'anonymous'),
    'notifier must be absent for an anonymous notification',
  );

const IsDefinedObject = (field: string) =>
  Rule(
    'isDefinedObject',
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    `${field} is required (cpr, or name and birthDate)`,
  );

export class ChildDto {
  @ApiPropertyOptional({ example: '010203-1234', description: 'CPR number (ddmmyy-ssss)' })
  @IsOptional()
  @IsCpr()
  cpr?: string;

  @ApiPropertyOptional({ description: 'Required, with birthDate, for a child without a CPR number' })
  @ValidateIf((child: ChildDto) => !child.cpr || child.name !== undefined)
  @IsString({ message: 'child.name is required when there is no child.cpr' })
  @IsNotEmpty({ message: 'child.name must not be empty' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: '2014-05-17' })
  @ValidateIf((child: ChildDto) => !child.cpr || child.birthDate !== undefined)
  @IsISO8601({ strict: true }, { message: 'child.birthDate must be a date (YYYY-MM-DD) and is required when there is no child.cpr' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'child.birthDate must be a date (YYYY-MM-DD)' })
  @IsNotInFuture({ message: 'child.birthDate must not be in the future' })
  birthDate?: string;

  @ApiPropertyOptional({
    description:
      'Reception confirms that this child without a CPR number is the known child with this id (from the 409 that listed the matches)',
  })
  @IsOptional()
  @IsWithoutCpr('sameAs')
  @IsUUID('all', { message: 'child.sameAs must be the id of a child' })
  sameAs?: string;

  @ApiPropertyOptional({ description: 'Reception confirms that this child without a CPR number is none of the known children with this name and birth date' })
  @IsOptional()
  @IsWithoutCpr('distinct')
  @IsBoolean({ message: 'child.distinct must be true or false' })
  @Rule('notWithSameAs', (value, child) => !(value && (child as ChildDto).sameAs), 'child.distinct and child.sameAs exclude each other')
  distinct?: boolean;
}

/** A child was either matched by hand or has a CPR number, never both. */
function IsWithoutCpr(field: string) {
  return Rule('withoutCpr', (value, child) => value === undefined || !(child as ChildDto).cpr, `child.${field} is only for a child without child.cpr`);
}

/** A known child without a CPR number with the same name and birth date, for reception to confirm or rule out. */
export class ChildMatchDto {
  @ApiProperty() childId: string;
  @ApiPropertyOptional({ nullable: true, description: "The child's open case, if any" }) caseId: string | null;
  @ApiPropertyOptional({ nullable: true }) caseNumber: string | null;
}

export class NotifierDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'notifier.name must not be empty' })
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail({}, { message: 'notifier.email must be an e-mail address' })
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\+?[0-9 ]{8,20}$/, { message: 'notifier.phone must be a phone number' })
  phone?: string;
}

/** A notification of concern (underretning) as it arrives. */
export class CreateNotificationDto {
  @ApiProperty({ enum: NOTIFICATION_SOURCES, description: 'Who notified' })
  @IsIn(NOTIFICATION_SOURCES as unknown as string[], { message: `source must be one of ${NOTIFICATION_SOURCES.join(', ')}` })
  source: NotificationSource;

  @ApiPropertyOptional({ enum: PROFESSIONAL_KINDS, description: 'Required for a professional notifier' })
  @ValidateIf((dto: CreateNotificationDto) => dto.source === 'professional' || dto.professionalKind !== undefined)
  @IsIn(PROFESSIONAL_KINDS as unknown as string[], {
    message: `professionalKind must be one of ${PROFESSIONAL_KINDS.join(', ')} (required for a professional notifier)`,
  })
  professionalKind?: string;

  @ApiPropertyOptional({ type: NotifierDto, description: 'Required for a professional (who gets a receipt); absent when anonymous' })
  @ValidateIf((dto: CreateNotificationDto) => dto.source === 'professional' || dto.notifier !== undefined)
  @IsDefined({ message: 'notifier is required for a professional notifier (they get a receipt)' })
  @IsNotInAnonymous()
  @ValidateNested()
  @Type(() => NotifierDto)
  notifier?: NotifierDto;

  @ApiProperty({ example: '2026-11-20T09:30:00+01:00', description: 'When the municipality received it (ISO-8601)' })
  @IsISO8601({ strict: true }, { message: 'receivedAt must be an ISO-8601 date-time' })
  @IsNotInFuture()
  receivedAt: string;

  @ApiProperty({ type: ChildDto })
  @ValidateNested()
  @Type(() => ChildDto)
  @IsDefinedObject('child')
  child: ChildDto;

  @ApiProperty({ description: 'What the notifier is worried about' })
  @IsString({ message: 'concern must be a string' })
  @IsNotEmpty({ message: 'concern must not be empty' })
  @MaxLength(20_000)
  concern: string;

  @ApiProperty({ description: 'Suspected abuse (overgreb): investigation and a conversation with the child are mandatory' })
  @IsBoolean({ message: 'abuse must be true or false' })
  abuse: boolean;

  @ApiProperty({ description: 'The child may need action at once' })
  @IsBoolean({ message: 'acute must be true or false' })
  acute: boolean;
}

export class NotificationCreatedDto {
  @ApiProperty() id: string;
  @ApiProperty() caseId: string;
  @ApiProperty({ example: 'notification-7f0c…' }) workflowId: string;
}
