import { Body, Controller, Get, HttpCode, Param, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor, type UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApplicationAttachments, PDF_MAX_BYTES } from '@near/admission';
import type { Acting } from '@near/identity';
import { ActingUser } from '../auth/acting.decorator.js';
import { Roles } from '../auth/access.decorators.js';
import { TakesFile } from '../http/accepted-media-types.js';
import { storableFileName } from '../http/letter-file-name.js';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { sendPdf } from '../http/send-pdf.js';
import { UuidParamPipe } from '../http/uuid-param.pipe.js';
import { AttachmentDto, AttachmentTitleBody } from './dto/attachment.dto.js';
import { MissingFileException } from './missing-file.exception.js';

@ApiTags('applications')
@Controller('applications')
export class ApplicationAttachmentsController {
  constructor(private readonly attachments: ApplicationAttachments) {}

  @Post(':id/attachments')
  @HttpCode(201)
  @ApiOperation({ summary: 'Attach a supporting document (PDF, with a title) to an application' })
  @Roles('applicant')
  @TakesFile()
  // One byte over the limit lets the service tell "too large" from "exactly the limit".
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: PDF_MAX_BYTES + 1, files: 1, fields: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'title'],
      properties: { file: { type: 'string', format: 'binary' }, title: { type: 'string', minLength: 1, maxLength: 200 } },
    },
  })
  @ApiCreatedResponse({ type: AttachmentDto, description: 'Stored with its SHA-256; an answer may send it (respond, attachmentIds).' })
  @ProblemResponses(400, 401, 403, 404, 409, 413, 415)
  async add(
    @Param('id', UuidParamPipe) id: string,
    @UploadedFile() file: UploadedMultipartFile | undefined,
    @Body() body: AttachmentTitleBody,
    @ActingUser() acting: Acting,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AttachmentDto> {
    if (!file?.buffer) throw new MissingFileException();
    const stored = await this.attachments.add(
      id,
      { title: body.title.trim(), content: file.buffer, fileName: storableFileName(file.originalname) },
      acting,
    );
    void reply.header('Location', `/applications/${id}/attachments/${stored.id}`);
    return AttachmentDto.from(stored);
  }

  @Get(':id/attachments')
  @ApiOperation({ summary: "List an application's supporting documents" })
  @Roles('applicant', 'secretariat', 'delegate')
  @ApiOkResponse({ type: [AttachmentDto], description: 'Oldest first.' })
  @ProblemResponses(400, 401, 403, 404)
  async list(@Param('id', UuidParamPipe) id: string, @ActingUser() acting: Acting): Promise<AttachmentDto[]> {
    return (await this.attachments.list(id, acting)).map((attachment) => AttachmentDto.from(attachment));
  }

  @Get(':id/attachments/:attachmentId')
  @ApiOperation({ summary: 'Download a supporting document of an application' })
  @Roles('applicant', 'secretariat', 'delegate')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF, byte for byte; its SHA-256 in the `Repr-Digest` header.' })
  @ProblemResponses(400, 401, 403, 404)
  async download(
    @Param('id', UuidParamPipe) id: string,
    @Param('attachmentId', UuidParamPipe) attachmentId: string,
    @ActingUser() acting: Acting,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const attachment = await this.attachments.download(id, attachmentId, acting);
    await sendPdf(reply, { content: attachment.content, sha256: attachment.sha256, fileName: 'attachment.pdf' });
  }
}
