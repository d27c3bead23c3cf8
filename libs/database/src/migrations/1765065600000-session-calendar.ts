import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A session's SEQUENCE in the calendar (RFC 5545 §3.8.7.4): raised by the database itself whenever what the
 * calendar shows of the session changes (its dates, deadline, venue, status), so that no route that changes a
 * session can forget it and calendar applications replace the event they hold.
 */
export class SessionCalendar1765065600000 implements MigrationInterface {
  name = 'SessionCalendar1765065600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE assemblies ADD COLUMN calendar_sequence integer NOT NULL DEFAULT 0`);
    await db.query(`
      CREATE FUNCTION assemblies_calendar_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.starts_on, NEW.ends_on, NEW.venue, NEW.deadline, NEW.status, NEW.body, NEW.number)
           IS DISTINCT FROM (OLD.starts_on, OLD.ends_on, OLD.venue, OLD.deadline, OLD.status, OLD.body, OLD.number) THEN
          NEW.calendar_sequence := OLD.calendar_sequence + 1;
        ELSE
          NEW.calendar_sequence := OLD.calendar_sequence;
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER assemblies_calendar_sequence BEFORE UPDATE ON assemblies
      FOR EACH ROW EXECUTE FUNCTION assemblies_calendar_sequence()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER assemblies_calendar_sequence ON assemblies`);
    await db.query(`DROP FUNCTION assemblies_calendar_sequence()`);
    await db.query(`ALTER TABLE assemblies DROP COLUMN calendar_sequence`);
  }
}
