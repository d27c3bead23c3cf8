import { ApiProperty } from '@nestjs/swagger';
import type { SessionView } from '@near/identity';

export class SessionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', description: 'The last sign-in or renewal of the session.' }) lastUsedAt!: string;
  @ApiProperty({ nullable: true, type: String }) userAgent!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The client address of the last sign-in or renewal.' })
  clientAddress!: string | null;
  @ApiProperty({ description: 'Whether this is the session of the token making the request.' }) current!: boolean;

  static from(session: SessionView, currentId: string | undefined): SessionDto {
    return {
      id: session.id,
      createdAt: session.createdAt.toISOString(),
      lastUsedAt: session.lastUsedAt.toISOString(),
      userAgent: session.userAgent,
      clientAddress: session.clientAddress,
      current: session.id === currentId,
    };
  }
}
