import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Application, ApplicationReader, canSee } from '@near/admission';
import type { Acting } from '@near/identity';
import { AssembliesService, type Assembly } from '@near/voting';
import { ActingUser } from '../auth/acting.decorator.js';
import { Roles } from '../auth/access.decorators.js';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { AssemblyDto } from './dto/assembly.dto.js';
import { CreateAssemblyDto } from './dto/create-assembly.dto.js';
import { ListAssembliesQuery } from './dto/list-assemblies.query.js';

@ApiTags('assemblies')
@ApiBearerAuth()
@Controller('assemblies')
export class AssembliesController {
  constructor(
    private readonly assemblies: AssembliesService,
    private readonly reader: ApplicationReader,
  ) {}

  @Post()
  @Roles('secretariat')
  @ApiCreatedResponse({ type: AssemblyDto, description: 'A scheduled session of the General Assembly or the Working Committee.' })
  @ProblemResponses(400, 401, 403, 409, 422)
  async create(
    @Body() body: CreateAssemblyDto,
    @ActingUser() acting: Acting,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AssemblyDto> {
    const assembly = await this.assemblies.scheduleMeeting(body, acting);
    void reply.header('Location', `/assemblies/${assembly.id}`);
    return AssemblyDto.withAgenda(assembly, []);
  }

  @Get()
  @ApiOkResponse({ type: [AssemblyDto] })
  @ProblemResponses(400, 401)
  async list(@Query() query: ListAssembliesQuery, @ActingUser() acting: Acting): Promise<AssemblyDto[]> {
    const assemblies = await this.assemblies.list(query);
    return Promise.all(assemblies.map(async (assembly) => this.withAgenda(assembly, acting)));
  }

  @Get(':id')
  @ApiOkResponse({ type: AssemblyDto })
  @ProblemResponses(400, 401, 404)
  async get(@Param('id', new ParseUUIDPipe()) id: string, @ActingUser() acting: Acting): Promise<AssemblyDto> {
    return this.withAgenda(await this.assemblies.get(id), acting);
  }

  private async withAgenda(assembly: Assembly, acting: Acting): Promise<AssemblyDto> {
    const agenda = await this.reader.agendaOf(assembly.id);
    return AssemblyDto.withAgenda(
      assembly,
      agenda.filter((application: Application) => canSee(acting.user, application)),
    );
  }
}
