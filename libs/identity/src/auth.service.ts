import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail } from '@near/audit';
import { AppConfig } from '@near/config';
import { ActiveCallers, type Caller } from './active-callers.js';
import { type AuthenticatedUser, toAuthenticatedUser } from './authenticated-user.js';
import { IdentityError, IdentityErrorCode } from './identity-error.js';
import { IssuedTokens } from './issued-tokens.js';
import { type Attempt, LoginThrottle } from './login-throttle.js';
import { DECOY_HASH, needsRehash, verifyPassword } from './password-hasher.js';
import { SecondFactors } from './second-factors.js';
import { type RequestOrigin, SignInSessions } from './sign-in-sessions.js';
import type { User } from './user.entity.js';
import { UsersService } from './users.service.js';
import * as userTable from './user.repository.js';

export interface SignInResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: AuthenticatedUser;
  /** The role requires a second factor the user lacks: the token serves only to enrol one. */
  mustEnrolSecondFactor: boolean;
  /** The session ends when it is not renewed for this long: a client renews only while its user is active. */
  idleTimeoutSeconds: number;
}

/** A completed sign-in: the answer, and the cookies to set (the refresh token; the browser's device token). */
export interface SignedIn {
  result: SignInResult;
  refreshToken: string;
  deviceToken?: string;
}

/** The first step of a sign-in for a user with a second factor: a token for the second step, and nothing else. */
export interface SecondStepNeeded {
  mfaRequired: true;
  mfaToken: string;
}

/** A sign-in attempt: where it came from and, when the browser has one, its device token. */
export type SignInOrigin = RequestOrigin & { deviceToken?: string };

/** The caller of a request, and whether it may only enrol a second factor (its role requires one it lacks). */
export type AuthenticatedCaller = Caller & { enrolmentOnly: boolean };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: IssuedTokens,
    private readonly callers: ActiveCallers,
    private readonly sessions: SignInSessions,
    private readonly secondFactors: SecondFactors,
    private readonly users: UsersService,
    private readonly config: AppConfig,
    private readonly audit: AuditTrail,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * The first step: e-mail and password. Signs in, or asks for the second factor when the user has one.
   *
   * A user with a second factor is not kept out by the account's delay, which strangers' guesses cause: while it
   * holds, every password (right or wrong) is answered with a second step, a real one for the right password and a
   * decoy that no code completes for a wrong one, so a guesser learns nothing from the answer and still needs the
   * code, whose failures are slowed per account. The address's delay still applies.
   */
  async signIn(emailInput: string, password: string, origin: SignInOrigin): Promise<SignedIn | SecondStepNeeded> {
    const email = emailInput.trim().toLowerCase();
    const attempt: Attempt = { email, address: origin.clientAddress, kind: 'password', deviceId: await this.deviceOf(email, origin) };
    const found = await userTable.findWithPasswordHash(this.dataSource.manager, email);
    const enrolled = !!found && !found.disabledAt && (await this.secondFactors.has(this.dataSource.manager, found.id));
    const { failureId, accountHeld } = await this.throttle.countAttempt(this.dataSource, attempt, { deferAccountWait: enrolled });
    const passwordMatches = await verifyPassword(password, found?.passwordHash ?? DECOY_HASH);
    const user = found && passwordMatches && !found.disabledAt ? found : null;
    if (!user) {
      const reason = !found ? 'unknown-email' : found.disabledAt ? 'user-disabled' : 'wrong-password';
      await this.recordFailure(origin, found?.id ?? email, { email, reason });
      if (accountHeld) return { mfaRequired: true, mfaToken: await this.tokens.decoy('mfa', { sub: found!.id }) };
      throw new IdentityError(IdentityErrorCode.InvalidCredentials, 'The e-mail or the password is wrong.');
    }
    await this.throttle.forget(this.dataSource.manager, failureId);
    if (user.passwordHash && needsRehash(user.passwordHash)) await this.users.upgradePasswordHash(user.id, user.passwordHash, password);
    if (await this.secondFactors.has(this.dataSource.manager, user.id)) {
      return { mfaRequired: true, mfaToken: await this.tokens.sign('mfa', { sub: user.id }) };
    }
    return this.dataSource.transaction((manager) => this.startSession(manager, user, origin));
  }

  /** The second step: the token of the first and a code (TOTP or recovery), throttled per account like a password. */
  async completeSecondStep(mfaToken: string, code: string, origin: SignInOrigin): Promise<SignedIn> {
    // A decoy (a wrong password while the account's delay held, see signIn) is answered as a wrong code, after the
    // same throttle; it is not counted again: its password was.
    const verified = await this.tokens.verify('mfa', mfaToken).catch((error: unknown) => {
      if (this.tokens.unverifiedClaims('mfa', mfaToken)) return undefined;
      throw error;
    });
    const claims = verified ?? this.tokens.unverifiedClaims('mfa', mfaToken)!;
    const user = UUID.test(claims.sub) ? await userTable.findActiveById(this.dataSource.manager, claims.sub) : null;
    if (!user)
      throw new IdentityError(IdentityErrorCode.InvalidToken, 'The sign-in step has expired; enter your e-mail and password again.');
    const attempt: Attempt = { email: user.email, address: origin.clientAddress, kind: 'second-factor' };
    const { failureId } = await this.throttle.countAttempt(this.dataSource, attempt);
    if (!verified) {
      await this.throttle.forget(this.dataSource.manager, failureId);
      throw new IdentityError(IdentityErrorCode.InvalidCredentials, 'The code is wrong or was used already.');
    }
    const signedIn = await this.dataSource.transaction(async (manager) => {
      if (!(await this.secondFactors.spendForSignIn(manager, user, code))) return null;
      await this.throttle.forget(manager, failureId);
      return this.startSession(manager, user, origin);
    });
    if (!signedIn) {
      await this.recordFailure(origin, user.id, { email: user.email, reason: 'wrong-second-factor-code' });
      throw new IdentityError(IdentityErrorCode.InvalidCredentials, 'The code is wrong or was used already.');
    }
    return signedIn;
  }

  /** A new access token for the session of a refresh token, and the next refresh token (the one given is spent). */
  async refresh(refreshToken: string, origin: RequestOrigin): Promise<SignedIn> {
    const renewed = await this.sessions.renew(refreshToken, origin);
    const user = await userTable.findActiveById(this.dataSource.manager, renewed.userId);
    if (!user) {
      await this.sessions.end(renewed.sessionId, 'user-disabled');
      throw new IdentityError(IdentityErrorCode.InvalidRefreshToken, 'The account is disabled.');
    }
    return { result: await this.answer(this.dataSource.manager, user, renewed.sessionId), refreshToken: renewed.refreshToken };
  }

  /** Ends the caller's session: its access and refresh tokens stop working at once. */
  signOut(sessionId: string): Promise<void> {
    return this.sessions.end(sessionId, 'signed-out');
  }

  /**
   * Verifies a bearer token and reads its session and user fresh, so that the tokens of a disabled user or an
   * ended session stop working at once.
   */
  async authenticate(token: string): Promise<AuthenticatedCaller> {
    const claims = await this.tokens.verify('access', token);
    const caller = typeof claims.sid === 'string' && UUID.test(claims.sid) ? await this.callers.find(claims.sid) : null;
    if (!caller || caller.user.id !== claims.sub) {
      throw new IdentityError(IdentityErrorCode.InvalidToken, 'The access token belongs to no active session; sign in again.');
    }
    const enrolmentOnly = !caller.secondFactor && this.config.auth.mfaRequiredRoles.includes(caller.user.role);
    return { ...caller, enrolmentOnly };
  }

  private async startSession(manager: EntityManager, user: User, origin: SignInOrigin): Promise<SignedIn> {
    const { sessionId, refreshToken } = await this.sessions.start(manager, user.id, origin);
    const deviceToken = await this.tokens.sign('device', { sub: user.id, email: user.email, did: randomUUID() });
    return { result: await this.answer(manager, user, sessionId), refreshToken, deviceToken };
  }

  private async answer(manager: EntityManager, user: User, sessionId: string): Promise<SignInResult> {
    const mustEnrolSecondFactor =
      this.config.auth.mfaRequiredRoles.includes(user.role) && !(await this.secondFactors.has(manager, user.id));
    return {
      accessToken: await this.tokens.sign('access', { sub: user.id, role: user.role, sid: sessionId }),
      tokenType: 'Bearer',
      expiresIn: this.tokens.lifetimeSeconds('access'),
      user: toAuthenticatedUser(user),
      mustEnrolSecondFactor,
      idleTimeoutSeconds: this.config.auth.sessionIdleTimeoutSeconds,
    };
  }

  /** The id of the browser's device token, when it was given for this account; a bad or foreign one counts for nothing. */
  private async deviceOf(email: string, origin: SignInOrigin): Promise<string | undefined> {
    if (!origin.deviceToken) return undefined;
    const claims = await this.tokens.verify('device', origin.deviceToken).catch(() => undefined);
    return claims?.email === email && typeof claims.did === 'string' && UUID.test(claims.did) ? claims.did : undefined;
  }

  // Attempts refused by the throttle are not audited: an attacker must not be able to flood the trail. Every
  // checked credential that fails is.
  private async recordFailure(origin: RequestOrigin, entityId: string, payload: { email: string; reason: string }): Promise<void> {
    await this.dataSource.transaction((manager) =>
      this.audit.record(
        manager,
        { actor: null, clientAddress: origin.clientAddress, requestId: origin.requestId },
        { action: 'auth.sign-in-failed', entityType: 'user', entityId, payload },
      ),
    );
  }
}
