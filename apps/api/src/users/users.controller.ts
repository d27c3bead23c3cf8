import { Body, Controller, Get, Headers, HttpCode, HttpException, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Acting, UserAdministration, UsersService } from '@near/identity';
import { ActingUser } from '../auth/acting.decorator.js';
import { Roles } from '../auth/access.decorators.js';
import { etagOf, versionFromIfMatch } from '../http/if-match.js';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { UuidParamPipe } from '../http/uuid-param.pipe.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { ListUsersQuery } from './dto/list-users.query.js';
import { UpdateUserDto } from './dto/update-user.dto.js';
import { UserDto } from './dto/user.dto.js';

const ETAG_HEADER = { ETag: { description: 'The version, for If-Match.', schema: { type: 'string' } } };

@ApiTags('users')
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly administration: UserAdministration,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Add a user with a role',
    description: 'Without password, the user is created invited (status "invited") and e-mailed a link to choose one.',
  })
  @ApiCreatedResponse({ type: UserDto })
  @ProblemResponses(400, 401, 403, 409, 413, 415, 422)
  async create(
    @Body() body: CreateUserDto,
    @ActingUser() acting: Acting,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserDto> {
    const user = await this.users.create(body, acting.audit);
    void reply.header('Location', `/users/${user.id}`);
    return UserDto.from(user);
  }

  @Get()
  @Roles('admin', 'secretariat')
  @ApiOperation({ summary: 'List the users', description: 'The Secretariat sees the applicants and delegates; the admin everyone.' })
  @ApiOkResponse({ type: [UserDto] })
  @ProblemResponses(400, 401, 403)
  async list(@Query() query: ListUsersQuery, @ActingUser() acting: Acting): Promise<UserDto[]> {
    return (await this.users.list(query, acting.user.role)).map((user) => UserDto.from(user));
  }

  @Get(':id')
  @Roles('admin', 'secretariat')
  @ApiOperation({ summary: 'Show a user', description: 'The Secretariat sees the applicants and delegates only (any other is a 404).' })
  @ApiOkResponse({ type: UserDto, headers: ETAG_HEADER })
  @ProblemResponses(400, 401, 403, 404)
  async get(
    @Param('id', UuidParamPipe) id: string,
    @ActingUser() acting: Acting,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserDto> {
    const user = await this.administration.get(id, acting);
    void reply.header('ETag', etagOf(user.version));
    return UserDto.from(user);
  }

  @Patch(':id')
  @Roles('admin', 'secretariat')
  @ApiOperation({
    summary: "Correct a user's name, role, government or language, or disable or enable it",
    description:
      'Fields left out stay as they are. The admin manages every user, the Secretariat applicants and delegates only, giving no other role; nobody changes their own role or disables themselves. Audited with each changed field before and after; a correction that changes nothing records nothing. Disabling refuses the user everywhere at once.',
  })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag (version) the caller last saw: 428 without it, 412 when stale.' })
  @ApiOkResponse({ type: UserDto, headers: ETAG_HEADER, description: 'The user as corrected.' })
  @ProblemResponses(400, 401, 403, 404, 412, 413, 415, 422, 428)
  async correct(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: UpdateUserDto,
    @Headers('if-match') ifMatch: string | undefined,
    @ActingUser() acting: Acting,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserDto> {
    const version = versionFromIfMatch(ifMatch);
    if (version === undefined) throw new HttpException('If-Match is required: send the ETag of GET /users/:id.', 428);
    const user = await this.administration.correct(id, body, version, acting);
    void reply.header('ETag', etagOf(user.version));
    return UserDto.from(user);
  }

  @Post(':id/invitation')
  @Roles('admin', 'secretariat')
  @HttpCode(204)
  @ApiOperation({
    summary: 'E-mail an invited user a new invitation link',
    description: 'The earlier link stops working. Only for a user who has not chosen a password yet (409 otherwise).',
  })
  @ApiNoContentResponse({ description: 'A new invitation is on its way.' })
  @ProblemResponses(400, 401, 403, 404, 409)
  async invite(@Param('id', UuidParamPipe) id: string, @ActingUser() acting: Acting): Promise<void> {
    await this.administration.invite(id, acting);
  }
}
