import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Audit } from '../audit/audit';
import { Allow, STAFF } from '../auth/allow';
import { type CurrentUser, User } from '../auth/current-user';
import { CommentDto, CompleteTaskDto, InboxQueryDto, ReassignTaskDto, TaskDetailDto, TaskDto } from './task.dto';
import { TasksService } from './tasks.service';
import { sendPage } from './pagination';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  /** Audited as one read: the list carries outcomes, which are case data. */
  @Get()
  @Allow(...STAFF)
  @Audit({ action: 'read', what: 'tasks', purpose: 'casework', caseIdFrom: 'none' })
  @ApiOkResponse({ type: [TaskDto], description: 'Sorted by due time; X-Total-Count and Link headers page it' })
  async inbox(@User() user: CurrentUser, @Query() query: InboxQueryDto, @Res({ passthrough: true }) res: Response) {
    return sendPage(res, query.page, await this.tasks.inbox(user, query));
  }

  @Get(':id')
  @Allow(...STAFF)
  @Audit({ action: 'read', what: 'task', purpose: 'casework' })
  @ApiOkResponse({ type: TaskDetailDto })
  get(@User() user: CurrentUser, @Param('id', ParseUUIDPipe) id: string): Promise<TaskDetailDto> {
    return this.tasks.get(user, id);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Allow(...STAFF)
  @Audit({ action: 'change', what: 'task', purpose: 'casework' })
  @ApiOkResponse({ type: TaskDto })
  complete(@User() user: CurrentUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CompleteTaskDto): Promise<TaskDto> {
    return this.tasks.complete(user, id, dto.outcome);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @Allow(...STAFF)
  @Audit({ action: 'change', what: 'task', purpose: 'casework' })
  @ApiOkResponse({ type: TaskDto })
  claim(@User() user: CurrentUser, @Param('id', ParseUUIDPipe) id: string): Promise<TaskDto> {
    return this.tasks.claim(user, id);
  }

  @Post(':id/release')
  @HttpCode(200)
  @Allow(...STAFF)
  @Audit({ action: 'change', what: 'task', purpose: 'casework' })
  @ApiOkResponse({ type: TaskDto })
  release(@User() user: CurrentUser, @Param('id', ParseUUIDPipe) id: string): Promise<TaskDto> {
    return this.tasks.release(user, id);
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @Allow(...STAFF)
  @Audit({ action: 'change', what: 'task', purpose: 'casework' })
  @ApiOkResponse({ type: TaskDto })
  reassign(@User() user: CurrentUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReassignTaskDto): Promise<TaskDto> {
    return this.tasks.reassign(user, id, dto.to);
  }

  @Post(':id/comments')
  @Allow(...STAFF)
  @Audit({ action: 'change', what: 'task', purpose: 'casework' })
  @ApiOkResponse({ type: TaskDetailDto })
  comment(@User() user: CurrentUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CommentDto): Promise<TaskDetailDto> {
    return this.tasks.comment(user, id, dto.text);
  }
}
