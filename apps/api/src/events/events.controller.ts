import { Controller, Get, type MessageEvent, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { interval, map, merge, type Observable } from 'rxjs';
import { AlertStream } from '@sagsflow/casework';
import { AlertRepository } from '@sagsflow/persistence';
import { Allow, EVERYONE } from '../auth/allow';
import { type CurrentUser, User } from '../auth/current-user';

const KEEPALIVE_MS = 25_000;

@ApiTags('events')
@ApiBearerAuth()
@Controller()
export class EventsController {
  constructor(
    private readonly stream: AlertStream,
    private readonly alerts: AlertRepository,
  ) {}

  /** Live alerts for the signed-in user only (server-sent events), with a keep-alive for proxies. */
  @Sse('events')
  @Allow(...EVERYONE)
  events(@User() user: CurrentUser): Observable<MessageEvent> {
    return merge(
      this.stream.forUser(user.username).pipe(map((alert) => ({ id: alert.id, type: alert.type, data: alert }))),
      interval(KEEPALIVE_MS).pipe(map(() => ({ type: 'keepalive', data: {} }))),
    );
  }

  @Get('alerts')
  @Allow(...EVERYONE)
  @ApiOkResponse({ description: "The signed-in user's latest alerts, newest first" })
  async recent(@User() user: CurrentUser) {
    return (await this.alerts.forUser(user.username)).map((a) => ({
      id: a.id,
      type: a.type,
      taskId: a.taskId,
      caseId: a.caseId,
      data: a.data,
      createdAt: a.createdAt.toISOString(),
    }));
  }
}
