import { ApiProperty } from '@nestjs/swagger';
import { MeDto } from './me.dto.js';

export class SignInResponseDto {
  @ApiProperty({ description: 'A short-lived JWT to send as `Authorization: Bearer <token>`.' })
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Seconds until the token expires.' })
  expiresIn!: number;

  @ApiProperty({ type: MeDto })
  user!: MeDto;

  @ApiProperty({
    description:
      'The role requires a second factor the user has not enrolled: until it does, only enrolment, /auth/me and sign-out answer.',
  })
  mustEnrolSecondFactor!: boolean;

  @ApiProperty({
    description: 'The session ends when not renewed (POST /auth/refresh) for this many seconds: renew only while the user is active.',
  })
  idleTimeoutSeconds!: number;
}
