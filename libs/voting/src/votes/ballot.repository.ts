import type { EntityManager } from 'typeorm';
import type { BallotChoice } from './ballot.entity.js';

// The SQL of the ballots table.

/** What the database says of one cast: is there an open vote, is the government on its roll, present. */
export interface CastCheck {
  visible: boolean;
  vote_id: string | null;
  ballot_secrecy: string | null;
  deadline: Date | null;
  body: string | null;
  on_roll: boolean;
  present: boolean;
}

/**
 * Everything a batch of casts is checked against, in one statement, one row per cast in order. The one place
 * where voting reads a table of admission's (`applications`: is the application on an agenda, so visible to a
 * delegate): a cast is the hot path of a vote storm, and asking admission first would cost a round trip each.
 */
export function checkCasts(db: EntityManager, casts: readonly { applicationId: string; governmentId: string }[]): Promise<CastCheck[]> {
  return db.query(
    `SELECT a.id IS NOT NULL AS visible, v.id AS vote_id, v.ballot_secrecy, s.deadline, s.body,
            EXISTS (SELECT 1 FROM vote_roll r WHERE r.vote_id = v.id AND r.government_id = c.government_id) AS on_roll,
            EXISTS (SELECT 1 FROM session_attendance p WHERE p.assembly_id = s.id AND p.government_id = c.government_id) AS present
       FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS c(application_id, government_id, position)
       LEFT JOIN applications a ON a.id = c.application_id AND a.assembly_id IS NOT NULL
       LEFT JOIN votes v ON v.application_id = a.id AND v.status = 'open'
       LEFT JOIN assemblies s ON s.id = v.assembly_id
      ORDER BY c.position`,
    [casts.map((cast) => cast.applicationId), casts.map((cast) => cast.governmentId)],
  );
}

/**
 * One row per government: several casts of one government in a batch are upserted once, with the last choice;
 * `changes` counts every cast after the first. Answers which ballots were new.
 */
export function upsert(
  db: EntityManager,
  ballots: readonly {
    voteId: string;
    governmentId: string;
    choice: BallotChoice;
    commitment: string;
    nonce: string | null;
    castBy: string;
    laterCasts: number;
  }[],
  now: Date,
): Promise<{ vote_id: string; government_id: string; inserted: boolean }[]> {
  return db.query(
    `INSERT INTO ballots (vote_id, government_id, choice, commitment, nonce, cast_by, first_cast_at, last_cast_at, changes)
     SELECT t.vote_id, t.government_id, t.choice, t.commitment, t.nonce, t.cast_by, $8, $8, t.later_casts
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::int[])
            AS t(vote_id, government_id, choice, commitment, nonce, cast_by, later_casts)
     ON CONFLICT (vote_id, government_id)
     DO UPDATE SET choice = EXCLUDED.choice, commitment = EXCLUDED.commitment, nonce = EXCLUDED.nonce, cast_by = EXCLUDED.cast_by,
                   last_cast_at = EXCLUDED.last_cast_at, changes = ballots.changes + 1 + EXCLUDED.changes
     RETURNING vote_id, government_id, (xmax = 0) AS inserted`,
    [
      ballots.map((ballot) => ballot.voteId),
      ballots.map((ballot) => ballot.governmentId),
      ballots.map((ballot) => ballot.choice),
      ballots.map((ballot) => ballot.commitment),
      ballots.map((ballot) => ballot.nonce),
      ballots.map((ballot) => ballot.castBy),
      ballots.map((ballot) => ballot.laterCasts),
      now,
    ],
  );
}

/**
 * A government's ballot in the application's open vote; no row when the application is not on an agenda
 * (reads admission's `applications` for that, as checkCasts does).
 */
export async function ownInOpenVote(
  db: EntityManager,
  applicationId: string,
  governmentId: string,
): Promise<
  | {
      vote_id: string | null;
      choice: BallotChoice | null;
      last_cast_at: Date | null;
      changes: number;
      on_roll: boolean;
      present: boolean;
      body: string | null;
    }
  | undefined
> {
  const [row] = await db.query(
    `SELECT v.id AS vote_id, b.choice, b.last_cast_at, b.changes, s.body,
            EXISTS (SELECT 1 FROM vote_roll r WHERE r.vote_id = v.id AND r.government_id = $2) AS on_roll,
            EXISTS (SELECT 1 FROM session_attendance p WHERE p.assembly_id = s.id AND p.government_id = $2) AS present
       FROM applications a
       LEFT JOIN votes v ON v.application_id = a.id AND v.status = 'open'
       LEFT JOIN assemblies s ON s.id = v.assembly_id
       LEFT JOIN ballots b ON b.vote_id = v.id AND b.government_id = $2
      WHERE a.id = $1 AND a.assembly_id IS NOT NULL`,
    [applicationId, governmentId],
  );
  return row;
}

/** Each government's choice in a vote (none once a secret ballot closed). */
export function choicesOf(db: EntityManager, voteId: string): Promise<{ governmentId: string; choice: BallotChoice }[]> {
  return db.query(`SELECT government_id AS "governmentId", choice FROM ballots WHERE vote_id = $1 AND choice IS NOT NULL`, [voteId]);
}

/** What a closing vote counts: each government's last cast, by government id (the order docs/voting.md states). */
export function countedOf(
  db: EntityManager,
  voteId: string,
): Promise<{ governmentId: string; commitment: string | null; choice: BallotChoice; nonce: string | null }[]> {
  return db.query(
    `SELECT government_id::text AS "governmentId", commitment, choice, nonce FROM ballots WHERE vote_id = $1 ORDER BY government_id::text COLLATE "C"`,
    [voteId],
  );
}

/** Closing a secret ballot: no ballot row keeps its government's choice or a nonce. */
export async function forgetChoices(db: EntityManager, voteId: string): Promise<void> {
  await db.query(`UPDATE ballots SET choice = NULL, nonce = NULL WHERE vote_id = $1`, [voteId]);
}

/** A named ballot's nonces are in its closing entry; the table need not hold them. */
export async function forgetNonces(db: EntityManager, voteId: string): Promise<void> {
  await db.query(`UPDATE ballots SET nonce = NULL WHERE vote_id = $1`, [voteId]);
}
