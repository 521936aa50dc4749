import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export class AuditQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z0-9._-]{1,64}$/, { message: 'username must be a username' })
  username?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date-time' })
  from?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date-time' })
  to?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1, { message: 'page must be 1 or more' })
  @Max(100_000)
  page: number = 1;
}

export class AuditEntryDto {
  @ApiProperty() at: string;
  @ApiProperty() username: string;
  @ApiProperty() agency: string;
  @ApiProperty({ nullable: true, type: String }) caseId: string | null;
  @ApiProperty({ enum: ['read', 'create', 'change', 'refused'] }) action: string;
  @ApiProperty() what: string;
  @ApiProperty() purpose: string;
}
