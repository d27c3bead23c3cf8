import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Acting, SecondFactors } from '@near/identity';
import { ActingUser } from '../auth/acting.decorator.js';
import { Roles } from '../auth/access.decorators.js';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { UuidParamPipe } from '../http/uuid-param.pipe.js';

@ApiTags('users')
@Roles('admin')
@Controller('users/:id/totp')
export class UserSecondFactorController {
  constructor(private readonly secondFactors: SecondFactors) {}

  @Delete()
  @ApiOperation({ summary: "Reset a user's second factor (a lost phone): audited, and the user is told by e-mail" })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed; the user signs in with the password, and enrols again where the role requires it.' })
  @ProblemResponses(400, 401, 403, 404, 422)
  async reset(@Param('id', UuidParamPipe) id: string, @ActingUser() acting: Acting): Promise<void> {
    await this.secondFactors.reset(acting, id);
  }
}
