import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DEFAULT_LOCALE } from '@near/common';
import { DocumentLibrary } from '@near/documents';
import { Roles } from '../auth/access.decorators.js';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { UuidParamPipe } from '../http/uuid-param.pipe.js';
import { MinutesQuery } from './minutes.query.js';
import { sendDocument } from './send-document.js';

@ApiTags('documents')
@Controller('assemblies')
export class MinutesController {
  constructor(private readonly library: DocumentLibrary) {}

  @Get(':id/minutes')
  @ApiOperation({
    summary: 'Download the minutes of a closed session (PDF)',
    description:
      'Every decision taken in the session. English minutes are made when it closes; another language on its first request (which waits a few seconds for it), and kept. 503 with Retry-After when it takes longer.',
  })
  @Roles('applicant', 'delegate', 'secretariat')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF; its SHA-256 in the `Repr-Digest` header.' })
  @ProblemResponses(400, 401, 403, 404, 409, 503)
  async minutes(@Param('id', UuidParamPipe) id: string, @Query() query: MinutesQuery, @Res() reply: FastifyReply): Promise<void> {
    const document = await this.library.minutes(id, query.language ?? DEFAULT_LOCALE);
    await sendDocument(reply, document, await this.library.content(document.id));
  }
}
