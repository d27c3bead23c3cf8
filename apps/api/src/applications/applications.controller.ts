import { Body, Controller, Get, Headers, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor, type UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import { ApiCreatedResponse, ApiExtension, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApplicationFiling, ApplicationReader, LETTER_MAX_BYTES } from '@near/admission';
import { AuditQuery } from '@near/audit';
import type { Acting } from '@near/identity';
import { ActingUser } from '../auth/acting.decorator.js';
import { Roles } from '../auth/access.decorators.js';
import { AuditNames } from '../audit/audit-names.js';
import { AuditEventDto } from '../audit/dto/audit-event.dto.js';
import { etagOf } from '../http/if-match.js';
import { MULTIPART_BODY_EXTENSION } from '../http/multipart-body.js';
import { TakesFile } from '../http/accepted-media-types.js';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { ApplicationPartAsBody, isMultipart } from './application-part-as-body.interceptor.js';
import { ApplicationDto, ApplicationPageDto, ApplicationSummaryDto, MessageDto, MessagePageDto } from './dto/application.dto.js';
import { CreateApplicationDto } from './dto/create-application.dto.js';
import { parseIdempotencyKey } from './idempotency-key.js';
import { ListApplicationsQuery, ListMessagesQuery } from './dto/list-applications.query.js';
import { UuidParamPipe } from '../http/uuid-param.pipe.js';
import { MissingFileException } from './missing-file.exception.js';

/** A ballot's casts; `ballot.changed` is what casts after the first were called before receipts. */
const BALLOT_CAST_ACTIONS = new Set(['ballot.cast', 'ballot.changed']);

@ApiTags('applications')
@Roles('applicant', 'secretariat', 'delegate')
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly filing: ApplicationFiling,
    private readonly reader: ApplicationReader,
    private readonly auditQuery: AuditQuery,
    private readonly names: AuditNames,
  ) {}

  @Post()
  @TakesFile()
  @ApiOperation({
    summary: 'File an application for membership, with or without its letter',
    description:
      'As JSON, the application alone (its letter follows by PUT /applications/{id}/letter). As multipart/form-data, ' +
      'the part `application` (the same JSON) and the part `letter` (the PDF) are filed together: a refused letter ' +
      'leaves no application and sends no e-mail.',
  })
  @ApiExtension(MULTIPART_BODY_EXTENSION, {
    type: 'object',
    required: ['application', 'letter'],
    properties: {
      application: { type: 'string', description: 'The application as JSON, as the JSON form sends it.' },
      letter: { type: 'string', format: 'binary', description: 'The official letter, a PDF of at most 10 MB.' },
    },
  })
  @Roles('applicant')
  // One byte over the limit lets the service tell "too large" from "exactly the limit".
  @UseInterceptors(FileInterceptor('letter', { limits: { fileSize: LETTER_MAX_BYTES + 1, files: 1, fields: 1 } }), ApplicationPartAsBody)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeating a request with the same key and body files nothing new.' })
  @ApiCreatedResponse({ type: ApplicationDto, description: 'Filed (or, for a repeated Idempotency-Key, filed before).' })
  @ProblemResponses(400, 401, 403, 409, 413, 415, 422)
  async file(
    @Body() body: CreateApplicationDto,
    @UploadedFile() letter: UploadedMultipartFile | undefined,
    @Headers('idempotency-key') idempotencyKeyHeader: string | undefined,
    @Headers('content-type') contentType: string | undefined,
    @ActingUser() acting: Acting,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ApplicationDto> {
    const idempotencyKey = parseIdempotencyKey(idempotencyKeyHeader);
    if (isMultipart(contentType) && !letter?.buffer) throw new MissingFileException('letter');
    const { application, created } = await this.filing.file(
      { ...body, contact: { ...body.contact } },
      acting,
      idempotencyKey,
      letter?.buffer ? { content: letter.buffer, fileName: letter.originalname } : undefined,
    );
    const view = await this.reader.get(application.id, acting);
    void reply.status(201).header('Location', `/applications/${application.id}`).header('ETag', etagOf(application.version));
    if (!created) void reply.header('Idempotent-Replayed', 'true');
    return ApplicationDto.fromView(view);
  }

  @Get()
  @ApiOperation({ summary: 'List the applications the caller may see' })
  @ApiOkResponse({
    type: ApplicationPageDto,
    description: 'Applicant: its own; secretariat: all; delegate: those on an agenda. Newest first.',
  })
  @ProblemResponses(400, 401, 403)
  async list(@Query() query: ListApplicationsQuery, @ActingUser() acting: Acting): Promise<ApplicationPageDto> {
    const { cursor, limit, ...filter } = query;
    const page = await this.reader.list(filter, { cursor, limit }, acting);
    return { items: page.items.map((item) => ApplicationSummaryDto.from(item)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Show an application with its review, letter and messages' })
  @ApiOkResponse({ type: ApplicationDto, headers: { ETag: { description: 'The version, for If-Match.', schema: { type: 'string' } } } })
  @ProblemResponses(400, 401, 403, 404)
  async get(
    @Param('id', UuidParamPipe) id: string,
    @ActingUser() acting: Acting,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ApplicationDto> {
    const view = await this.reader.get(id, acting);
    void reply.header('ETag', etagOf(view.application.version));
    return ApplicationDto.fromView(view);
  }

  @Get(':id/messages')
  @ApiOperation({ summary: "An application's requests for information and answers, newest first, a page at a time" })
  @ApiOkResponse({ type: MessagePageDto, description: 'Its requests for information and answers, newest first, a page at a time.' })
  @ProblemResponses(400, 401, 403, 404)
  async messages(
    @Param('id', UuidParamPipe) id: string,
    @Query() query: ListMessagesQuery,
    @ActingUser() acting: Acting,
  ): Promise<MessagePageDto> {
    const page = await this.reader.messages(id, { cursor: query.cursor, limit: query.limit }, acting);
    return { items: page.items.map((message) => MessageDto.from(message)), nextCursor: page.nextCursor };
  }

  @Get(':id/history')
  @ApiOperation({ summary: "List an application's audit entries" })
  @ApiOkResponse({ type: [AuditEventDto], description: 'Its audit entries, oldest first.' })
  @ProblemResponses(400, 401, 403, 404)
  async history(@Param('id', UuidParamPipe) id: string, @ActingUser() acting: Acting): Promise<AuditEventDto[]> {
    await this.reader.visible(id, acting);
    const events = await this.names.name(await this.auditQuery.history('application', id));
    if (acting.user.role === 'secretariat') return events;
    // Officials of other governments are not told who exactly acted, from where: the role and government suffice.
    // Nor who cast a ballot, or how often (docs/voting.md): only the Secretariat follows the turnout.
    return events
      .filter((event) => !BALLOT_CAST_ACTIONS.has(event.action))
      .map((event) => ({ ...event, actorUserId: null, actorName: null, requestId: null, clientAddress: null }));
  }
}
