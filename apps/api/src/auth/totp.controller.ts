import { Body, Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Acting, SecondFactors } from '@near/identity';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { ActingUser } from './acting.decorator.js';
import { DuringEnrolment } from './access.decorators.js';
import { CodeDto, RecoveryCodesDto, TotpEnrolmentDto } from './dto/second-step.dto.js';

/** The caller's own second factor: a TOTP authenticator app (RFC 6238) and recovery codes. */
@ApiTags('auth')
@DuringEnrolment()
@Controller('auth/totp')
export class TotpController {
  constructor(private readonly secondFactors: SecondFactors) {}

  @Post()
  @ApiOperation({ summary: 'Start enrolling an authenticator app: a new secret, until confirmed' })
  @HttpCode(200)
  @ApiOkResponse({ type: TotpEnrolmentDto })
  @ProblemResponses(401, 409, 413, 415)
  enrol(@ActingUser() acting: Acting): Promise<TotpEnrolmentDto> {
    return this.secondFactors.enrol(acting.user);
  }

  @Post('confirm')
  @ApiOperation({ summary: 'Confirm the enrolment with a code of the app; answers the recovery codes' })
  @HttpCode(200)
  @ApiOkResponse({ type: RecoveryCodesDto })
  @ProblemResponses(400, 401, 409, 413, 415, 422)
  confirm(@Body() body: CodeDto, @ActingUser() acting: Acting): Promise<RecoveryCodesDto> {
    return this.secondFactors.confirm(acting, body.code);
  }

  @Delete()
  @ApiOperation({ summary: 'Remove your second factor, with a code of it' })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed; sign-in asks for the password alone.' })
  @ProblemResponses(400, 401, 413, 415, 422)
  async remove(@Body() body: CodeDto, @ActingUser() acting: Acting): Promise<void> {
    await this.secondFactors.remove(acting, body.code);
  }
}
