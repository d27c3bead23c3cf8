import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@near/config';
import { IdentityError, IdentityErrorCode } from './identity-error.js';
import { type TimedClaims, VerifiedTokens } from './verified-tokens.js';

/**
 * The JWTs this system signs, each with its type, so that none passes for another: `access` (a bearer token, of a
 * sign-in session), `mfa` (between the password and the second factor, grants nothing else) and `device` (a
 * browser that signed in to an account before, for the throttle).
 */
export type TokenType = 'access' | 'mfa' | 'device';

export interface TokenClaims extends TimedClaims {
  typ: TokenType;
  sub: string;
  iat: number;
  role?: string;
  /** The sign-in session of an access token. */
  sid?: string;
  /** The account a device token was given for. */
  email?: string;
  did?: string;
}

const MFA_TOKEN_SECONDS = 300;
const DEVICE_TOKEN_SECONDS = 365 * 86400;
/** Clocks of several API processes may differ a little; a token issued further in the future is refused. */
const CLOCK_SKEW_SECONDS = 60;
/** Far more than the tokens in use at once (a few per official of some 75 governments). */
const VERIFIED_TOKENS_KEPT = 10_000;

@Injectable()
export class IssuedTokens {
  private readonly verifiedAccessTokens = new VerifiedTokens<TokenClaims>(VERIFIED_TOKENS_KEPT);

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  lifetimeSeconds(type: TokenType): number {
    return type === 'access' ? this.config.auth.jwtTtlSeconds : type === 'mfa' ? MFA_TOKEN_SECONDS : DEVICE_TOKEN_SECONDS;
  }

  sign(type: TokenType, claims: Omit<TokenClaims, 'typ' | 'iat' | 'exp'>): Promise<string> {
    return this.jwt.signAsync({ ...claims, typ: type }, { expiresIn: this.lifetimeSeconds(type) });
  }

  /**
   * The claims of a token of this type signed by us, within its time. Every token must carry `iat` and an `exp` no
   * later than `iat` plus the type's configured lifetime: a token that never expires, or in ten years, is refused
   * whatever key signed it.
   */
  async verify(type: TokenType, token: string): Promise<TokenClaims> {
    const remembered = type === 'access' ? this.verifiedAccessTokens.get(token) : undefined;
    if (remembered) return remembered;
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw this.invalid(type);
    }
    const now = Math.floor(Date.now() / 1000);
    const wellFormed =
      claims.typ === type &&
      typeof claims.sub === 'string' &&
      typeof claims.iat === 'number' &&
      typeof claims.exp === 'number' &&
      claims.iat <= now + CLOCK_SKEW_SECONDS &&
      claims.exp <= claims.iat + this.lifetimeSeconds(type);
    if (!wellFormed) throw this.invalid(type);
    if (type === 'access') this.verifiedAccessTokens.remember(token, claims);
    return claims;
  }

  private invalid(type: TokenType): IdentityError {
    return new IdentityError(
      IdentityErrorCode.InvalidToken,
      type === 'mfa'
        ? 'The sign-in step has expired; enter your e-mail and password again.'
        : 'The access token is invalid or has expired; sign in again.',
    );
  }
}
