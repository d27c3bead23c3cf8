import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ballot receipts and secret ballots kept secret at rest (docs/voting.md).
 *
 * Every cast now gets a commitment (SHA-256 over the vote, the government, the choice and a fresh nonce); the
 * cast's audit entry holds the commitment, never the choice or a seal. `ballots.commitment` is the commitment of
 * the government's last cast (the one counted); `ballots.nonce` is held only for a named ballot, until its close
 * publishes it. When a secret ballot closes, its rows lose `choice` and `nonce`, and every vote loses
 * `seal_key` (new votes have none: nothing seals any more).
 *
 * Older data: ballots cast before this migration have no commitment. Their audit entries hold
 * `sealedChoice`, an HMAC under the vote's `seal_key`; for every ballot already closed (and every voided one)
 * the key and, for a secret ballot, each government's choice are deleted here, so those entries can no longer be
 * linked to a choice by anyone.
 *
 * The index finds a cast's entry by its commitment, for `GET /log/receipts/{commitment}`.
 */
export class BallotReceipts1764979200000 implements MigrationInterface {
  name = 'BallotReceipts1764979200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE ballots
        ALTER COLUMN choice DROP NOT NULL,
        ADD COLUMN commitment char(64) CHECK (commitment ~ '^[0-9a-f]{64}$'),
        ADD COLUMN nonce char(64) CHECK (nonce ~ '^[0-9a-f]{64}$')`);
    await db.query(`ALTER TABLE votes ALTER COLUMN seal_key DROP NOT NULL`);
    await db.query(`
      UPDATE ballots b SET choice = NULL
        FROM votes v
       WHERE v.id = b.vote_id AND v.ballot_secrecy = 'secret' AND v.status <> 'open'`);
    await db.query(`UPDATE votes SET seal_key = NULL WHERE status <> 'open'`);
    await db.query(
      `CREATE INDEX audit_events_commitment_idx ON audit_events (((payload::jsonb) ->> 'commitment')) WHERE action = 'ballot.cast'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX audit_events_commitment_idx`);
    // Choices and seal keys deleted on purpose cannot come back, and inventing them would forge the record.
    const [{ erased }] = await db.query(
      `SELECT (SELECT count(*) FROM ballots WHERE choice IS NULL) + (SELECT count(*) FROM votes WHERE seal_key IS NULL) AS erased`,
    );
    if (Number(erased) > 0) throw new Error('Cannot revert: closed ballots no longer hold their choices or seal keys.');
    await db.query(`ALTER TABLE votes ALTER COLUMN seal_key SET NOT NULL`);
    await db.query(`ALTER TABLE ballots DROP COLUMN nonce, DROP COLUMN commitment, ALTER COLUMN choice SET NOT NULL`);
  }
}
