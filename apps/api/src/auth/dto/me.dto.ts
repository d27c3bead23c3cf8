import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@near/identity';
import { SUPPORTED_LOCALES, type Locale } from '@near/common';

export class MeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) governmentId!: string | null;
  @ApiProperty({ enum: SUPPORTED_LOCALES }) locale!: Locale;
  @ApiProperty({ required: false, description: 'In GET /auth/me: whether the user signs in with a second factor.' })
  secondFactor?: boolean;
}
