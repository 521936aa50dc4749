import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { HandoverResult, Tovholder } from '@sagsflow/temporal';
import { Audit } from '../audit/audit';
import { Allow, STAFF } from '../auth/allow';
import { type CurrentUser, User } from '../auth/current-user';
import { checkedIdempotencyKey } from '../common/idempotency';
import {
  CaseDto,
  CaseProcessDto,
  HandoverRequestDto,
  HandoverResultDto,
  InvolvementRequestDto,
  InvolvementResultDto,
  RecordMeasureDto,
  SetTovholderDto,
  TovholderDto,
} from './case.dto';
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

  @Get(':id/processes')
  @Allow(...STAFF)
  @Audit({ action: 'read', what: 'case', purpose: 'casework', caseIdFrom: { param: 'id' } })
  @ApiOkResponse({ type: [CaseProcessDto] })
  processes(@User() user: CurrentUser, @Param('id', ParseUUIDPipe) id: string): Promise<CaseProcessDto[]> {
    return this.cases.processes(user, id);
  }

  @Post(':id/measures')
  @HttpCode(200)
  @Allow('AUTHORITY')
  @Audit({ action: 'change', what: 'case', purpose: 'decision on a measure', caseIdFrom: { param: 'id' } })
  recordMeasure(@User() user: CurrentUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RecordMeasureDto) {
    return this.cases.recordMeasure(user, id, dto.kind);
  }

  /** 202: the hand-over waits for the receiving agency's acceptance; until then the sender owns the case. */
  @Post(':id/handovers')
  @HttpCode(202)
  @Allow(...STAFF)
  @Audit({ action: 'change', what: 'case', purpose: 'hand-over of the case', caseIdFrom: { param: 'id' } })
  @ApiAcceptedResponse({ type: HandoverResultDto })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Makes a retried request return the first answer' })
  requestHandover(
    @User() user: CurrentUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: HandoverRequestDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<HandoverResult> {
    return this.cases.requestHandover(user, id, dto, checkedIdempotencyKey(idempotencyKey));
  }

  /** 202: the agency gets a contribution task (inddragelse); the owner stays. */
  @Post(':id/involvements')
  @HttpCode(202)
  @Allow(...STAFF)
  @Audit({ action: 'change', what: 'case', purpose: 'involvement of another agency', caseIdFrom: { param: 'id' } })
  @ApiAcceptedResponse({ type: InvolvementResultDto })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Makes a retried request return the first answer, never a second task' })
  involveAgency(
    @User() user: CurrentUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: InvolvementRequestDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<InvolvementResultDto> {
    return this.cases.involveAgency(user, id, dto, checkedIdempotencyKey(idempotencyKey));
  }

  @Put(':id/tovholder')
  @Allow(...STAFF)
  @Audit({ action: 'change', what: 'case', purpose: 'choice of tovholder', caseIdFrom: { param: 'id' } })
  @ApiOkResponse({ type: TovholderDto })
  setTovholder(@User() user: CurrentUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SetTovholderDto): Promise<Tovholder | null> {
    return this.cases.setTovholder(user, id, dto.username);
  }
}
