import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Acting } from '@near/identity';
import { NotificationLog } from '@near/notifications';
import { ActingUser } from '../auth/acting.decorator.js';
import { Roles } from '../auth/access.decorators.js';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { UuidParamPipe } from '../http/uuid-param.pipe.js';
import { ListNotificationsQuery, NotificationDto } from './dto/notification.dto.js';

@ApiTags('operations')
@Roles('secretariat')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly log: NotificationLog) {}

  @Get()
  @ApiOperation({ summary: 'List the e-mail notifications' })
  @ApiOkResponse({ type: [NotificationDto], description: 'Newest first.' })
  @ProblemResponses(400, 401, 403)
  async list(@Query() query: ListNotificationsQuery): Promise<NotificationDto[]> {
    return (await this.log.list(query)).map((record) => NotificationDto.from(record));
  }

  @Post(':id/retry')
  @ApiOperation({ summary: 'Queue a failed notification again' })
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationDto, description: 'A failed message is queued again (status pending).' })
  @ProblemResponses(400, 401, 403, 404, 409)
  async retry(@Param('id', UuidParamPipe) id: string, @ActingUser() acting: Acting): Promise<NotificationDto> {
    return NotificationDto.from(await this.log.retry(id, acting.audit));
  }
}
