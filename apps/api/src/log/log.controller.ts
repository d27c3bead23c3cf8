import { BadRequestException, Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { TransparencyLog } from '@near/audit';
import { Public, Roles } from '../auth/access.decorators.js';
import { ProblemResponse, ProblemResponses } from '../http/problem-responses.decorator.js';
import {
  ConsistencyProofDto,
  ConsistencyProofQuery,
  InclusionProofDto,
  InclusionProofQuery,
  LogEntriesQuery,
  TREE_NUMBER,
} from './log.dto.js';

const TEXT = 'text/plain; charset=utf-8';

/**
 * The transparency log, for anyone: the verifier key, signed checkpoints (C2SP tlog-checkpoint as a signed
 * note) and RFC 9162 proofs. Nothing personal: hashes, sizes and the log's name. The leaves' data is for
 * the Secretariat (it names actors), which hands it to members as a bundle (`npm run log:export`).
 */
@ApiTags('transparency log')
@Controller('log')
export class LogController {
  constructor(private readonly log: TransparencyLog) {}

  @Get('key')
  @Public()
  @Header('Content-Type', TEXT)
  @ApiOperation({ summary: "The log's verifier key: <name>+<key hash>+<base64(0x01 ‖ Ed25519 public key)>" })
  @ApiProduces('text/plain')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ProblemResponse('4XX')
  key(): string {
    return `${this.log.verifierKey}\n`;
  }

  @Get('checkpoint')
  @Public()
  @Header('Content-Type', TEXT)
  @Header('Cache-Control', 'no-cache')
  @ApiOperation({ summary: 'The latest signed checkpoint: origin, tree size, root hash, signature' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ProblemResponses(404)
  latest(): Promise<string> {
    return this.log.latestCheckpoint();
  }

  @Get('checkpoints/:size')
  @Public()
  @Header('Content-Type', TEXT)
  @ApiOperation({ summary: 'The checkpoint signed at exactly this tree size' })
  @ApiParam({ name: 'size', type: String, example: '1' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ProblemResponses(400, 404)
  async checkpoint(@Param('size') size: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const note = await this.log.checkpoint(treeNumber('size', size));
    // A signed checkpoint never changes; a size not signed yet may be tomorrow, so its 404 is not kept.
    void reply.header('Cache-Control', 'public, max-age=31536000, immutable');
    return note;
  }

  @Get('proof/inclusion')
  @Public()
  @ApiOperation({ summary: 'RFC 9162 inclusion proof of a leaf in the tree of a signed size' })
  @ApiOkResponse({ type: InclusionProofDto })
  @ProblemResponses(400, 404)
  inclusion(@Query() query: InclusionProofQuery): Promise<InclusionProofDto> {
    return this.log.inclusionProof(Number(query.index), Number(query.size));
  }

  @Get('proof/consistency')
  @Public()
  @ApiOperation({ summary: 'RFC 9162 consistency proof between two signed tree sizes' })
  @ApiOkResponse({ type: ConsistencyProofDto })
  @ProblemResponses(400, 404)
  consistency(@Query() query: ConsistencyProofQuery): Promise<ConsistencyProofDto> {
    return this.log.consistencyProof(Number(query.from), Number(query.to));
  }

  @Get('entries')
  @ApiBearerAuth()
  @Roles('secretariat')
  @ApiOperation({ summary: 'The leaves start…end−1 (at most 1,000): one {"index", "data"} line each, data the bytes the leaf hash covers' })
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ProblemResponses(400, 401, 403)
  async entries(@Query() query: LogEntriesQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const leaves = await this.log.entries(Number(query.start), Number(query.end));
    void reply.header('Content-Type', 'application/x-ndjson; charset=utf-8');
    return leaves.map((leaf) => `${JSON.stringify({ index: leaf.index, data: leaf.data.toString('base64') })}\n`).join('');
  }
}

function treeNumber(name: string, value: string): number {
  if (!TREE_NUMBER.test(value)) throw new BadRequestException(`${name} must be a non-negative integer (decimal, at most 15 digits)`);
  return Number(value);
}
