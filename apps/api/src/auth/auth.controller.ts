import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AuthService, type AuthenticatedUser } from '@near/identity';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { CurrentUser, Public } from './access.decorators.js';
import { MeDto } from './dto/me.dto.js';
import { SignInResponseDto } from './dto/sign-in-response.dto.js';
import { SignInDto } from './dto/sign-in.dto.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @ApiOperation({ summary: 'Sign in with e-mail and password for a bearer token' })
  @HttpCode(200)
  @ApiOkResponse({ type: SignInResponseDto })
  @ProblemResponses(400, 401, 413, 415, 429)
  signIn(@Body() body: SignInDto, @Req() request: FastifyRequest): Promise<SignInResponseDto> {
    return this.auth.signIn(body.email, body.password, { clientAddress: request.ip, requestId: request.id });
  }

  @Get('me')
  @ApiOperation({ summary: 'Show the signed-in user' })
  @ApiOkResponse({ type: MeDto })
  @ProblemResponses(401)
  me(@CurrentUser() user: AuthenticatedUser): MeDto {
    return user;
  }
}
