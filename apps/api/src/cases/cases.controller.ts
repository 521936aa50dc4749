import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Audit } from '../audit/audit';
import { Allow, STAFF } from '../auth/allow';
import { type CurrentUser, User } from '../auth/current-user';
import { CaseDto, RecordMeasureDto } from './case.dto';
import { CasesService } from './cases.service';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get(':id')
  @Allow(...STAFF)
  @Audit({ action: 'read', what: 'case', purpose: 'casework', caseIdFrom: { param: 'id' } })
  @ApiOkResponse({ type: CaseDto })
  get(@User() user: CurrentUser, @Param('id', ParseUUIDPipe) id: string): Promise<CaseDto> {
    return this.cases.get(user, id);
  }

  @Post(':id/measures')
  @HttpCode(200)
  @Allow('AUTHORITY')
  @Audit({ action: 'change', what: 'case', purpose: 'decision on a measure', caseIdFrom: { param: 'id' } })
  recordMeasure(@User() user: CurrentUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RecordMeasureDto) {
    return this.cases.recordMeasure(user, id, dto.kind);
  }
}
