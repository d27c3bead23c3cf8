import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ACTION_NAMES, APPLICATION_ACTIONS, ApplicationReader, ApplicationTransitions } from '@near/admission';
import type { Acting } from '@near/identity';
import { ActingUser } from '../auth/acting.decorator.js';
import { Roles } from '../auth/access.decorators.js';
import { etagOf, versionFromIfMatch } from '../http/if-match.js';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { validateActionBody } from './action-body.js';
import { ACTION_BODIES } from './dto/action-bodies.js';
import { ApplicationDto } from './dto/application.dto.js';
import { UuidParamPipe } from '../http/uuid-param.pipe.js';

const BODY_MODELS = [...new Set(Object.values(ACTION_BODIES))];

@ApiTags('applications')
@Roles('applicant', 'secretariat', 'delegate')
@Controller('applications')
export class ApplicationActionsController {
  constructor(
    private readonly transitions: ApplicationTransitions,
    private readonly reader: ApplicationReader,
  ) {}

  @Post(':id/actions/:action')
  @ApiOperation({ summary: 'Run a workflow action on an application' })
  @HttpCode(200)
  @ApiParam({
    name: 'action',
    enum: ACTION_NAMES,
    description: ACTION_NAMES.map(
      (name) => `\`${name}\` (${APPLICATION_ACTIONS[name].roles.join(', ')}): ${APPLICATION_ACTIONS[name].summary}`,
    ).join('\n\n'),
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag (version) the caller last saw; 412 when stale.' })
  @ApiExtraModels(...BODY_MODELS)
  @ApiBody({ required: false, schema: { oneOf: BODY_MODELS.map((model) => ({ $ref: getSchemaPath(model) })) } })
  @ApiOkResponse({ type: ApplicationDto, description: 'The application after the action.' })
  @ProblemResponses(400, 401, 403, 404, 409, 412, 413, 415, 422)
  async run(
    @Param('id', UuidParamPipe) id: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @ActingUser() acting: Acting,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ApplicationDto> {
    const expectedVersion = versionFromIfMatch(ifMatch);
    const input = await validateActionBody(action, body);
    await this.transitions.run(id, action, input as never, acting, expectedVersion);
    const view = await this.reader.get(id, acting);
    void reply.header('ETag', etagOf(view.application.version));
    return ApplicationDto.fromView(view);
  }
}
