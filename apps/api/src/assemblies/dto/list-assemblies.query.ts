import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SESSION_BODIES, SESSION_STATUSES, type SessionBody, type SessionStatus } from '@near/voting';

export class ListAssembliesQuery {
  @ApiPropertyOptional({ enum: SESSION_BODIES })
  @IsOptional()
  @IsIn(SESSION_BODIES)
  body?: SessionBody;

  @ApiPropertyOptional({ enum: SESSION_STATUSES })
  @IsOptional()
  @IsIn(SESSION_STATUSES)
  status?: SessionStatus;
}
