import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApplicationReader, canSee } from '@near/admission';
import type { Acting } from '@near/identity';
import { SessionsService, type Session, Attendance, SessionLifecycle } from '@near/voting';
import { ActingUser } from '../auth/acting.decorator.js';
import { Roles } from '../auth/access.decorators.js';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { AssemblyDto } from './dto/assembly.dto.js';
import { CreateAssemblyDto } from './dto/create-assembly.dto.js';
import { ListAssembliesQuery } from './dto/list-assemblies.query.js';
import { RecordAttendanceDto } from './dto/record-attendance.dto.js';
import { UuidParamPipe } from '../http/uuid-param.pipe.js';

@ApiTags('assemblies')
@Controller('assemblies')
export class AssembliesController {
  constructor(
    private readonly assemblies: SessionsService,
    private readonly lifecycle: SessionLifecycle,
    private readonly attendance: Attendance,
    private readonly reader: ApplicationReader,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Schedule a session or start a written procedure' })
  @Roles('secretariat')
  @ApiCreatedResponse({ type: AssemblyDto, description: 'A scheduled meeting, or a written procedure (in session until its deadline).' })
  @ProblemResponses(400, 401, 403, 409, 413, 415, 422)
  async create(
    @Body() body: CreateAssemblyDto,
    @ActingUser() acting: Acting,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AssemblyDto> {
    const rule = { quorum: body.quorum, majority: body.majority, ballotSecrecy: body.ballotSecrecy, reminders: body.reminders };
    const assembly =
      body.body === 'written_procedure'
        ? await this.assemblies.startWrittenProcedure({ number: body.number, deadline: new Date(body.deadline!), ...rule }, acting)
        : await this.assemblies.scheduleMeeting(
            {
              body: body.body,
              number: body.number,
              hostGovernmentId: body.hostGovernmentId!,
              startsOn: body.startsOn!,
              endsOn: body.endsOn!,
              venue: body.venue!,
              ...rule,
            },
            acting,
          );
    void reply.header('Location', `/assemblies/${assembly.id}`);
    return AssemblyDto.withAgenda(assembly, []);
  }

  @Get()
  @ApiOperation({ summary: 'List the sessions' })
  @ApiOkResponse({ type: [AssemblyDto] })
  @ProblemResponses(400, 401)
  async list(@Query() query: ListAssembliesQuery, @ActingUser() acting: Acting): Promise<AssemblyDto[]> {
    const assemblies = await this.assemblies.list(query);
    return Promise.all(assemblies.map(async (assembly) => this.view(assembly, acting)));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Show a session with its agenda and attendance' })
  @ApiOkResponse({ type: AssemblyDto })
  @ProblemResponses(400, 401, 404)
  async get(@Param('id', UuidParamPipe) id: string, @ActingUser() acting: Acting): Promise<AssemblyDto> {
    return this.view(await this.assemblies.get(id), acting);
  }

  @Post(':id/open')
  @ApiOperation({ summary: 'Open a scheduled session' })
  @HttpCode(200)
  @Roles('secretariat')
  @ApiOkResponse({ type: AssemblyDto, description: 'The meeting is in session.' })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  async open(@Param('id', UuidParamPipe) id: string, @ActingUser() acting: Acting): Promise<AssemblyDto> {
    return this.view(await this.lifecycle.open(id, acting.audit), acting);
  }

  @Post(':id/close')
  @ApiOperation({ summary: 'Close a session' })
  @HttpCode(200)
  @Roles('secretariat')
  @ApiOkResponse({ type: AssemblyDto, description: 'The session is closed; refused while one of its ballots is open.' })
  @ProblemResponses(400, 401, 403, 404, 409)
  async close(@Param('id', UuidParamPipe) id: string, @ActingUser() acting: Acting): Promise<AssemblyDto> {
    return this.view(await this.lifecycle.close(id, acting.audit), acting);
  }

  @Put(':id/attendance')
  @ApiOperation({ summary: 'Record the governments present at a session' })
  @Roles('secretariat')
  @ApiOkResponse({ type: AssemblyDto, description: 'The governments present now, replacing the previous list.' })
  @ProblemResponses(400, 401, 403, 404, 409, 413, 415, 422)
  async recordAttendance(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: RecordAttendanceDto,
    @ActingUser() acting: Acting,
  ): Promise<AssemblyDto> {
    await this.attendance.record(id, body.governmentIds, acting.audit);
    return this.view(await this.assemblies.get(id), acting);
  }

  private async view(assembly: Session, acting: Acting): Promise<AssemblyDto> {
    const [agenda, present] = await Promise.all([this.reader.agendaOf(assembly.id), this.attendance.presentAt(assembly.id)]);
    return AssemblyDto.withAgenda(
      assembly,
      agenda.filter((application) => canSee(acting.user, application)),
      present,
    );
  }
}
