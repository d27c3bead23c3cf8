import { Body, Controller, Headers, Param, Put, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApplicationReader, EligibilityReview } from '@near/admission';
import type { Acting } from '@near/identity';
import { ActingUser } from '../auth/acting.decorator.js';
import { Roles } from '../auth/access.decorators.js';
import { etagOf, versionFromIfMatch } from '../http/if-match.js';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { ApplicationDto } from './dto/application.dto.js';
import { RecordEligibilityDto } from './dto/record-eligibility.dto.js';
import { UuidParamPipe } from '../http/uuid-param.pipe.js';

@ApiTags('applications')
@Controller('applications')
export class ApplicationReviewController {
  constructor(
    private readonly review: EligibilityReview,
    private readonly reader: ApplicationReader,
  ) {}

  @Put(':id/eligibility')
  @ApiOperation({ summary: 'Record the eligibility criteria of an application' })
  @Roles('secretariat')
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: ApplicationDto, description: 'The criteria are recorded (each pass or fail, with a note).' })
  @ProblemResponses(400, 401, 403, 404, 409, 412, 413, 415, 422)
  async recordEligibility(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: RecordEligibilityDto,
    @Headers('if-match') ifMatch: string | undefined,
    @ActingUser() acting: Acting,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ApplicationDto> {
    await this.review.record(id, body.criteria, acting, versionFromIfMatch(ifMatch));
    const view = await this.reader.get(id, acting);
    void reply.header('ETag', etagOf(view.application.version));
    return ApplicationDto.fromView(view);
  }
}
