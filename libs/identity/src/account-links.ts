import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import * as links from './account-link.repository.js';
import type { AccountLinkPurpose } from './account-link.repository.js';
import { IdentityError, IdentityErrorCode } from './identity-error.js';

/** How long a link works: an invitation 72 hours, a password reset one hour, a sign-in unlock 30 minutes. */
export const LINK_VALIDITY_SECONDS: Record<AccountLinkPurpose, number> = {
  invitation: 72 * 3600,
  'password-reset': 3600,
  unlock: 1800,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SECRET = /^[A-Za-z0-9_-]{43}$/;

const sha256 = (value: Buffer) => createHash('sha256').update(value).digest();

/**
 * The single-use links of invitations, password resets and sign-in unlocks. A token is `<id>.<secret>`: the id finds the row,
 * the secret (256 random bits) is kept only as its SHA-256, which suffices for a secret of that entropy, and is
 * compared in constant time. A token is never logged, audited or answered: it leaves only in its e-mail.
 */
export const AccountLinks = {
  /** A new token for the user; the user's earlier unused link of the same purpose stops working. */
  async issue(manager: EntityManager, userId: string, purpose: AccountLinkPurpose): Promise<string> {
    const secret = randomBytes(32);
    const id = await links.replace(manager, userId, purpose, sha256(secret), LINK_VALIDITY_SECONDS[purpose]);
    return `${id}.${secret.toString('base64url')}`;
  },

  /** Uses the token up and answers its user's id, or refuses it with one answer whatever is wrong with it. */
  async redeem(manager: EntityManager, token: string, purpose: AccountLinkPurpose): Promise<string> {
    const [id, encoded, ...rest] = token.split('.');
    const secret = SECRET.test(encoded ?? '') ? Buffer.from(encoded, 'base64url') : undefined;
    // 43 characters carry 258 bits: the last one's two spare bits must be zero, or a second spelling would open the link.
    const canonical = secret !== undefined && secret.toString('base64url') === encoded;
    const row = rest.length === 0 && UUID.test(id) && canonical ? await links.findForUpdate(manager, id) : undefined;
    const matches = row !== undefined && timingSafeEqual(sha256(secret!), row.secretHash);
    if (!row || !matches || row.purpose !== purpose || row.usedAt !== null || row.expired) {
      throw new IdentityError(
        IdentityErrorCode.LinkInvalid,
        'This link does not work: it has expired, was used already or was replaced by a newer one. Ask for a new one.',
      );
    }
    await links.markUsed(manager, row.id);
    return row.userId;
  },

  revokeAll: links.revokeAll,
  issuedWithin: links.issuedWithin,
};
