import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsString, IsUUID, Length, Max, Min } from 'class-validator';

const MEETING_BODIES = ['general_assembly', 'working_committee'] as const;

export class CreateAssemblyDto {
  @ApiProperty({ enum: MEETING_BODIES })
  @IsIn(MEETING_BODIES)
  body!: (typeof MEETING_BODIES)[number];

  @ApiProperty({ example: 16, description: 'The ordinal of the session for its body.' })
  @IsInt()
  @Min(1)
  @Max(10_000)
  number!: number;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  hostGovernmentId!: string;

  @ApiProperty({ format: 'date', example: '2027-09-15' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  startsOn!: string;

  @ApiProperty({ format: 'date', example: '2027-09-17' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  endsOn!: string;

  @ApiProperty({ example: 'Pohang, Gyeongsangbuk-do' })
  @IsString()
  @Length(1, 300)
  venue!: string;
}
