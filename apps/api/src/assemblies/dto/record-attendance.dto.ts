import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray } from 'class-validator';
import { IsUuid } from '../../http/is-uuid.decorator.js';

export class RecordAttendanceDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Every government present now; the list replaces the previous one.' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsUuid({ each: true })
  governmentIds!: string[];
}
