import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { BALLOT_SECRECY, type BallotSecrecy, MAJORITY_RULES, type MajorityRule, QUORUM_RULES, type QuorumRule } from '@near/voting';
import { IsUuid } from '../../http/is-uuid.decorator.js';

/** An edit of a scheduled meeting; a field left out stays as it is. The body of a session does not change. */
export class EditAssemblyDto {
  @ApiPropertyOptional({ example: 16, minimum: 1, maximum: 10_000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  number?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUuid()
  hostGovernmentId?: string;

  @ApiPropertyOptional({ format: 'date', example: '2027-09-15' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  startsOn?: string;

  @ApiPropertyOptional({ format: 'date', example: '2027-09-17' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  endsOn?: string;

  @ApiPropertyOptional({ example: 'Pohang, Gyeongsangbuk-do' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  venue?: string;

  @ApiPropertyOptional({ enum: QUORUM_RULES })
  @IsOptional()
  @IsIn(QUORUM_RULES)
  quorum?: QuorumRule;

  @ApiPropertyOptional({ enum: MAJORITY_RULES })
  @IsOptional()
  @IsIn(MAJORITY_RULES)
  majority?: MajorityRule;

  @ApiPropertyOptional({ enum: BALLOT_SECRECY })
  @IsOptional()
  @IsIn(BALLOT_SECRECY)
  ballotSecrecy?: BallotSecrecy;
}

export class CancelAssemblyDto {
  @ApiPropertyOptional({
    example: 'The host government can no longer receive the session on these dates.',
    description: 'Why; told to the applicants on its agenda and the member delegates. Without it they are told the session was cancelled.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}
