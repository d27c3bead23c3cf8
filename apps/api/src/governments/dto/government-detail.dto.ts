import { ApiProperty } from '@nestjs/swagger';
import type { GovernmentStanding } from '@near/registry';
import { GovernmentDto } from './government.dto.js';

class FeeStandingDto {
  @ApiProperty({ type: [Number], example: [2025], description: 'Every fiscal year with a recorded payment.' }) paidYears!: number[];
  @ApiProperty({
    type: [Number],
    example: [2026],
    description:
      'Fiscal years past their due date (30 April), owed and unpaid, counted from the year after admission and never before FEES_TRACKED_FROM.',
  })
  owedYears!: number[];
  @ApiProperty({ example: 1, description: 'How many fiscal years are owed; from 2 a member loses its vote.' }) arrears!: number;
}

/** One government with its fees: what GET /governments/{id} and PUT /governments/{id}/fees answer. */
export class GovernmentDetailDto extends GovernmentDto {
  @ApiProperty({ type: FeeStandingDto }) fees!: FeeStandingDto;
  @ApiProperty({ example: 'A member one fiscal year in arrears (2026): it still votes.', description: 'Why it may or may not vote.' })
  mayVoteReason!: string;
  @ApiProperty({ example: 3, description: 'Raised by every change; send it back in If-Match.' }) version!: number;

  static detail(standing: GovernmentStanding): GovernmentDetailDto {
    const { paidYears, owedYears, arrears, reason } = standing.rights;
    return {
      ...GovernmentDto.from(standing),
      fees: { paidYears, owedYears, arrears },
      mayVoteReason: reason,
      version: standing.government.version,
    };
  }
}
