import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Acting } from '@near/identity';
import { GovernmentsService } from '@near/registry';
import { ActingUser } from '../auth/acting.decorator.js';
import { Roles } from '../auth/access.decorators.js';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { CreateGovernmentDto } from './dto/create-government.dto.js';
import { GovernmentDto } from './dto/government.dto.js';
import { ListGovernmentsQuery } from './dto/list-governments.query.js';

@ApiTags('governments')
@ApiBearerAuth()
@Controller('governments')
export class GovernmentsController {
  constructor(private readonly governments: GovernmentsService) {}

  @Get()
  @ApiOkResponse({ type: [GovernmentDto] })
  @ProblemResponses(400, 401)
  async list(@Query() query: ListGovernmentsQuery): Promise<GovernmentDto[]> {
    return (await this.governments.list(query)).map((government) => GovernmentDto.from(government));
  }

  @Get(':id')
  @ApiOkResponse({ type: GovernmentDto })
  @ProblemResponses(400, 401, 404)
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<GovernmentDto> {
    return GovernmentDto.from(await this.governments.get(id));
  }

  @Post()
  @Roles('secretariat', 'admin')
  @ApiCreatedResponse({ type: GovernmentDto, description: 'The government, registered as prospective.' })
  @ProblemResponses(400, 401, 403, 409)
  async create(
    @Body() body: CreateGovernmentDto,
    @ActingUser() acting: Acting,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<GovernmentDto> {
    const government = await this.governments.addProspective(body, acting.audit);
    void reply.header('Location', `/governments/${government.id}`);
    return GovernmentDto.from(government);
  }
}
