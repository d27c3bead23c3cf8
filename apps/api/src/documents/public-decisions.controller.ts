import { BadRequestException, Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { DocumentLibrary } from '@near/documents';
import { Public } from '../auth/access.decorators.js';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { PublicDecisionDto } from './public-decision.dto.js';

const REFERENCE = /^NEAR-\d{4}-\d{4,9}$/i;

/**
 * What anyone may check of a decision, without signing in: the outcome, the body and date, each document's
 * SHA-256, and the signed checkpoint with the inclusion proof of the decision's entry. Nothing about a person.
 */
@ApiTags('documents')
@Controller('public')
export class PublicDecisionsController {
  constructor(private readonly library: DocumentLibrary) {}

  @Get('decisions/:reference')
  @Public()
  @Header('Cache-Control', 'no-cache')
  @ApiOperation({ summary: 'The public record of a decision on an application, to check its documents against' })
  @ApiParam({ name: 'reference', type: String, example: 'NEAR-2026-0001' })
  @ApiOkResponse({ type: PublicDecisionDto })
  @ProblemResponses(400, 404)
  async find(@Param('reference') reference: string): Promise<PublicDecisionDto> {
    if (!REFERENCE.test(reference)) throw new BadRequestException('reference must look like NEAR-2026-0001');
    const decision = await this.library.publicDecision(reference);
    return {
      ...decision,
      decidedAt: decision.decidedAt.toISOString(),
      documents: decision.documents.map((document) => ({ ...document, createdAt: document.createdAt.toISOString() })),
    };
  }
}
