/** The claims of a verified token that its time checks need (seconds since the epoch, as in the JWT). */
export interface TimedClaims {
  exp: number;
  nbf?: number;
}

/**
 * Tokens whose signature and claims were verified, so that a caller's next requests skip the verification (about
 * a tenth of a ballot cast's CPU in a vote storm, docs/benchmarks.md). Only what cannot change is remembered: the
 * same bytes carry the same valid signature. The time checks are made again at every use, as jsonwebtoken makes
 * them, and the caller's user is still read fresh each time (AuthService). Bounded: the oldest entry goes first.
 */
export class VerifiedTokens<Claims extends TimedClaims> {
  private readonly claimsByToken = new Map<string, Claims>();

  constructor(private readonly capacity: number) {}

  /** The token's claims if it was verified before and is still within its time; undefined otherwise. */
  get(token: string, nowMs = Date.now()): Claims | undefined {
    const claims = this.claimsByToken.get(token);
    if (claims === undefined) return undefined;
    const now = Math.floor(nowMs / 1000);
    if (now >= claims.exp || (claims.nbf !== undefined && claims.nbf > now)) {
      this.claimsByToken.delete(token);
      return undefined;
    }
    return claims;
  }

  remember(token: string, claims: Claims): void {
    if (this.claimsByToken.size >= this.capacity) this.claimsByToken.delete(this.claimsByToken.keys().next().value!);
    this.claimsByToken.set(token, claims);
  }
}
