import { BadRequestException, Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { EntryLeaf } from '@near/audit';
import { ReceiptLookup } from '@near/voting';
import { Public } from '../auth/access.decorators.js';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { type ReceiptLeafDto, ReceiptLeavesDto } from './receipt.dto.js';

const COMMITMENT = /^[0-9a-f]{64}$/;

/**
 * For a delegate who kept a ballot receipt ("Check my ballot", docs/voting.md): the cast's leaf and the closing
 * entry's, each with its checkpoint and inclusion proof, so that a browser checks the receipt against the signed
 * log. Public: a commitment is a secret of its receipt, and the leaves hold ids, commitments and the tally only.
 */
@ApiTags('transparency log')
@Controller('log')
export class ReceiptController {
  constructor(private readonly receipts: ReceiptLookup) {}

  @Get('receipts/:commitment')
  @Public()
  @Header('Cache-Control', 'no-cache')
  @ApiOperation({ summary: "A ballot receipt's cast in the log, and the entry that counted its vote" })
  @ApiParam({ name: 'commitment', type: String, description: 'The receipt’s commitment, 64 lower-case hex digits.' })
  @ApiOkResponse({ type: ReceiptLeavesDto })
  @ProblemResponses(400, 404)
  async find(@Param('commitment') commitment: string): Promise<ReceiptLeavesDto> {
    if (!COMMITMENT.test(commitment)) throw new BadRequestException('commitment must be 64 lower-case hex digits');
    const found = await this.receipts.find(commitment);
    return { commitment, cast: leafDto(found.cast), count: found.count ? leafDto(found.count) : null };
  }
}

function leafDto(leaf: EntryLeaf): ReceiptLeafDto {
  return { index: leaf.leafIndex, data: leaf.data.toString('base64'), checkpoint: leaf.checkpoint, size: leaf.treeSize, proof: leaf.proof };
}
