import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '@near/config';
import { AuthService, type AuthenticatedUser, IdentityError, IdentityErrorCode, type SignedIn } from '@near/identity';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { type AuthenticatedRequest, CurrentUser, DuringEnrolment, Public } from './access.decorators.js';
import { MeDto } from './dto/me.dto.js';
import { MfaRequiredDto, SecondStepDto } from './dto/second-step.dto.js';
import { SignInResponseDto } from './dto/sign-in-response.dto.js';
import { SignInDto } from './dto/sign-in.dto.js';
import { clearRefreshCookie, cookieOf, DEVICE_COOKIE, REFRESH_COOKIE, setSessionCookies } from './session-cookies.js';

const originOf = (request: FastifyRequest) => ({
  clientAddress: request.ip,
  requestId: request.id,
  userAgent: request.headers['user-agent'],
  deviceToken: cookieOf(request, DEVICE_COOKIE),
});

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @ApiOperation({
    summary: 'Sign in with e-mail and password',
    description:
      'Answers a bearer token and sets the refresh cookie; for a user with a second factor, answers `{mfaRequired, mfaToken}` instead (then POST /auth/login/totp).',
  })
  @HttpCode(200)
  @ApiExtraModels(SignInResponseDto, MfaRequiredDto)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(SignInResponseDto) }, { $ref: getSchemaPath(MfaRequiredDto) }] } })
  @ProblemResponses(400, 401, 413, 415, 429)
  async signIn(
    @Body() body: SignInDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInResponseDto | MfaRequiredDto> {
    const outcome = await this.auth.signIn(body.email, body.password, originOf(request));
    return 'mfaRequired' in outcome ? outcome : this.signedIn(reply, outcome);
  }

  @Public()
  @Post('login/totp')
  @ApiOperation({ summary: 'Complete a sign-in with a code of the second factor (TOTP or recovery code)' })
  @HttpCode(200)
  @ApiOkResponse({ type: SignInResponseDto })
  @ProblemResponses(400, 401, 413, 415, 429)
  async completeSignIn(
    @Body() body: SecondStepDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInResponseDto> {
    return this.signedIn(reply, await this.auth.completeSecondStep(body.mfaToken, body.code, originOf(request)));
  }

  @Public()
  @Post('refresh')
  @ApiOperation({
    summary: 'A new access token for the session of the refresh cookie',
    description: 'The refresh cookie is rotated: the one sent is spent, and sending it again ends the whole session.',
  })
  @HttpCode(200)
  @ApiOkResponse({ type: SignInResponseDto })
  @ProblemResponses(401, 413, 415)
  async refresh(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SignInResponseDto> {
    const token = cookieOf(request, REFRESH_COOKIE);
    try {
      if (!token) throw new IdentityError(IdentityErrorCode.InvalidRefreshToken, 'No refresh cookie came with the request; sign in again.');
      return this.signedIn(reply, await this.auth.refresh(token, originOf(request)));
    } catch (error) {
      if (error instanceof IdentityError) clearRefreshCookie(reply, this.config);
      throw error;
    }
  }

  @DuringEnrolment()
  @Post('logout')
  @ApiOperation({ summary: 'Sign out: end the session of the bearer token and its refresh cookie' })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session has ended.' })
  @ProblemResponses(401, 413, 415)
  async signOut(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.signOut(request.sessionId!);
    clearRefreshCookie(reply, this.config);
  }

  @DuringEnrolment()
  @Get('me')
  @ApiOperation({ summary: 'Show the signed-in user' })
  @ApiOkResponse({ type: MeDto })
  @ProblemResponses(401)
  me(@CurrentUser() user: AuthenticatedUser, @Req() request: AuthenticatedRequest): MeDto {
    return { ...user, secondFactor: request.secondFactor === true };
  }

  private signedIn(reply: FastifyReply, signedIn: SignedIn): SignInResponseDto {
    setSessionCookies(reply, this.config, signedIn);
    return signedIn.result;
  }
}
