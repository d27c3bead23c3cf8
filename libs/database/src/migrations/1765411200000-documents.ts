import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Official documents as PDF: made once by the worker after the event that calls for them, and kept
 * byte for byte (their SHA-256 also goes into the audit trail, and so into the transparency log). A document
 * is never changed or removed: the table refuses UPDATE, DELETE and TRUNCATE as the trail does.
 *
 * document_requests is the documents' outbox: a row written in the same transaction as the event (a filing, a
 * closed ballot, a closed session), or by a reader asking for minutes in a language not made yet, and deleted
 * in the transaction that stores the document. The worker finds its work here, never in Redis alone.
 */
export class Documents1765411200000 implements MigrationInterface {
  name = 'Documents1765411200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('acknowledgement', 'decision-record', 'certificate', 'minutes')),
        application_id uuid REFERENCES applications (id),
        vote_id uuid REFERENCES votes (id),
        assembly_id uuid REFERENCES assemblies (id),
        language text NOT NULL CHECK (language IN ('en', 'ko', 'ja', 'zh', 'ru', 'mn')),
        sha256 bytea NOT NULL CHECK (length(sha256) = 32),
        content bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        subject uuid GENERATED ALWAYS AS (coalesce(vote_id, application_id, assembly_id)) STORED NOT NULL,
        CONSTRAINT documents_subject_fits_kind CHECK (
          CASE kind
            WHEN 'minutes' THEN assembly_id IS NOT NULL AND application_id IS NULL AND vote_id IS NULL
            WHEN 'decision-record' THEN application_id IS NOT NULL AND vote_id IS NOT NULL
            ELSE application_id IS NOT NULL AND vote_id IS NULL AND assembly_id IS NULL
          END),
        CONSTRAINT documents_one_per_subject UNIQUE (kind, subject, language)
      )`);
    await db.query(`CREATE INDEX documents_application_idx ON documents (application_id, created_at) WHERE application_id IS NOT NULL`);
    await db.query(`
      CREATE FUNCTION documents_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'documents are kept as issued'
          USING ERRCODE = 'insufficient_privilege', HINT = 'documents accepts INSERT only; ' || TG_OP || ' is refused.';
      END
      $$`);
    await db.query(`
      CREATE TRIGGER documents_no_update_or_delete BEFORE UPDATE OR DELETE ON documents
      FOR EACH ROW EXECUTE FUNCTION documents_refuse_change()`);
    await db.query(`
      CREATE TRIGGER documents_no_truncate BEFORE TRUNCATE ON documents
      FOR EACH STATEMENT EXECUTE FUNCTION documents_refuse_change()`);
    await db.query(`REVOKE UPDATE, DELETE, TRUNCATE ON documents FROM PUBLIC`);

    await db.query(`
      CREATE TABLE document_requests (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('acknowledgement', 'decision-record', 'certificate', 'minutes')),
        application_id uuid REFERENCES applications (id),
        vote_id uuid REFERENCES votes (id),
        assembly_id uuid REFERENCES assemblies (id),
        language text NOT NULL CHECK (language IN ('en', 'ko', 'ja', 'zh', 'ru', 'mn')),
        requested_at timestamptz NOT NULL DEFAULT now(),
        -- A document that cannot be made yet (a decision not yet in a signed checkpoint) waits until then.
        not_before timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        subject uuid GENERATED ALWAYS AS (coalesce(vote_id, application_id, assembly_id)) STORED NOT NULL,
        CONSTRAINT document_requests_one_per_subject UNIQUE (kind, subject, language)
      )`);
    await db.query(`CREATE INDEX document_requests_due_idx ON document_requests (not_before)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE document_requests`);
    await db.query(`DROP TABLE documents`);
    await db.query(`DROP FUNCTION documents_refuse_change()`);
  }
}
