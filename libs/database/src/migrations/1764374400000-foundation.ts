import type { MigrationInterface, QueryRunner } from 'typeorm';
import { NEAR_GOVERNMENTS_2010 } from './data/near-governments-2010.js';

/** The registry (seeded with the brochure's 70 members and 5 observers), users, sign-in failures, sessions. */
export class Foundation1764374400000 implements MigrationInterface {
  name = 'Foundation1764374400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE governments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name_en text NOT NULL CHECK (length(btrim(name_en)) BETWEEN 1 AND 200),
        name_local text NOT NULL CHECK (length(btrim(name_local)) BETWEEN 1 AND 200),
        country char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        level text NOT NULL CHECK (level IN ('regional', 'local')),
        kind text CHECK (kind IS NULL OR length(kind) <= 100),
        status text NOT NULL CHECK (status IN ('member', 'associate', 'observer', 'prospective')),
        member_since date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await db.query(`CREATE UNIQUE INDEX governments_country_name_en_key ON governments (country, lower(name_en))`);
    await db.query(`CREATE INDEX governments_status_idx ON governments (status)`);
    await db.query(
      `INSERT INTO governments (name_en, name_local, country, level, kind, status, member_since)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[])`,
      [
        NEAR_GOVERNMENTS_2010.map((g) => g.nameEn),
        NEAR_GOVERNMENTS_2010.map((g) => g.nameLocal),
        NEAR_GOVERNMENTS_2010.map((g) => g.country),
        NEAR_GOVERNMENTS_2010.map((g) => g.level),
        NEAR_GOVERNMENTS_2010.map((g) => g.kind),
        NEAR_GOVERNMENTS_2010.map((g) => g.status),
        NEAR_GOVERNMENTS_2010.map((g) => g.memberSince),
      ],
    );

    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
        password_hash text NOT NULL,
        display_name text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 200),
        role text NOT NULL CHECK (role IN ('applicant', 'secretariat', 'delegate', 'admin')),
        government_id uuid REFERENCES governments (id),
        locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'ko', 'ja', 'zh', 'ru', 'mn')),
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT users_government_fits_role CHECK ((role IN ('applicant', 'delegate')) = (government_id IS NOT NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
    await db.query(`CREATE INDEX users_government_idx ON users (government_id) WHERE government_id IS NOT NULL`);

    await db.query(`
      CREATE TABLE login_failures (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email text NOT NULL,
        address text NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX login_failures_email_idx ON login_failures (email, failed_at)`);
    await db.query(`CREATE INDEX login_failures_address_idx ON login_failures (address, failed_at)`);

    await db.query(`
      CREATE TABLE assemblies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        body text NOT NULL CHECK (body IN ('general_assembly', 'working_committee', 'written_procedure')),
        number integer NOT NULL CHECK (number > 0),
        host_government_id uuid REFERENCES governments (id),
        starts_on date,
        ends_on date,
        venue text,
        deadline timestamptz,
        status text NOT NULL CHECK (status IN ('scheduled', 'in_session', 'closed')),
        notes text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT assemblies_body_number_key UNIQUE (body, number),
        CONSTRAINT assemblies_dates_in_order CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on),
        CONSTRAINT assemblies_meeting_or_deadline CHECK (
          (body = 'written_procedure' AND deadline IS NOT NULL) OR
          (body <> 'written_procedure' AND starts_on IS NOT NULL AND ends_on IS NOT NULL AND deadline IS NULL))
      )`);

    await db.query(`
      CREATE TABLE system_flags (
        name text PRIMARY KEY,
        set_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE system_flags`);
    await db.query(`DROP TABLE assemblies`);
    await db.query(`DROP TABLE login_failures`);
    await db.query(`DROP TABLE users`);
    await db.query(`DROP TABLE governments`);
  }
}
