import { Body, Controller, Headers, Post, UseGuards } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { UserOrAddressThrottlerGuard } from '../security/throttling';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Audit } from '../audit/audit';
import { Allow } from '../auth/allow';
import { type CurrentUser, User } from '../auth/current-user';
import { checkedIdempotencyKey } from '../common/idempotency';
import { CreateNotificationDto, NotificationCreatedDto } from './notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Post()
  @Allow('RECEPTION', 'AUTHORITY', 'ADVISORY_TEAM', 'PPR', 'JOBCENTER_UNG')
  @Audit({ action: 'create', what: 'notification', purpose: 'intake of a notification' })
  @UseGuards(UserOrAddressThrottlerGuard)
  @SkipThrottle({ login: true })
  @ApiCreatedResponse({ type: NotificationCreatedDto })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed; the body names it' })
  @ApiConflictResponse({
    description:
      'A child without a CPR number with this name and birth date is known: `matches` lists them; send again with child.sameAs or child.distinct',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Makes a retried request return the first result' })
  create(
    @User() user: CurrentUser,
    @Body() dto: CreateNotificationDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<NotificationCreatedDto> {
    return this.notifications.receive(user, dto, checkedIdempotencyKey(idempotencyKey));
  }
}
