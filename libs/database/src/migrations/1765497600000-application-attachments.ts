import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Supporting documents of an application (a statute, a council resolution: what a request for information asks
 * for), beside its official letter: PDFs with a title, kept byte for byte with their SHA-256, never changed or
 * removed (the table refuses UPDATE, DELETE and TRUNCATE). An answer to a request for information names the
 * attachments it sends in its message's attachment_ids.
 */
export class ApplicationAttachments1765497600000 implements MigrationInterface {
  name = 'ApplicationAttachments1765497600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE application_attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications (id),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        sha256 char(64) NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        file_name text,
        content bytea NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES users (id),
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX application_attachments_application_idx ON application_attachments (application_id, uploaded_at)`);
    await db.query(`
      CREATE FUNCTION application_attachments_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'attachments are kept as uploaded'
          USING ERRCODE = 'insufficient_privilege', HINT = 'application_attachments accepts INSERT only; ' || TG_OP || ' is refused.';
      END
      $$`);
    await db.query(`
      CREATE TRIGGER application_attachments_no_update_or_delete BEFORE UPDATE OR DELETE ON application_attachments
      FOR EACH ROW EXECUTE FUNCTION application_attachments_refuse_change()`);
    await db.query(`
      CREATE TRIGGER application_attachments_no_truncate BEFORE TRUNCATE ON application_attachments
      FOR EACH STATEMENT EXECUTE FUNCTION application_attachments_refuse_change()`);
    await db.query(`REVOKE UPDATE, DELETE, TRUNCATE ON application_attachments FROM PUBLIC`);
    await db.query(`ALTER TABLE application_messages ADD COLUMN attachment_ids uuid[] NOT NULL DEFAULT '{}'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE application_messages DROP COLUMN attachment_ids`);
    await db.query(`DROP TABLE application_attachments`);
    await db.query(`DROP FUNCTION application_attachments_refuse_change()`);
  }
}
