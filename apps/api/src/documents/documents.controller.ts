import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AdmissionError, ApplicationReader } from '@near/admission';
import { DocumentError, DocumentErrorCode, DocumentLibrary, type DocumentSummary } from '@near/documents';
import type { Acting } from '@near/identity';
import { ActingUser } from '../auth/acting.decorator.js';
import { Roles } from '../auth/access.decorators.js';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { UuidParamPipe } from '../http/uuid-param.pipe.js';
import { DocumentDto } from './document.dto.js';
import { sendDocument } from './send-document.js';

@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(
    private readonly library: DocumentLibrary,
    private readonly reader: ApplicationReader,
  ) {}

  @Get('applications/:id/documents')
  @ApiOperation({
    summary: "List an application's official documents",
    description:
      'Acknowledgement of receipt, decision records and the certificate, each in English and the application’s language, as they were made.',
  })
  @Roles('applicant', 'delegate', 'secretariat')
  @ApiOkResponse({ type: [DocumentDto] })
  @ProblemResponses(400, 401, 403, 404)
  async list(@Param('id', UuidParamPipe) id: string, @ActingUser() acting: Acting): Promise<DocumentDto[]> {
    await this.reader.visible(id, acting);
    return (await this.library.listForApplication(id)).map((document) => DocumentDto.from(document));
  }

  @Get('documents/:id')
  @ApiOperation({
    summary: 'Download an official document (PDF)',
    description: 'Byte for byte as made; its SHA-256 in the `Repr-Digest` header.',
  })
  @Roles('applicant', 'delegate', 'secretariat')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF.' })
  @ProblemResponses(400, 401, 403, 404)
  async download(@Param('id', UuidParamPipe) id: string, @ActingUser() acting: Acting, @Res() reply: FastifyReply): Promise<void> {
    const document = await this.visible(id, acting);
    await sendDocument(reply, document, await this.library.content(id));
  }

  /** An application's document to those who may see the application; minutes to every signed-in role that may read them. */
  private async visible(id: string, acting: Acting): Promise<DocumentSummary> {
    const document = await this.library.find(id);
    if (!document.applicationId) return document;
    try {
      await this.reader.visible(document.applicationId, acting);
    } catch (error) {
      if (error instanceof AdmissionError) throw new DocumentError(DocumentErrorCode.DocumentNotFound, `No document ${id} exists.`);
      throw error;
    }
    return document;
  }
}
