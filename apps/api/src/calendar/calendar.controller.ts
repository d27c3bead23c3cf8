import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { SessionsService } from '@near/voting';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { sessionsCalendar } from './sessions-calendar.js';

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly sessions: SessionsService) {}

  // The same sessions as GET /assemblies: every signed-in user sees every session.
  @Get('calendar.ics')
  @ApiOperation({ summary: 'The sessions and written-procedure deadlines as an iCalendar (RFC 5545)' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    description:
      'One event per session: a meeting over its days, a written procedure at its deadline; stable UID, SEQUENCE raised on change.',
    schema: { type: 'string' },
  })
  @ProblemResponses(401)
  async calendar(@Res() reply: FastifyReply): Promise<void> {
    await reply
      .header('Content-Type', 'text/calendar; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename="near-sessions.ics"')
      .header('Cache-Control', 'private, no-cache')
      .send(sessionsCalendar(await this.sessions.list()));
  }
}
