import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations and password resets: a user may exist before choosing a password (invited), and the single-use
 * links e-mailed to them are kept as a selector (the row's id) and the SHA-256 of their secret part, never the
 * secret itself.
 */
export class AccountLinks1764993600000 implements MigrationInterface {
  name = 'AccountLinks1764993600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL`);
    await db.query(`ALTER TABLE users ADD COLUMN invited boolean NOT NULL GENERATED ALWAYS AS (password_hash IS NULL) STORED`);
    await db.query(`
      CREATE TABLE account_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        purpose text NOT NULL CHECK (purpose IN ('invitation', 'password-reset')),
        secret_hash bytea NOT NULL CHECK (octet_length(secret_hash) = 32),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await db.query(`CREATE INDEX account_links_user_idx ON account_links (user_id, purpose)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE account_links`);
    await db.query(`ALTER TABLE users DROP COLUMN invited`);
    await db.query(`ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL`);
  }
}
