import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@near/audit';
import { AppConfig } from '@near/config';
import { type AuthenticatedUser, toAuthenticatedUser } from './authenticated-user.js';
import { IdentityError, IdentityErrorCode } from './identity-error.js';
import { LoginThrottle } from './login-throttle.js';
import { DECOY_HASH, needsRehash, verifyPassword } from './password-hasher.js';
import * as userTable from './user.repository.js';
import { UsersService } from './users.service.js';
import { type TimedClaims, VerifiedTokens } from './verified-tokens.js';

export interface SignInResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: AuthenticatedUser;
}

interface TokenClaims extends TimedClaims {
  sub: string;
  role: string;
}

/** Far more than the tokens in use at once (a few per official of some 75 governments). */
const VERIFIED_TOKENS_KEPT = 10_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AuthService {
  private readonly throttle: LoginThrottle;
  private readonly verifiedTokens = new VerifiedTokens<TokenClaims>(VERIFIED_TOKENS_KEPT);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
    private readonly audit: AuditTrail,
  ) {
    this.throttle = new LoginThrottle(config.auth);
  }

  /** `request` is where the attempt came from: the address counts toward throttling, both go into the audit trail. */
  async signIn(emailInput: string, password: string, request: { clientAddress: string; requestId?: string }): Promise<SignInResult> {
    const address = request.clientAddress;
    const email = emailInput.trim().toLowerCase();
    // Each attempt is counted as a failure before the password is checked, in a short locked
    // transaction, so concurrent guesses cannot slip past the limit; a success then clears the count.
    // No connection is held during the deliberately slow hash.
    await this.dataSource.transaction(async (manager) => {
      await this.throttle.lockAccount(manager, email);
      await this.throttle.assertAllowed(manager, email, address);
      await this.throttle.recordFailure(manager, email, address);
    });
    const found = await userTable.findWithPasswordHash(this.dataSource.manager, email);
    const passwordMatches = await verifyPassword(password, found?.passwordHash ?? DECOY_HASH);
    const user = found && passwordMatches && !found.disabledAt ? found : null;
    if (!user) {
      // Attempts refused by the throttle are not audited: they are bounded by it only in the logs' favour,
      // and an attacker must not be able to flood the trail. Every checked credential that fails is.
      const reason = !found ? 'unknown-email' : found.disabledAt ? 'user-disabled' : 'wrong-password';
      await this.dataSource.transaction((manager) =>
        this.audit.record(
          manager,
          { actor: null, ...request },
          {
            action: 'auth.sign-in-failed',
            entityType: 'user',
            entityId: found?.id ?? email,
            payload: { email, reason },
          },
        ),
      );
      throw new IdentityError(IdentityErrorCode.InvalidCredentials, 'The e-mail or the password is wrong.');
    }
    await this.throttle.clear(this.dataSource.manager, email);
    if (user.passwordHash && needsRehash(user.passwordHash)) await this.users.upgradePasswordHash(user.id, user.passwordHash, password);
    const claims = { sub: user.id, role: user.role };
    return {
      accessToken: await this.jwt.signAsync(claims),
      tokenType: 'Bearer',
      expiresIn: this.config.auth.jwtTtlSeconds,
      user: toAuthenticatedUser(user),
    };
  }

  /** Verifies a bearer token and loads its user fresh, so a disabled user's tokens stop working at once. */
  async authenticate(token: string): Promise<AuthenticatedUser> {
    const claims = this.verifiedTokens.get(token) ?? (await this.verify(token));
    const user = typeof claims.sub === 'string' && UUID.test(claims.sub) ? await this.users.findActiveCaller(claims.sub) : null;
    if (!user) throw new IdentityError(IdentityErrorCode.InvalidToken, 'The access token belongs to no active user; sign in again.');
    return user;
  }

  private async verify(token: string): Promise<TokenClaims> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new IdentityError(IdentityErrorCode.InvalidToken, 'The access token is invalid or has expired; sign in again.');
    }
    // Every token this service signs expires; one that does not is verified each time rather than remembered.
    if (typeof claims.exp === 'number') this.verifiedTokens.remember(token, claims);
    return claims;
  }
}
