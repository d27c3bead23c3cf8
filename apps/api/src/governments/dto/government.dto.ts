import { ApiProperty } from '@nestjs/swagger';
import {
  GOVERNMENT_LEVELS,
  GOVERNMENT_STATUSES,
  type GovernmentLevel,
  type GovernmentStanding,
  type GovernmentStatus,
} from '@near/registry';

export class GovernmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Gyeongsangbuk-do' }) nameEn!: string;
  @ApiProperty({ example: '경상북도' }) nameLocal!: string;
  @ApiProperty({ example: 'KR', description: 'ISO 3166-1 alpha-2' }) country!: string;
  @ApiProperty({ enum: GOVERNMENT_LEVELS }) level!: GovernmentLevel;
  @ApiProperty({ example: 'Province', nullable: true, type: String }) kind!: string | null;
  @ApiProperty({ enum: GOVERNMENT_STATUSES }) status!: GovernmentStatus;
  @ApiProperty({
    example: 'Asia/Seoul',
    nullable: true,
    type: String,
    description: 'IANA time zone its officials read deadlines in; null: not known.',
  })
  timeZone!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) memberSince!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The session whose vote admitted it, when the system recorded that vote.',
  })
  admittedByAssemblyId!: string | null;
  @ApiProperty({ description: 'A member owing fewer than two fiscal years of fees, today. Others never vote.' })
  mayVote!: boolean;

  static from({ government, rights }: GovernmentStanding): GovernmentDto {
    return {
      id: government.id,
      nameEn: government.nameEn,
      nameLocal: government.nameLocal,
      country: government.country,
      level: government.level,
      kind: government.kind,
      status: government.status,
      timeZone: government.timeZone,
      memberSince: government.memberSince,
      admittedByAssemblyId: government.admittedByAssemblyId,
      mayVote: rights.mayVote,
    };
  }
}
