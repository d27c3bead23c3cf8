import type { EntityManager } from 'typeorm';

// The SQL of reminders_sent: which reminder of which session went to which government.

/** One reminder owed to one government: the session, the offset, and the applications it has not voted on. */
export interface ClaimedVoteReminder {
  assemblyId: string;
  reminder: string;
  governmentId: string;
  applicationIds: string[];
}

/**
 * Claims the vote reminders due at `now` and records them as sent, in the caller's transaction (which writes
 * their e-mails too). Per open written procedure, only its latest reminder whose moment has passed: one missed
 * while no worker ran is not sent late beside the next (nor one whose moment came before the procedure was
 * created). Per government on the roll of one of its open votes without a ballot in it. A reminder already
 * recorded is skipped: a second worker's insert waits for the first's commit, then finds the key taken.
 */
export function claimDueVoteReminders(db: EntityManager, now: Date): Promise<ClaimedVoteReminder[]> {
  return db.query(
    `WITH due AS (
       SELECT DISTINCT ON (s.id) s.id AS assembly_id, r.reminder
       FROM assemblies s CROSS JOIN LATERAL unnest(s.reminders) AS r (reminder)
       WHERE s.body = 'written_procedure' AND s.status = 'in_session' AND s.deadline > $1
         AND s.deadline - r.reminder::interval <= $1 AND s.deadline - r.reminder::interval >= s.created_at
       ORDER BY s.id, s.deadline - r.reminder::interval DESC
     ), waiting AS (
       SELECT d.assembly_id, d.reminder, roll.government_id, array_agg(v.application_id ORDER BY v.opened_at) AS application_ids
       FROM due d
       JOIN votes v ON v.assembly_id = d.assembly_id AND v.status = 'open'
       JOIN vote_roll roll ON roll.vote_id = v.id
       WHERE NOT EXISTS (SELECT 1 FROM ballots b WHERE b.vote_id = v.id AND b.government_id = roll.government_id)
       GROUP BY d.assembly_id, d.reminder, roll.government_id
     ), claimed AS (
       INSERT INTO reminders_sent (assembly_id, reminder, government_id)
       SELECT assembly_id, reminder, government_id FROM waiting
       ON CONFLICT DO NOTHING
       RETURNING assembly_id, reminder, government_id
     )
     SELECT w.assembly_id AS "assemblyId", w.reminder, w.government_id AS "governmentId", w.application_ids AS "applicationIds"
     FROM waiting w JOIN claimed c USING (assembly_id, reminder, government_id)
     ORDER BY w.assembly_id, w.government_id`,
    [now],
  );
}

/** One meeting reminder owed to one member government. */
export interface ClaimedMeetingReminder {
  assemblyId: string;
  reminder: string;
  governmentId: string;
}

/**
 * Claims the meeting reminders due at `now` for the given member governments and records them as sent, in the
 * caller's transaction. A meeting starts, for its reminders, at 00:00 UTC of its first day (the API holds
 * dates, not hours). As for votes: per meeting only its latest reminder whose moment has passed, none whose
 * moment came before the meeting was scheduled, none once the meeting has begun or closed.
 */
export function claimDueMeetingReminders(db: EntityManager, now: Date, memberIds: readonly string[]): Promise<ClaimedMeetingReminder[]> {
  return db.query(
    `WITH due AS (
       SELECT DISTINCT ON (s.id) s.id AS assembly_id, r.reminder
       FROM assemblies s CROSS JOIN LATERAL unnest(s.reminders) AS r (reminder)
         CROSS JOIN LATERAL (SELECT s.starts_on::timestamp AT TIME ZONE 'UTC' AS starts_at) start
       WHERE s.body <> 'written_procedure' AND s.status = 'scheduled' AND start.starts_at > $1
         AND start.starts_at - r.reminder::interval <= $1 AND start.starts_at - r.reminder::interval >= s.created_at
       ORDER BY s.id, start.starts_at - r.reminder::interval DESC
     )
     INSERT INTO reminders_sent (assembly_id, reminder, government_id)
     SELECT d.assembly_id, d.reminder, member.id FROM due d CROSS JOIN unnest($2::uuid[]) AS member (id)
     ON CONFLICT DO NOTHING
     RETURNING assembly_id AS "assemblyId", reminder, government_id AS "governmentId"`,
    [now, memberIds],
  );
}
