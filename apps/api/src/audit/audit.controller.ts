import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuditRepository } from '@sagsflow/persistence';
import { Allow } from '../auth/allow';
import { sendPage } from '../tasks/pagination';
import { AuditEntryDto, AuditQueryDto } from './audit.dto';

const PAGE_SIZE = 100;

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  /** The audit log, newest first, for administrators. */
  @Get()
  @Allow('ADMIN')
  @ApiOkResponse({ type: [AuditEntryDto] })
  async find(@Query() query: AuditQueryDto, @Res({ passthrough: true }) res: Response): Promise<AuditEntryDto[]> {
    const { items, total } = await this.audit.find({
      caseId: query.caseId,
      username: query.username,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      page: query.page,
      pageSize: PAGE_SIZE,
    });
    const entries = items.map((e) => ({
      at: e.at.toISOString(),
      username: e.username,
      agency: e.agency,
      caseId: e.caseId,
      action: e.action,
      what: e.what,
      purpose: e.purpose,
    }));
    return sendPage(res, query.page, { items: entries, total, totalCapped: false }, PAGE_SIZE);
  }
}
