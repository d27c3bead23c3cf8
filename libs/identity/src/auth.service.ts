import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@near/config';
import { type AuthenticatedUser, toAuthenticatedUser } from './authenticated-user.js';
import { IdentityError, IdentityErrorCode } from './identity-error.js';
import { LoginThrottle } from './login-throttle.js';
import { verifyPassword } from './password-hasher.js';
import { User } from './user.entity.js';
import { UsersService } from './users.service.js';

export interface SignInResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: AuthenticatedUser;
}

interface TokenClaims {
  sub: string;
  role: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Compared against when the e-mail is unknown, so that a miss costs as long as a wrong password.
const DECOY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

@Injectable()
export class AuthService {
  private readonly throttle: LoginThrottle;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {
    this.throttle = new LoginThrottle(config.auth);
  }

  async signIn(emailInput: string, password: string, address: string): Promise<SignInResult> {
    const email = emailInput.trim().toLowerCase();
    // Each attempt is counted as a failure before the password is checked, in a short locked
    // transaction, so concurrent guesses cannot slip past the limit; a success then clears the count.
    // No connection is held during the deliberately slow hash.
    await this.dataSource.transaction(async (manager) => {
      await this.throttle.lockAccount(manager, email);
      await this.throttle.assertAllowed(manager, email, address);
      await this.throttle.recordFailure(manager, email, address);
    });
    const found = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    const passwordMatches = await verifyPassword(password, found?.passwordHash ?? DECOY_HASH);
    const user = found && passwordMatches && !found.disabledAt ? found : null;
    if (!user) throw new IdentityError(IdentityErrorCode.InvalidCredentials, 'The e-mail or the password is wrong.');
    await this.throttle.clear(this.dataSource.manager, email);
    const claims: TokenClaims = { sub: user.id, role: user.role };
    return {
      accessToken: await this.jwt.signAsync(claims),
      tokenType: 'Bearer',
      expiresIn: this.config.auth.jwtTtlSeconds,
      user: toAuthenticatedUser(user),
    };
  }

  /** Verifies a bearer token and loads its user fresh, so a disabled user's tokens stop working at once. */
  async authenticate(token: string): Promise<AuthenticatedUser> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims & object>(token);
    } catch {
      throw new IdentityError(IdentityErrorCode.InvalidToken, 'The access token is invalid or has expired; sign in again.');
    }
    const user = typeof claims.sub === 'string' && UUID.test(claims.sub) ? await this.users.findActiveById(claims.sub) : null;
    if (!user) throw new IdentityError(IdentityErrorCode.InvalidToken, 'The access token belongs to no active user; sign in again.');
    return toAuthenticatedUser(user);
  }
}
