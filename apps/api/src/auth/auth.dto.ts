import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class DevLoginDto {
  @ApiProperty({ example: 'reception1' })
  @Matches(/^[a-z0-9._-]{1,64}$/, { message: 'username must be 1–64 lowercase letters, digits, dots, dashes or underscores' })
  username: string;
}

export class AccessTokenDto {
  @ApiProperty() accessToken: string;
}

export class MeDto {
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty() agency: string;
  @ApiProperty() team: string;
  @ApiProperty() role: string;
}
