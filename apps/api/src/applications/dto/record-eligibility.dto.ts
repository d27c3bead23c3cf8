import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ELIGIBILITY_CRITERION_CODES } from '@near/admission';

class CriterionRecordDto {
  @ApiProperty({ enum: ELIGIBILITY_CRITERION_CODES })
  @IsIn(ELIGIBILITY_CRITERION_CODES)
  code!: string;

  @ApiProperty()
  @IsBoolean()
  passed!: boolean;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;
}

export class RecordEligibilityDto {
  @ApiProperty({ type: [CriterionRecordDto] })
  @ValidateNested({ each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(ELIGIBILITY_CRITERION_CODES.length)
  @Type(() => CriterionRecordDto)
  criteria!: CriterionRecordDto[];
}
