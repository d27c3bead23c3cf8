import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '@near/config';
import { SignInUnlocks } from '@near/identity';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { Public } from './access.decorators.js';
import { UnlockConfirmDto, UnlockRequestDto } from './dto/unlock.dto.js';
import { publicRequestContext } from './public-request.js';
import { setDeviceCookie } from './session-cookies.js';

@ApiTags('auth')
@Controller('auth')
export class UnlockController {
  constructor(
    private readonly unlocks: SignInUnlocks,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('unlock')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask for an e-mailed link to sign in past the delays of failed sign-ins',
    description:
      'Answers 202 at once, whether or not the address belongs to a user, and in the same time. When failed sign-ins now slow the account of an active user, a link (valid 30 minutes, single use) is e-mailed to them; otherwise nothing is sent. A second request within a minute sends nothing more.',
  })
  @ApiAcceptedResponse({ description: 'Taken; if the address is a slowed user’s, a link is on its way.' })
  @ProblemResponses(400, 413, 415)
  requestUnlock(@Body() body: UnlockRequestDto, @Req() request: FastifyRequest): void {
    this.unlocks.requestUnlock(body.email, publicRequestContext(request));
  }

  @Public()
  @Post('unlock/confirm')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Use the e-mailed unlock link: this browser signs in past the delays',
    description:
      'The link works once. It sets the `near_device` cookie: this browser is then slowed only by its own failed sign-ins, not by anyone else’s. It does not sign in: POST /auth/login (and the second factor) follow as usual.',
  })
  @ApiNoContentResponse({ description: 'This browser may sign in past the delays.' })
  @ProblemResponses(400, 413, 415)
  async confirmUnlock(
    @Body() body: UnlockConfirmDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    setDeviceCookie(reply, this.config, await this.unlocks.confirmUnlock(body.token, publicRequestContext(request)));
  }
}
