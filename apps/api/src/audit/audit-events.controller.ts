import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type AuditFilter, AuditQuery, AuditVerifier, toCsv, toVerificationResponse } from '@near/audit';
import { DocumentLibrary } from '@near/documents';
import { Roles } from '../auth/access.decorators.js';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { AuditPageDto, AuditVerificationDto } from './dto/audit-event.dto.js';
import { ListAuditEventsQuery } from './dto/list-audit-events.query.js';
import { AuditNames } from './audit-names.js';
import { ApplicationReader } from '@near/admission';

@ApiTags('audit')
@Roles('secretariat')
@Controller('audit-events')
export class AuditEventsController {
  constructor(
    private readonly query: AuditQuery,
    private readonly verifier: AuditVerifier,
    private readonly names: AuditNames,
    private readonly applications: ApplicationReader,
    private readonly documents: DocumentLibrary,
  ) {}

  /** An application's own entries and those of the documents issued for it (their making, by the system). */
  private async recordsOf(applicationId: string): Promise<AuditFilter['about']> {
    const documents = applicationId ? await this.documents.listForApplication(applicationId) : [];
    return [
      { entityType: 'application', entityIds: [applicationId] },
      { entityType: 'document', entityIds: documents.map((document) => document.id) },
    ];
  }

  @Get()
  @ApiOperation({ summary: 'List audit entries, as JSON or CSV' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    type: AuditPageDto,
    description: 'Oldest first. With format=csv or Accept: text/csv, the page as CSV; the next cursor in the `Next-Cursor` header.',
  })
  @ProblemResponses(400, 401, 403)
  async list(
    @Query() query: ListAuditEventsQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuditPageDto | string> {
    // entity_id is text holding the id as PostgreSQL prints a uuid (lower case); @IsUUID also lets capitals through.
    const byId = query.applicationId?.toLowerCase();
    const byReference = query.reference === undefined ? undefined : await this.applications.idOfReference(query.reference);
    // A reference no application has, or one that is not the given id's, matches nothing: no entity id is ''.
    const applicationId = byReference === undefined ? byId : byReference !== null && (!byId || byId === byReference) ? byReference : '';
    const page = await this.query.list(
      {
        ...(applicationId !== undefined ? { about: await this.recordsOf(applicationId) } : {}),
        actorUserId: query.actorId,
        action: query.action,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
      },
      { after: query.cursor ? Number(query.cursor) : undefined, limit: query.limit },
    );
    const nextCursor = page.nextCursor === null ? null : String(page.nextCursor);
    const wantsCsv = query.format === 'csv' || (query.format === undefined && /\btext\/csv\b/.test(accept ?? ''));
    if (wantsCsv) {
      if (nextCursor) void reply.header('Next-Cursor', nextCursor);
      void reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="audit-events.csv"');
      return toCsv(page.items);
    }
    return { items: await this.names.name(page.items), nextCursor };
  }

  @Get('verify')
  @ApiOperation({ summary: 'Verify the hash chain of the whole audit trail' })
  @ApiOkResponse({ type: AuditVerificationDto, description: 'Re-hashes the whole chain; the first broken entry is named.' })
  @ProblemResponses(401, 403)
  async verify(): Promise<AuditVerificationDto> {
    return toVerificationResponse(await this.verifier.verify());
  }
}
