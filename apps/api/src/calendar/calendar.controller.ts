import { Controller, Delete, Get, HttpCode, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Acting, CalendarLinks } from '@near/identity';
import { SessionsService } from '@near/voting';
import { ActingUser } from '../auth/acting.decorator.js';
import { Public } from '../auth/access.decorators.js';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { CalendarLinkDto } from './calendar-link.dto.js';
import { sessionsCalendar } from './sessions-calendar.js';

const FEED_PATH = 'calendar/feed';

const CALENDAR_ANSWER = {
  description:
    'One event per session: a meeting over its days, a written procedure at its deadline; stable UID, SEQUENCE raised on change.',
  schema: { type: 'string' },
} as const;

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly links: CalendarLinks,
  ) {}

  // The same sessions as GET /assemblies: every signed-in user sees every session.
  @Get('calendar.ics')
  @ApiOperation({ summary: 'The sessions and written-procedure deadlines as an iCalendar (RFC 5545)' })
  @ApiProduces('text/calendar')
  @ApiOkResponse(CALENDAR_ANSWER)
  @ProblemResponses(401)
  async calendar(@Res() reply: FastifyReply): Promise<void> {
    await this.send(reply);
  }

  @Get('auth/calendar-link')
  @ApiOperation({
    summary: 'A secret calendar feed address for the caller',
    description: 'Each call gives a new address and the previous one stops working: the token is stored hashed and shown only here.',
  })
  @ApiOkResponse({ type: CalendarLinkDto })
  @ProblemResponses(401)
  async link(
    @ActingUser() acting: Acting,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CalendarLinkDto> {
    const token = await this.links.issue(acting.user.id);
    void reply.header('Cache-Control', 'no-store');
    return { url: `${request.protocol}://${request.host}/${FEED_PATH}/${token}` };
  }

  @Delete('auth/calendar-link')
  @HttpCode(204)
  @ApiOperation({ summary: "Revoke the caller's calendar feed address" })
  @ApiNoContentResponse({ description: 'The address no longer works (also when there was none).' })
  @ProblemResponses(401)
  async revoke(@ActingUser() acting: Acting): Promise<void> {
    await this.links.revoke(acting.user.id);
  }

  @Get(`${FEED_PATH}/:token`)
  @Public()
  @ApiOperation({ summary: 'The calendar under a secret feed address, for calendar applications (no sign-in)' })
  @ApiParam({ name: 'token', description: 'The secret part of the address GET /auth/calendar-link gave.' })
  @ApiProduces('text/calendar')
  @ApiOkResponse(CALENDAR_ANSWER)
  @ProblemResponses(400, 404)
  async feed(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    // Never the token in the answer: the problem's `instance` is the address with it redacted.
    if (!(await this.links.userOf(token))) throw new NotFoundException('No calendar feed at this address: it was revoked or replaced.');
    await this.send(reply);
  }

  private async send(reply: FastifyReply): Promise<void> {
    await reply
      .header('Content-Type', 'text/calendar; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename="near-sessions.ics"')
      .header('Cache-Control', 'private, no-cache')
      .send(sessionsCalendar(await this.sessions.list()));
  }
}
