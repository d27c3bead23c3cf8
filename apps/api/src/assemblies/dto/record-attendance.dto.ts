import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';

export class RecordAttendanceDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Every government present now; the list replaces the previous one.' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  governmentIds!: string[];
}
