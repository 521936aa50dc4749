import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  InvestigationStartedDto,
  InvolvementRequestDto,
  InvolvementResultDto,
  MeasureStartedDto,
  SetTovholderDto,
  StartInvestigationDto,
  StartMeasureDto,
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

  /** 201: the investigation's workflow is started (or owed to the outbox); 409 while one is open on the case. */
  @Post(':id/investigations')
  @Allow('AUTHORITY')
  @Audit({ action: 'change', what: 'case', purpose: 'start of a child welfare investigation', caseIdFrom: { param: 'id' } })
  @ApiCreatedResponse({ type: InvestigationStartedDto })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Makes a retried request return the first answer, never a second investigation' })
  startInvestigation(
    @User() user: CurrentUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: StartInvestigationDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<InvestigationStartedDto> {
    return this.cases.startInvestigation(user, id, dto, checkedIdempotencyKey(idempotencyKey));
  }

  /** 201: the measure's workflow is started (or owed to the outbox); several measures may run at once. */
  @Post(':id/measures')
  @Allow('AUTHORITY')
  @Audit({ action: 'change', what: 'case', purpose: 'decision on a measure', caseIdFrom: { param: 'id' } })
  @ApiCreatedResponse({ type: MeasureStartedDto })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Makes a retried request return the first answer, never a second measure' })
  startMeasure(
    @User() user: CurrentUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: StartMeasureDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<MeasureStartedDto> {
    return this.cases.startMeasure(user, id, dto, checkedIdempotencyKey(idempotencyKey));
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
