import { ApiProperty } from '@nestjs/swagger';

export class CalendarLinkDto {
  @ApiProperty({
    format: 'uri',
    example: 'https://admission.near.example/calendar/feed/3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    description: 'The secret feed address for calendar applications; it works without signing in until revoked or replaced.',
  })
  url!: string;
}
