import { messageIdOf } from '@near/notifications';
import type { ReceivedMail } from './mailbox.js';

/** Anything that runs SQL and returns the rows: a TypeORM DataSource, or `sql()` over a pg pool. */
export interface Sql {
  query(text: string, parameters?: unknown[]): Promise<any[]>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * Writes `count` outbox rows straight into the table, as a change would (status pending), each to its own
 * address, with valid template data for `submission-acknowledged`. Returns their ids, oldest first.
 */
export async function insertNotifications(db: Sql, count: number, label = 'bulk'): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `INSERT INTO notifications (event, recipient, locale, data)
     SELECT 'submission-acknowledged', $1 || '.' || i || '@outbox.test', 'en', $2
     FROM generate_series(1, $3::int) AS i ORDER BY i RETURNING id`,
    [label, JSON.stringify({ reference: 'NEAR-2026-0001', governmentName: 'Test Province', category: 'member' }), count],
  );
  return rows.map((row) => row.id);
}

/** The Message-IDs the mailbox should hold for these notifications: one each, derived from the id. */
export const messageIdsOf = (ids: readonly string[]): Set<string> => new Set(ids.map((id) => messageIdOf(id)));

/** How many times each Message-ID arrived. */
export function arrivals(mails: readonly ReceivedMail[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mail of mails) counts.set(mail.messageId, (counts.get(mail.messageId) ?? 0) + 1);
  return counts;
}

/** Resolves once every expected Message-ID has arrived at least once (undefined otherwise, for waitFor). */
export const everyOneArrived = (mails: readonly ReceivedMail[], expected: ReadonlySet<string>): true | undefined => {
  const seen = new Set(mails.map((mail) => mail.messageId));
  for (const id of expected) if (!seen.has(id)) return undefined;
  return true;
};

/** Status counts of the outbox, e.g. `{ sent: 300 }`. */
export async function outboxCounts(db: Sql): Promise<Record<string, number>> {
  const rows: { status: string; n: number }[] = await db.query(`SELECT status, count(*)::int AS n FROM notifications GROUP BY status`);
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}
