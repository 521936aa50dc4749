import { Body, Controller, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Audit } from '../audit/audit';
import { Allow } from '../auth/allow';
import { StaffDto, UpdateStaffDto } from './staff.dto';
import { StaffService } from './staff.service';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Patch(':username')
  @Allow('ADMIN')
  @Audit({ action: 'change', what: 'staff', purpose: 'staff administration', caseIdFrom: 'none' })
  @ApiOkResponse({ type: StaffDto })
  @ApiNotFoundResponse({ description: 'No staff member with that username' })
  update(@Param('username') username: string, @Body() dto: UpdateStaffDto): Promise<StaffDto> {
    return this.staff.setActive(username, dto.active);
  }
}
