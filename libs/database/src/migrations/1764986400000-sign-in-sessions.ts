import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions that last a meeting, a second factor, and throttling no stranger can turn against a user (libs/identity).
 *
 * A sign-in session is ended, never deleted: `GET /auth/sessions` and the audit trail keep what ended it. Refresh
 * tokens are stored as SHA-256 hashes, one row per token ever issued, so that a rotated token presented again is
 * recognised (theft) and not merely unknown. The TOTP secret is stored sealed (AES-256-GCM), recovery codes
 * hashed. `login_failures` now also counts wrong second-factor codes and knows the trusted browser that failed.
 */
export class SignInSessions1764986400000 implements MigrationInterface {
  name = 'SignInSessions1764986400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sign_in_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ended_at timestamptz,
        end_reason text CHECK (end_reason <> ''),
        user_agent text,
        client_address text,
        CONSTRAINT sign_in_sessions_ended_with_reason CHECK ((ended_at IS NULL) = (end_reason IS NULL))
      )`);
    await db.query(`CREATE INDEX sign_in_sessions_user_idx ON sign_in_sessions (user_id, created_at)`);

    await db.query(`
      CREATE TABLE refresh_tokens (
        token_hash bytea PRIMARY KEY CHECK (octet_length(token_hash) = 32),
        session_id uuid NOT NULL REFERENCES sign_in_sessions (id),
        issued_at timestamptz NOT NULL DEFAULT now(),
        rotated_at timestamptz
      )`);
    await db.query(`CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id)`);

    await db.query(`
      CREATE TABLE second_factors (
        user_id uuid PRIMARY KEY REFERENCES users (id),
        sealed_secret text NOT NULL CHECK (sealed_secret <> ''),
        created_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz,
        last_used_step bigint
      )`);

    await db.query(`
      CREATE TABLE recovery_codes (
        user_id uuid NOT NULL REFERENCES users (id),
        code_hash bytea NOT NULL CHECK (octet_length(code_hash) = 32),
        used_at timestamptz,
        PRIMARY KEY (user_id, code_hash)
      )`);

    await db.query(
      `ALTER TABLE login_failures ADD COLUMN kind text NOT NULL DEFAULT 'password' CHECK (kind IN ('password', 'second-factor'))`,
    );
    await db.query(`ALTER TABLE login_failures ADD COLUMN device_id uuid`);
    await db.query(`CREATE INDEX login_failures_device_idx ON login_failures (device_id, failed_at) WHERE device_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX login_failures_device_idx`);
    await db.query(`ALTER TABLE login_failures DROP COLUMN device_id`);
    await db.query(`ALTER TABLE login_failures DROP COLUMN kind`);
    await db.query(`DROP TABLE recovery_codes`);
    await db.query(`DROP TABLE second_factors`);
    await db.query(`DROP TABLE refresh_tokens`);
    await db.query(`DROP TABLE sign_in_sessions`);
  }
}
