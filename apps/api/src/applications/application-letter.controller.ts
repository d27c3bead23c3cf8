import { Controller, Get, Param, Put, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor, type UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApplicationLetters, ApplicationReader, LETTER_MAX_BYTES, ownsApplication, Workflow } from '@near/admission';
import type { Acting } from '@near/identity';
import { ActingUser } from '../auth/acting.decorator.js';
import { Roles } from '../auth/access.decorators.js';
import { TakesFile } from '../http/accepted-media-types.js';
import { etagOf } from '../http/if-match.js';
import { storableFileName } from '../http/letter-file-name.js';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { sendPdf } from '../http/send-pdf.js';
import { ApplicationDto } from './dto/application.dto.js';
import { MissingFileException } from './missing-file.exception.js';
import { UuidParamPipe } from '../http/uuid-param.pipe.js';

@ApiTags('applications')
@Controller('applications')
export class ApplicationLetterController {
  constructor(
    private readonly letters: ApplicationLetters,
    private readonly reader: ApplicationReader,
    private readonly workflow: Workflow,
  ) {}

  @Put(':id/letter')
  @ApiOperation({ summary: 'Upload the official letter of an application (PDF)' })
  @Roles('applicant')
  @TakesFile()
  // One byte over the limit lets the service tell "too large" from "exactly the limit".
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: LETTER_MAX_BYTES + 1, files: 1, fields: 0 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: ApplicationDto, description: 'The letter is stored with its SHA-256.' })
  @ProblemResponses(400, 401, 403, 404, 409, 413, 415)
  async upload(
    @Param('id', UuidParamPipe) id: string,
    @UploadedFile() file: UploadedMultipartFile | undefined,
    @ActingUser() acting: Acting,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ApplicationDto> {
    if (!file?.buffer) throw new MissingFileException();
    const stored = await this.letters.upload(id, { content: file.buffer, fileName: storableFileName(file.originalname) }, acting);
    // The application as this upload left it, with the letter it stored: read back afterwards, the newest
    // letter and version may already be those of a concurrent upload, whose SHA-256 the caller would get.
    const { application, letter } = stored;
    const view = await this.reader.get(id, acting);
    const allowedActions = this.workflow.allowedActions(application.state, {
      role: acting.user.role,
      ownsApplication: ownsApplication(acting.user, application),
    });
    void reply.header('ETag', etagOf(application.version));
    return ApplicationDto.fromView({ ...view, application, letter, allowedActions });
  }

  @Get(':id/letter')
  @ApiOperation({ summary: 'Download the official letter of an application' })
  @Roles('applicant', 'secretariat', 'delegate')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The newest letter, byte for byte; its SHA-256 in the `Digest` header.' })
  @ProblemResponses(400, 401, 403, 404)
  async download(@Param('id', UuidParamPipe) id: string, @ActingUser() acting: Acting, @Res() reply: FastifyReply): Promise<void> {
    const letter = await this.letters.download(id, acting);
    await sendPdf(reply, { content: letter.content, sha256: letter.sha256, fileName: 'letter.pdf' });
  }
}
