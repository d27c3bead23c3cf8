import { createHmac } from 'node:crypto';

/**
 * What the audit trail records of a ballot's choice: an HMAC under the vote's own key. Nobody who reads the
 * trail (through the API or an export) learns a choice, named or secret, while the ballot is open or after;
 * whoever holds the database can still prove, entry by entry, that the counted ballots are those cast.
 */
export function sealChoice(sealKey: string, governmentId: string, choice: string): string {
  return createHmac('sha256', Buffer.from(sealKey, 'hex')).update(`${governmentId}:${choice}`).digest('hex');
}
