import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CreateNotificationDto, NotificationCreatedDto } from './notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Post()
  @ApiCreatedResponse({ type: NotificationCreatedDto })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed; the body names it' })
  create(@Body() dto: CreateNotificationDto): Promise<NotificationCreatedDto> {
    return this.notifications.receive(dto);
  }
}
