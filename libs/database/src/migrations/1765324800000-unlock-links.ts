import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Unlock links: a user whose sign-ins are slowed by someone else's failed guesses may have a single-use link
 * e-mailed that lets their browser sign in past those delays (still with their password).
 */
export class UnlockLinks1765324800000 implements MigrationInterface {
  name = 'UnlockLinks1765324800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE account_links DROP CONSTRAINT account_links_purpose_check`);
    await db.query(
      `ALTER TABLE account_links ADD CONSTRAINT account_links_purpose_check CHECK (purpose IN ('invitation', 'password-reset', 'unlock'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM account_links WHERE purpose = 'unlock'`);
    await db.query(`ALTER TABLE account_links DROP CONSTRAINT account_links_purpose_check`);
    await db.query(
      `ALTER TABLE account_links ADD CONSTRAINT account_links_purpose_check CHECK (purpose IN ('invitation', 'password-reset'))`,
    );
  }
}
