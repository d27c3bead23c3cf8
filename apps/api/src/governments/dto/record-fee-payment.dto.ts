import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsISO8601, Matches, Max, Min } from 'class-validator';

export class RecordFeePaymentDto {
  @ApiProperty({ example: 2026, minimum: 1996, maximum: 2200, description: 'The fiscal (calendar) year the fee is for.' })
  @IsInt()
  @Min(1996)
  @Max(2200)
  year!: number;

  @ApiProperty({ format: 'date', example: '2026-04-15', description: 'The day it was paid; not a day still to come.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'paidOn must be a date written YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  paidOn!: string;
}
