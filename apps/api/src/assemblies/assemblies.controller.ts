import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApplicationReader, canSee, SessionChanges } from '@near/admission';
import type { Acting } from '@near/identity';
import { SessionsService, type Session, Attendance, SessionLifecycle, VotingError, VotingErrorCode } from '@near/voting';
import { ActingUser } from '../auth/acting.decorator.js';
import { Roles } from '../auth/access.decorators.js';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { AssemblyDto } from './dto/assembly.dto.js';
import { CreateAssemblyDto } from './dto/create-assembly.dto.js';
import { CancelAssemblyDto, EditAssemblyDto } from './dto/edit-assembly.dto.js';
import { ListAssembliesQuery } from './dto/list-assemblies.query.js';
import { RecordAttendanceDto } from './dto/record-attendance.dto.js';
import { UuidParamPipe } from '../http/uuid-param.pipe.js';
import { etagOf, versionFromIfMatch } from '../http/if-match.js';

const ETAG_HEADER = { ETag: { description: 'The version, for If-Match.', schema: { type: 'string' } } };

@ApiTags('assemblies')
@Controller('assemblies')
export class AssembliesController {
  constructor(
    private readonly assemblies: SessionsService,
    private readonly lifecycle: SessionLifecycle,
    private readonly attendance: Attendance,
    private readonly reader: ApplicationReader,
    private readonly changes: SessionChanges,
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
  @ApiOkResponse({ type: AssemblyDto, headers: ETAG_HEADER })
  @ProblemResponses(400, 401, 404)
  async get(
    @Param('id', UuidParamPipe) id: string,
    @ActingUser() acting: Acting,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AssemblyDto> {
    const session = await this.assemblies.get(id);
    void reply.header('ETag', etagOf(session.version));
    return this.view(session, acting);
  }

  @Patch(':id')
  @Roles('secretariat')
  @ApiOperation({
    summary: 'Edit a scheduled meeting: number, host, dates, venue or rule',
    description:
      'Fields left out stay as they are; audited with each changed field before and after. When the number, dates or venue change, ' +
      'the applicants on its agenda and the member delegates are sent the agenda notice again, with the new facts.',
  })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag (version) the caller last saw: 428 without it, 412 when stale.' })
  @ApiOkResponse({ type: AssemblyDto, headers: ETAG_HEADER, description: 'The session as edited.' })
  @ProblemResponses(400, 401, 403, 404, 409, 412, 413, 415, 422, 428)
  async edit(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: EditAssemblyDto,
    @Headers('if-match') ifMatch: string | undefined,
    @ActingUser() acting: Acting,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AssemblyDto> {
    const version = versionFromIfMatch(ifMatch);
    if (version === undefined) {
      throw new VotingError(
        VotingErrorCode.SessionVersionRequired,
        'Say which version of the session you edit: send If-Match with the ETag of GET /assemblies/:id.',
      );
    }
    const session = await this.changes.edit(id, body, version, acting);
    void reply.header('ETag', etagOf(session.version));
    return this.view(session, acting);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('secretariat')
  @ApiOperation({
    summary: 'Cancel a scheduled meeting',
    description:
      'The session becomes cancelled (final) and each application on its agenda goes back to eligible, by the workflow’s defer ' +
      '(audited, its e-mails to the applicant’s contact and the member delegates with the reason), all in one transaction. ' +
      'Honours If-Match (412 when stale).',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag (version) the caller last saw; 412 when stale.' })
  @ApiOkResponse({ type: AssemblyDto, headers: ETAG_HEADER, description: 'The session, cancelled, its agenda empty.' })
  @ProblemResponses(400, 401, 403, 404, 409, 412, 413, 415)
  async cancel(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: CancelAssemblyDto,
    @Headers('if-match') ifMatch: string | undefined,
    @ActingUser() acting: Acting,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AssemblyDto> {
    const session = await this.changes.cancel(id, body?.reason, versionFromIfMatch(ifMatch), acting);
    void reply.header('ETag', etagOf(session.version));
    return this.view(session, acting);
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
