import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  SESSION_BODIES,
  type SessionBody,
  BALLOT_SECRECY,
  type BallotSecrecy,
  MAJORITY_RULES,
  type MajorityRule,
  QUORUM_RULES,
  type QuorumRule,
  MAX_REMINDERS,
  REMINDER_PATTERN,
} from '@near/voting';
import { IsUuid } from '../../http/is-uuid.decorator.js';

const isMeeting = (dto: CreateAssemblyDto) => dto.body !== 'written_procedure';

export class CreateAssemblyDto {
  @ApiProperty({ enum: SESSION_BODIES })
  @IsIn(SESSION_BODIES)
  body!: SessionBody;

  @ApiProperty({ example: 16, minimum: 1, maximum: 10_000, description: 'The ordinal of the session for its body.' })
  @IsInt()
  @Min(1)
  @Max(10_000)
  number!: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Meetings only.' })
  @ValidateIf(isMeeting)
  @IsUuid()
  hostGovernmentId?: string;

  @ApiPropertyOptional({ format: 'date', example: '2027-09-15', description: 'Meetings only.' })
  @ValidateIf(isMeeting)
  @IsISO8601({ strict: true })
  @Length(10, 10)
  startsOn?: string;

  @ApiPropertyOptional({ format: 'date', example: '2027-09-17', description: 'Meetings only.' })
  @ValidateIf(isMeeting)
  @IsISO8601({ strict: true })
  @Length(10, 10)
  endsOn?: string;

  @ApiPropertyOptional({ example: 'Pohang, Gyeongsangbuk-do', description: 'Meetings only.' })
  @ValidateIf(isMeeting)
  @IsString()
  @Length(1, 300)
  venue?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Written procedures only: when its open ballots close by themselves.' })
  @ValidateIf((dto: CreateAssemblyDto) => !isMeeting(dto))
  @IsISO8601({ strict: true })
  deadline?: string;

  @ApiPropertyOptional({
    enum: QUORUM_RULES,
    description: 'Default: more_than_half_present (meetings), more_than_half_answered (written).',
  })
  @IsOptional()
  @IsIn(QUORUM_RULES)
  quorum?: QuorumRule;

  @ApiPropertyOptional({ enum: MAJORITY_RULES, default: 'more_than_half_cast' })
  @IsOptional()
  @IsIn(MAJORITY_RULES)
  majority?: MajorityRule;

  @ApiPropertyOptional({ enum: BALLOT_SECRECY, default: 'named' })
  @IsOptional()
  @IsIn(BALLOT_SECRECY)
  ballotSecrecy?: BallotSecrecy;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_REMINDERS,
    example: ['PT72H', 'PT24H'],
    description:
      'When reminders go out: ISO 8601 durations (weeks, days, hours, minutes, seconds) before the deadline of a written ' +
      'procedure (to the delegates of each government on the roll that has not voted) or before the start of a meeting (to ' +
      'the delegates of every member, with the agenda). Default ["PT72H", "PT24H"] for a written procedure, ["P7D", "P1D"] ' +
      'for a meeting; [] for none.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_REMINDERS)
  @IsString({ each: true })
  @Length(2, 40, { each: true })
  @Matches(REMINDER_PATTERN, { each: true, message: 'each reminder must be an ISO 8601 duration such as PT24H or P7D' })
  reminders?: string[];
}
