import { Controller, Delete, Get, HttpCode, Param, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignInSessions } from '@near/identity';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { UuidParamPipe } from '../http/uuid-param.pipe.js';
import { type AuthenticatedRequest, DuringEnrolment } from './access.decorators.js';
import { SessionDto } from './dto/session.dto.js';

/** The caller's own sign-in sessions: where it is signed in, and ending one (a lost phone, a shared computer). */
@ApiTags('auth')
@DuringEnrolment()
@Controller('auth/sessions')
export class SessionsController {
  constructor(private readonly sessions: SignInSessions) {}

  @Get()
  @ApiOperation({ summary: 'List your sign-in sessions that are still going, newest first' })
  @ApiOkResponse({ type: [SessionDto] })
  @ProblemResponses(401)
  async list(@Req() request: AuthenticatedRequest): Promise<SessionDto[]> {
    return (await this.sessions.list(request.user!.id)).map((session) => SessionDto.from(session, request.sessionId));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'End one of your sign-in sessions' })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session has ended; its tokens are refused from now on.' })
  @ProblemResponses(400, 401, 404)
  async end(@Param('id', UuidParamPipe) id: string, @Req() request: AuthenticatedRequest): Promise<void> {
    await this.sessions.endOwn(request.user!.id, id);
  }
}
