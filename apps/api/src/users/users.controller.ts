import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Acting, UsersService } from '@near/identity';
import { ActingUser } from '../auth/acting.decorator.js';
import { Roles } from '../auth/access.decorators.js';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { ListUsersQuery } from './dto/list-users.query.js';
import { UserDto } from './dto/user.dto.js';

@ApiTags('users')
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Add a user with a role' })
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
  @ApiOperation({ summary: 'List the users' })
  @ApiOkResponse({ type: [UserDto] })
  @ProblemResponses(400, 401, 403)
  async list(@Query() query: ListUsersQuery): Promise<UserDto[]> {
    return (await this.users.list(query)).map((user) => UserDto.from(user));
  }
}
