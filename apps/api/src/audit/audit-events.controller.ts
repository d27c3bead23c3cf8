import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuditQuery, AuditVerifier, toCsv, toVerificationResponse } from '@near/audit';
import { Roles } from '../auth/access.decorators.js';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { AuditEventDto, AuditPageDto, AuditVerificationDto } from './dto/audit-event.dto.js';
import { ListAuditEventsQuery } from './dto/list-audit-events.query.js';

@ApiTags('audit')
@Roles('secretariat')
@Controller('audit-events')
export class AuditEventsController {
  constructor(
    private readonly query: AuditQuery,
    private readonly verifier: AuditVerifier,
  ) {}

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
    const page = await this.query.list(
      {
        // entity_id is text holding the id as PostgreSQL prints a uuid (lower case); @IsUUID also lets capitals through.
        ...(query.applicationId ? { entityType: 'application', entityId: query.applicationId.toLowerCase() } : {}),
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
    return { items: page.items.map((event) => AuditEventDto.from(event)), nextCursor };
  }

  @Get('verify')
  @ApiOperation({ summary: 'Verify the hash chain of the whole audit trail' })
  @ApiOkResponse({ type: AuditVerificationDto, description: 'Re-hashes the whole chain; the first broken entry is named.' })
  @ProblemResponses(401, 403)
  async verify(): Promise<AuditVerificationDto> {
    return toVerificationResponse(await this.verifier.verify());
  }
}
