import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail } from '@near/audit';
import { AppConfig } from '@near/config';
import { IdentityError, IdentityErrorCode } from './identity-error.js';
import { hashOpaqueToken, newOpaqueToken } from './opaque-token.js';
import * as sessions from './sign-in-session.repository.js';

/** Where a request came from, as a session records it. */
export interface RequestOrigin {
  clientAddress: string;
  userAgent?: string;
  requestId?: string;
}

export interface SessionView {
  id: string;
  createdAt: Date;
  lastUsedAt: Date;
  userAgent: string | null;
  clientAddress: string | null;
}

/** Why a session ended, as stored and as GET /auth/sessions and the audit trail show it. */
export type SessionEndReason =
  | 'signed-out'
  | 'ended-by-user'
  | 'refresh-token-reused'
  | 'idle'
  | 'expired'
  | 'password-changed'
  | 'password-reset'
  | 'user-disabled'
  | 'second-factor-reset';

const USER_AGENT_KEPT = 400;

/**
 * Sign-in sessions: one per sign-in, renewed by a refresh token that is rotated at every use. A rotated token
 * presented again means two holders (a copy was stolen): the whole session ends, the thief's and the owner's
 * tokens with it. Access tokens carry the session's id, and the per-request caller check refuses them once it ended.
 */
@Injectable()
export class SignInSessions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditTrail,
  ) {}

  /** Starts a session in the caller's transaction; answers its id and its first refresh token. */
  async start(manager: EntityManager, userId: string, origin: RequestOrigin): Promise<{ sessionId: string; refreshToken: string }> {
    const sessionId = await sessions.insertSession(manager, {
      userId,
      lifetimeSeconds: this.config.auth.sessionAbsoluteLifetimeSeconds,
      userAgent: origin.userAgent?.slice(0, USER_AGENT_KEPT) ?? null,
      clientAddress: origin.clientAddress,
    });
    const { token, hash } = newOpaqueToken();
    await sessions.insertRefreshToken(manager, sessionId, hash);
    return { sessionId, refreshToken: token };
  }

  /**
   * Rotates a refresh token: answers the session, its user and the next token. A token that was rotated already
   * ends its session (committed before the refusal); one of an ended, idle or expired session is refused.
   */
  async renew(refreshToken: string, origin: RequestOrigin): Promise<{ sessionId: string; userId: string; refreshToken: string }> {
    const hash = hashOpaqueToken(refreshToken);
    type Renewed = { sessionId: string; userId: string; refreshToken: string };
    const outcome = await this.dataSource.transaction(async (manager): Promise<Renewed | { refused: string }> => {
      const found = await sessions.lockRefreshToken(manager, hash);
      if (!found) return { refused: 'The refresh token is unknown; sign in again.' };
      const { session, rotatedAt } = found;
      if (session.endedAt) return { refused: 'The session has ended; sign in again.' };
      const now = Date.now();
      const ending: SessionEndReason | null = rotatedAt
        ? 'refresh-token-reused'
        : session.expiresAt.getTime() <= now
          ? 'expired'
          : session.lastUsedAt.getTime() + this.config.auth.sessionIdleTimeoutSeconds * 1000 <= now
            ? 'idle'
            : null;
      if (ending) {
        await sessions.endSession(manager, session.id, ending);
        if (ending === 'refresh-token-reused') {
          await this.audit.record(
            manager,
            { actor: null, clientAddress: origin.clientAddress, requestId: origin.requestId },
            {
              action: 'auth.session-ended',
              entityType: 'user',
              entityId: session.userId,
              payload: { sessionId: session.id, reason: ending },
            },
          );
        }
        return {
          refused:
            ending === 'refresh-token-reused'
              ? 'The refresh token was used before: the session has ended, in case a copy was stolen; sign in again.'
              : 'The session has run out; sign in again.',
        };
      }
      await sessions.markRotated(manager, hash);
      const next = newOpaqueToken();
      await sessions.insertRefreshToken(manager, session.id, next.hash);
      await sessions.touch(manager, session.id, origin.clientAddress);
      return { sessionId: session.id, userId: session.userId, refreshToken: next.token };
    });
    if ('refused' in outcome) throw new IdentityError(IdentityErrorCode.InvalidRefreshToken, outcome.refused);
    return outcome;
  }

  /** Ends one session (sign-out); ending one that has ended already does nothing. */
  async end(sessionId: string, reason: SessionEndReason): Promise<void> {
    await sessions.endSession(this.dataSource.manager, sessionId, reason);
  }

  /**
   * Ends every session of the user, in the caller's transaction, but the one named in `except` (a password change
   * keeps the session that made it). Their access tokens are refused from the next request on.
   */
  async endAllOf(manager: EntityManager, userId: string, options: { except?: string; reason?: SessionEndReason } = {}): Promise<void> {
    await sessions.endSessionsOf(manager, userId, options.reason ?? 'password-changed', options.except);
  }

  /** The user's sessions that are still going, newest first. */
  async list(userId: string): Promise<SessionView[]> {
    const rows = await sessions.goingSessionsOf(this.dataSource.manager, userId, this.config.auth.sessionIdleTimeoutSeconds);
    return rows.map(({ id, createdAt, lastUsedAt, userAgent, clientAddress }) => ({ id, createdAt, lastUsedAt, userAgent, clientAddress }));
  }

  /** Ends one of the user's own sessions; another user's, or an ended one, is not found. */
  async endOwn(userId: string, sessionId: string): Promise<void> {
    if (!(await sessions.endSession(this.dataSource.manager, sessionId, 'ended-by-user', userId))) {
      throw new IdentityError(IdentityErrorCode.SessionNotFound, `You have no session ${sessionId} going.`);
    }
  }
}
