import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO31661Alpha2, IsOptional } from 'class-validator';
import { GOVERNMENT_STATUSES, type GovernmentStatus } from '@near/registry';

export class ListGovernmentsQuery {
  @ApiPropertyOptional({ enum: GOVERNMENT_STATUSES })
  @IsOptional()
  @IsIn(GOVERNMENT_STATUSES)
  status?: GovernmentStatus;

  @ApiPropertyOptional({ example: 'MN', description: 'ISO 3166-1 alpha-2' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @IsISO31661Alpha2()
  country?: string;
}
