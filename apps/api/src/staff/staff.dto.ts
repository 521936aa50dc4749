import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { AGENCIES, type Agency } from '@sagsflow/domain';

export class UpdateStaffDto {
  @ApiProperty({ description: 'false: the person left (deactivated); true: re-activated' })
  @IsBoolean({ message: 'active must be true or false' })
  active: boolean;
}

export class StaffDto {
  @ApiProperty() username: string;
  @ApiProperty({ enum: AGENCIES }) agency: Agency;
  @ApiProperty() team: string;
  @ApiProperty({ example: 'caseworker' }) role: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'Open cases this person was tovholder of, whose case workflows were told to choose another' })
  casesToReassign: number;
}
