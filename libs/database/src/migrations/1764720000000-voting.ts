import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Decision rules of sessions, attendance, votes with their frozen rolls, and ballots. */
export class Voting1764720000000 implements MigrationInterface {
  name = 'Voting1764720000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE assemblies
        ADD COLUMN quorum text NOT NULL DEFAULT 'more_than_half_present'
          CHECK (quorum IN ('more_than_half_present', 'two_thirds_present', 'more_than_half_answered', 'none')),
        ADD COLUMN majority text NOT NULL DEFAULT 'more_than_half_cast'
          CHECK (majority IN ('more_than_half_cast', 'two_thirds_cast', 'more_than_half_of_voters', 'unanimity_cast')),
        ADD COLUMN ballot_secrecy text NOT NULL DEFAULT 'named' CHECK (ballot_secrecy IN ('named', 'secret')),
        ADD COLUMN rule_frozen_at timestamptz,
        ADD COLUMN opened_at timestamptz,
        ADD COLUMN closed_at timestamptz`);
    await db.query(`UPDATE assemblies SET quorum = 'more_than_half_answered' WHERE body = 'written_procedure'`);

    // Who is present at a meeting now; every change of it is in the audit trail.
    await db.query(`
      CREATE TABLE session_attendance (
        assembly_id uuid NOT NULL REFERENCES assemblies (id),
        government_id uuid NOT NULL REFERENCES governments (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (assembly_id, government_id)
      )`);

    // One vote per opening of a ballot on an application; a deferred vote stays, void.
    await db.query(`
      CREATE TABLE votes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications (id),
        assembly_id uuid NOT NULL REFERENCES assemblies (id),
        status text NOT NULL CHECK (status IN ('open', 'closed', 'void')),
        quorum text NOT NULL,
        majority text NOT NULL,
        ballot_secrecy text NOT NULL,
        opened_at timestamptz NOT NULL,
        closed_at timestamptz,
        outcome text CHECK (outcome IN ('approved', 'rejected')),
        tally jsonb,
        explanation text,
        -- Seals each ballot's choice in the audit trail (HMAC) without revealing it to anyone who reads the trail.
        seal_key char(64) NOT NULL,
        CONSTRAINT votes_closed_has_outcome CHECK ((status = 'closed') = (outcome IS NOT NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX votes_one_open_per_application ON votes (application_id) WHERE status = 'open'`);
    await db.query(`CREATE INDEX votes_application_idx ON votes (application_id, opened_at)`);

    // The voters of a vote, frozen when it opens: later payments or arrears do not change it.
    await db.query(`
      CREATE TABLE vote_roll (
        vote_id uuid NOT NULL REFERENCES votes (id),
        government_id uuid NOT NULL REFERENCES governments (id),
        present_at_opening boolean NOT NULL,
        PRIMARY KEY (vote_id, government_id)
      )`);

    // At most one ballot per government per vote: the primary key, not only a check in code.
    await db.query(`
      CREATE TABLE ballots (
        vote_id uuid NOT NULL REFERENCES votes (id),
        government_id uuid NOT NULL REFERENCES governments (id),
        choice text NOT NULL CHECK (choice IN ('yes', 'no', 'abstain')),
        cast_by uuid NOT NULL REFERENCES users (id),
        first_cast_at timestamptz NOT NULL,
        last_cast_at timestamptz NOT NULL,
        changes integer NOT NULL DEFAULT 0,
        PRIMARY KEY (vote_id, government_id),
        FOREIGN KEY (vote_id, government_id) REFERENCES vote_roll (vote_id, government_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE ballots`);
    await db.query(`DROP TABLE vote_roll`);
    await db.query(`DROP TABLE votes`);
    await db.query(`DROP TABLE session_attendance`);
    await db.query(`
      ALTER TABLE assemblies DROP COLUMN quorum, DROP COLUMN majority, DROP COLUMN ballot_secrecy,
        DROP COLUMN rule_frozen_at, DROP COLUMN opened_at, DROP COLUMN closed_at`);
  }
}
