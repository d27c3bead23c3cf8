import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Audience } from './audience.js';
import type { NotificationData, NotificationEvent } from './notification-events.js';

interface Recipient {
  address: string;
  name: string | null;
  userId: string | null;
  locale: string;
}

export interface OutboxEntry<E extends NotificationEvent = NotificationEvent> {
  event: E;
  to: readonly Audience[];
  applicationId: string;
  data: NotificationData[E];
}

/**
 * Writes the e-mails a change causes as outbox rows, inside the change's own transaction: they commit
 * with it or not at all, and the worker's relay sends them only after the commit.
 */
@Injectable()
export class NotificationOutbox {
  async add(manager: EntityManager, entry: OutboxEntry): Promise<number> {
    const recipients = new Map<string, Recipient>();
    for (const audience of entry.to) {
      for (const recipient of await this.resolve(manager, audience, entry.applicationId)) {
        // One message per address and event, even when someone belongs to two audiences.
        if (!recipients.has(recipient.address)) recipients.set(recipient.address, recipient);
      }
    }
    if (recipients.size === 0) return 0;
    const list = [...recipients.values()];
    await manager.query(
      `INSERT INTO notifications (event, application_id, recipient, recipient_name, recipient_user_id, locale, data)
       SELECT $1, $2, r.address, r.name, r.user_id, r.locale, $3
       FROM unnest($4::text[], $5::text[], $6::uuid[], $7::text[]) AS r (address, name, user_id, locale)`,
      [
        entry.event,
        entry.applicationId,
        JSON.stringify(entry.data),
        list.map((r) => r.address),
        list.map((r) => r.name),
        list.map((r) => r.userId),
        list.map((r) => r.locale),
      ],
    );
    return list.length;
  }

  private async resolve(manager: EntityManager, audience: Audience, applicationId: string): Promise<Recipient[]> {
    const { sql, perApplication } = AUDIENCE_QUERIES[audience];
    return (await manager.query(sql, perApplication ? [applicationId] : [])) as Recipient[];
  }
}

const ACTIVE_USER = `u.disabled_at IS NULL`;

const AUDIENCE_QUERIES: Record<Audience, { sql: string; perApplication: boolean }> = {
  // The contact named in the application, in the application's language.
  'applicant-contact': {
    perApplication: true,
    sql: `SELECT contact_email AS address, contact_name AS name, NULL::uuid AS "userId", locale FROM applications WHERE id = $1`,
  },
  secretariat: {
    perApplication: false,
    sql: `SELECT u.email AS address, u.display_name AS name, u.id AS "userId", u.locale FROM users u
                WHERE u.role = 'secretariat' AND ${ACTIVE_USER} ORDER BY u.email`,
  },
  'member-delegates': {
    perApplication: false,
    sql: `SELECT u.email AS address, u.display_name AS name, u.id AS "userId", u.locale FROM users u
                       JOIN governments g ON g.id = u.government_id
                       WHERE u.role = 'delegate' AND g.status = 'member' AND ${ACTIVE_USER} ORDER BY u.email`,
  },
  // At a meeting, the delegates of the governments present; in a written procedure, of every government on the roll.
  'present-delegates': {
    perApplication: true,
    sql: `SELECT u.email AS address, u.display_name AS name, u.id AS "userId", u.locale FROM users u
                        JOIN applications a ON a.id = $1
                        JOIN assemblies s ON s.id = a.assembly_id
                        WHERE u.role = 'delegate' AND ${ACTIVE_USER} AND (
                          (s.body <> 'written_procedure' AND EXISTS (
                             SELECT 1 FROM session_attendance sa WHERE sa.assembly_id = s.id AND sa.government_id = u.government_id))
                          OR (s.body = 'written_procedure' AND EXISTS (
                             SELECT 1 FROM votes v JOIN vote_roll r ON r.vote_id = v.id
                             WHERE v.application_id = a.id AND v.assembly_id = s.id AND r.government_id = u.government_id)))
                        ORDER BY u.email`,
  },
};
