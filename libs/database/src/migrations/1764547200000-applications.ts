import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Applications, their eligibility criteria, letters, correspondence, reference numbers and idempotency keys. */
export class Applications1764547200000 implements MigrationInterface {
  name = 'Applications1764547200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        list_position bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        reference text NOT NULL UNIQUE CHECK (reference ~ '^NEAR-[0-9]{4}-[0-9]{4,}$'),
        government_id uuid NOT NULL REFERENCES governments (id),
        category text NOT NULL CHECK (category IN ('member', 'associate')),
        head_of_government text NOT NULL,
        statement_of_purpose text NOT NULL,
        contact_name text NOT NULL,
        contact_email text NOT NULL,
        contact_phone text,
        locale text NOT NULL CHECK (locale IN ('en', 'ko', 'ja', 'zh', 'ru', 'mn')),
        state text NOT NULL CHECK (state IN ('submitted', 'under_review', 'information_requested', 'eligible', 'ineligible',
                                             'on_agenda', 'voting', 'approved', 'rejected', 'withdrawn')),
        assembly_id uuid REFERENCES assemblies (id),
        filed_by uuid NOT NULL REFERENCES users (id),
        ineligibility_reasons text,
        withdrawal_reason text,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT applications_agenda_has_session CHECK (state NOT IN ('on_agenda', 'voting') OR assembly_id IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX applications_state_idx ON applications (state, list_position)`);
    await db.query(`CREATE INDEX applications_government_idx ON applications (government_id, list_position)`);
    await db.query(`CREATE INDEX applications_assembly_idx ON applications (assembly_id, list_position) WHERE assembly_id IS NOT NULL`);
    // A government has at most one application in progress at a time.
    await db.query(`
      CREATE UNIQUE INDEX applications_one_open_per_government ON applications (government_id)
      WHERE state NOT IN ('ineligible', 'approved', 'rejected', 'withdrawn')`);

    await db.query(`
      CREATE TABLE application_reference_counters (
        year integer PRIMARY KEY,
        last_number integer NOT NULL
      )`);

    await db.query(`
      CREATE TABLE eligibility_criteria (
        application_id uuid NOT NULL REFERENCES applications (id),
        code text NOT NULL,
        passed boolean,
        note text,
        recorded_by uuid REFERENCES users (id),
        recorded_at timestamptz,
        PRIMARY KEY (application_id, code)
      )`);

    // Every letter ever uploaded is kept; the newest is the application's letter.
    await db.query(`
      CREATE TABLE application_letters (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications (id),
        sha256 char(64) NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        file_name text,
        content bytea NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES users (id),
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX application_letters_application_idx ON application_letters (application_id, uploaded_at DESC)`);

    await db.query(`
      CREATE TABLE application_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications (id),
        kind text NOT NULL CHECK (kind IN ('information-request', 'response')),
        body text NOT NULL,
        author_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX application_messages_application_idx ON application_messages (application_id, created_at)`);

    await db.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL REFERENCES users (id),
        key text NOT NULL,
        request_hash char(64) NOT NULL,
        application_id uuid NOT NULL REFERENCES applications (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'idempotency_keys',
      'application_messages',
      'application_letters',
      'eligibility_criteria',
      'application_reference_counters',
      'applications',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
