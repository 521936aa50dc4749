import { Body, Controller, Get, HttpCode, type MessageEvent, Post, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { interval, map, merge, type Observable } from 'rxjs';
import { AlertStream } from '@sagsflow/casework';
import { AlertRepository } from '@sagsflow/persistence';
import { Allow, EVERYONE } from '../auth/allow';
import { type CurrentUser, User } from '../auth/current-user';
import { AlertDto, MarkAlertsReadDto, toAlertDto, UnreadAlertsDto } from './alert.dto';

const KEEPALIVE_MS = 25_000;

@ApiTags('events')
@ApiBearerAuth()
@Controller()
export class EventsController {
  constructor(
    private readonly stream: AlertStream,
    private readonly alerts: AlertRepository,
  ) {}

  /**
   * Live server-sent events, with a keep-alive for proxies: the signed-in user's own alerts, and
   * changes to the tasks of their agency (task.created, task.completed, task.cancelled, task.assigned)
   * so an open inbox refreshes, and new timeline entries on the cases it owns (case.changed) so an
   * open case page does.
   */
  @Sse('events')
  @Allow(...EVERYONE)
  events(@User() user: CurrentUser): Observable<MessageEvent> {
    return merge(
      this.stream.forUser(user.username).pipe(map((alert) => ({ id: alert.id, type: alert.type, data: alert }))),
      this.stream.tasksForAgency(user.agency).pipe(map((change) => ({ type: change.type, data: change }))),
      this.stream.casesForAgency(user.agency).pipe(map((change) => ({ type: change.type, data: change }))),
      interval(KEEPALIVE_MS).pipe(map(() => ({ type: 'keepalive', data: {} }))),
    );
  }

  @Get('alerts')
  @Allow(...EVERYONE)
  @ApiOkResponse({ type: [AlertDto], description: "The signed-in user's latest alerts, newest first" })
  async recent(@User() user: CurrentUser): Promise<AlertDto[]> {
    return (await this.alerts.forUser(user.username)).map(toAlertDto);
  }

  @Get('alerts/unread')
  @Allow(...EVERYONE)
  @ApiOkResponse({ type: UnreadAlertsDto })
  async unread(@User() user: CurrentUser): Promise<UnreadAlertsDto> {
    return { count: await this.alerts.unreadCount(user.username) };
  }

  /** Marks the signed-in user's alerts read (those listed, or all); never another user's. */
  @Post('alerts/read')
  @HttpCode(200)
  @Allow(...EVERYONE)
  @ApiOkResponse({ type: UnreadAlertsDto, description: 'How many stay unread' })
  async markRead(@User() user: CurrentUser, @Body() dto: MarkAlertsReadDto): Promise<UnreadAlertsDto> {
    return { count: await this.alerts.markRead(user.username, dto.ids) };
  }
}
