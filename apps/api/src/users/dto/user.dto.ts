import { ApiProperty } from '@nestjs/swagger';
import { type User, USER_STATUSES, type UserStatus, userStatus } from '@near/identity';
import { MeDto } from '../../auth/dto/me.dto.js';

/** A user as the admin sees it: what GET /auth/me says of the caller, and more. */
export class UserDto extends MeDto {
  @ApiProperty({
    enum: USER_STATUSES,
    description: 'invited: has not chosen a password yet (cannot sign in); active; disabled: refused everywhere.',
  })
  status!: UserStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) disabledAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'The version, as the ETag of GET /users/:id gives it, for If-Match.' }) version!: number;

  static from(user: User): UserDto {
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      governmentId: user.governmentId,
      locale: user.locale,
      status: userStatus(user),
      disabledAt: user.disabledAt?.toISOString() ?? null,
      createdAt: user.createdAt.toISOString(),
      version: user.version,
    };
  }
}
