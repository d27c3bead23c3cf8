import { Body, Controller, Get, Headers, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Acting } from '@near/identity';
import { GovernmentsService } from '@near/registry';
import { ActingUser } from '../auth/acting.decorator.js';
import { Roles } from '../auth/access.decorators.js';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { CorrectGovernmentDto } from './dto/correct-government.dto.js';
import { CreateGovernmentDto } from './dto/create-government.dto.js';
import { GovernmentDetailDto } from './dto/government-detail.dto.js';
import { GovernmentDto } from './dto/government.dto.js';
import { ListGovernmentsQuery } from './dto/list-governments.query.js';
import { RecordFeePaymentDto } from './dto/record-fee-payment.dto.js';
import { etagOf, versionFromIfMatch } from '../http/if-match.js';
import { UuidParamPipe } from '../http/uuid-param.pipe.js';

const ETAG_HEADER = { ETag: { description: 'The version, for If-Match.', schema: { type: 'string' } } };

@ApiTags('governments')
@Controller('governments')
export class GovernmentsController {
  constructor(private readonly governments: GovernmentsService) {}

  @Get()
  @ApiOperation({ summary: 'List the governments of the registry with their voting rights' })
  @ApiOkResponse({ type: [GovernmentDto] })
  @ProblemResponses(400, 401)
  async list(@Query() query: ListGovernmentsQuery): Promise<GovernmentDto[]> {
    return (await this.governments.listStandings(query)).map((standing) => GovernmentDto.from(standing));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Show a government with its fees and voting rights' })
  @ApiOkResponse({ type: GovernmentDetailDto, headers: ETAG_HEADER })
  @ProblemResponses(400, 401, 404)
  async get(@Param('id', UuidParamPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<GovernmentDetailDto> {
    const standing = await this.governments.standing(id);
    void reply.header('ETag', etagOf(standing.government.version));
    return GovernmentDetailDto.detail(standing);
  }

  @Patch(':id')
  @Roles('secretariat')
  @ApiOperation({
    summary: "Correct a government's names or level",
    description:
      'Fields left out stay as they are. Audited with each changed field before and after; a correction that changes nothing records nothing.',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag (version) the caller last saw; 412 when stale.' })
  @ApiOkResponse({ type: GovernmentDetailDto, headers: ETAG_HEADER, description: 'The government as corrected.' })
  @ProblemResponses(400, 401, 403, 404, 409, 412, 413, 415)
  async correct(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: CorrectGovernmentDto,
    @Headers('if-match') ifMatch: string | undefined,
    @ActingUser() acting: Acting,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<GovernmentDetailDto> {
    const standing = await this.governments.correct(id, body, versionFromIfMatch(ifMatch), acting.audit);
    void reply.header('ETag', etagOf(standing.government.version));
    return GovernmentDetailDto.detail(standing);
  }

  @Put(':id/fees')
  @Roles('secretariat')
  @ApiOperation({
    summary: 'Record the annual fee a member or associate member paid for a year',
    description:
      'Idempotent: the same year and date again changes nothing. Another date for a year already recorded is refused (409): a recorded payment is not changed.',
  })
  @ApiOkResponse({ type: GovernmentDetailDto, description: 'The government with its fees and voting rights after the payment.' })
  @ProblemResponses(400, 401, 403, 404, 409, 413, 415, 422)
  async recordFee(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: RecordFeePaymentDto,
    @ActingUser() acting: Acting,
  ): Promise<GovernmentDetailDto> {
    return GovernmentDetailDto.detail(await this.governments.recordFeePayment(id, body, acting.audit));
  }

  @Post()
  @ApiOperation({ summary: 'Register a prospective government for a future applicant' })
  @Roles('secretariat', 'admin')
  @ApiCreatedResponse({ type: GovernmentDto, description: 'The government, registered as prospective.' })
  @ProblemResponses(400, 401, 403, 409, 413, 415)
  async create(
    @Body() body: CreateGovernmentDto,
    @ActingUser() acting: Acting,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<GovernmentDto> {
    const government = await this.governments.addProspective(body, acting.audit);
    void reply.header('Location', `/governments/${government.id}`);
    return GovernmentDto.from(await this.governments.standing(government.id));
  }
}
