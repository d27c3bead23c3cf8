import { Body, Controller, HttpCode, Post, Put, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { type Acting, PasswordsService } from '@near/identity';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { Public } from './access.decorators.js';
import { type AuthenticatedRequest } from './access.decorators.js';
import { ActingUser } from './acting.decorator.js';
import { AcceptInvitationDto } from './dto/accept-invitation.dto.js';
import { ChangePasswordDto } from './dto/change-password.dto.js';
import { PasswordResetConfirmDto } from './dto/password-reset-confirm.dto.js';
import { PasswordResetRequestDto } from './dto/password-reset-request.dto.js';
import { publicRequestContext } from './public-request.js';

@ApiTags('auth')
@Controller('auth')
export class PasswordsController {
  constructor(private readonly passwords: PasswordsService) {}

  @Put('password')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Change your own password',
    description:
      'Needs the current password. A "your password was changed" e-mail follows; unused reset links stop working. Wrong current passwords are slowed as failed sign-ins are (429 with Retry-After).',
  })
  @ApiNoContentResponse({ description: 'Changed.' })
  @ProblemResponses(400, 401, 412, 413, 415, 429)
  async change(@Body() body: ChangePasswordDto, @ActingUser() acting: Acting, @Req() request: AuthenticatedRequest): Promise<void> {
    await this.passwords.change(acting, body.currentPassword, body.newPassword, request.sessionId);
  }

  @Public()
  @Post('password-reset')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask for a password reset link by e-mail',
    description:
      'Answers 202 at once, whether or not the address belongs to a user, and in the same time: the link (valid one hour, single use) is e-mailed afterwards, to an active or invited user only. A second request within a minute sends nothing more.',
  })
  @ApiAcceptedResponse({ description: 'Taken; if the address is a user’s, a link is on its way.' })
  @ProblemResponses(400, 413, 415)
  requestReset(@Body() body: PasswordResetRequestDto, @Req() request: FastifyRequest): void {
    this.passwords.requestReset(body.email, publicRequestContext(request));
  }

  @Public()
  @Post('password-reset/confirm')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Choose a new password with the e-mailed reset link',
    description: 'The link works once; a password the rules refuse leaves it unused. A "your password was changed" e-mail follows.',
  })
  @ApiNoContentResponse({ description: 'The new password is set.' })
  @ProblemResponses(400, 413, 415)
  async confirmReset(@Body() body: PasswordResetConfirmDto, @Req() request: FastifyRequest): Promise<void> {
    await this.passwords.confirmReset(body.token, body.newPassword, publicRequestContext(request));
  }

  @Public()
  @Post('invitations/accept')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Accept an invitation by choosing a password',
    description: 'With the token of the e-mailed invitation link (valid 72 hours, single use); then sign in with POST /auth/login.',
  })
  @ApiNoContentResponse({ description: 'The password is set; the user is active.' })
  @ProblemResponses(400, 413, 415)
  async acceptInvitation(@Body() body: AcceptInvitationDto, @Req() request: FastifyRequest): Promise<void> {
    await this.passwords.acceptInvitation(body.token, body.password, publicRequestContext(request));
  }
}
