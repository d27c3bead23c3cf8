import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail (libs/audit): append-only and hash-chained.
 *
 * `seq` is assigned by the writer (previous + 1, under the chain lock), not by an identity column: a
 * rolled-back insert would burn an identity value, and then a gap could not mean a deleted row.
 * `payload` is text, not jsonb, so the bytes hashed are the bytes stored (jsonb reorders keys, drops
 * duplicates and refuses the `\ud800` escape of a lone surrogate).
 *
 * Append-only is enforced by the database itself: triggers refuse UPDATE, DELETE and TRUNCATE from every
 * role, the table's owner and superusers included. Only a superuser, or the owner with
 * `ALTER TABLE audit_events DISABLE TRIGGER`, can switch them off (or drop the table). That is why
 * production runs the application as a role that owns nothing and holds only SELECT and INSERT here;
 * migrations run as the owner. The REVOKE below states the intent: PUBLIC never gets the verbs.
 */
export class AuditTrail1764460800000 implements MigrationInterface {
  name = 'AuditTrail1764460800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_events (
        seq bigint PRIMARY KEY CHECK (seq > 0),
        occurred_at timestamptz NOT NULL,
        actor_user_id uuid,
        actor_role text,
        actor_government_id uuid,
        action text NOT NULL CHECK (action <> ''),
        entity_type text NOT NULL CHECK (entity_type <> ''),
        entity_id text NOT NULL CHECK (entity_id <> ''),
        state_before text,
        state_after text,
        payload text NOT NULL,
        request_id text,
        client_address text,
        prev_hash char(64) NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
        hash char(64) NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$')
      )`);
    await db.query(`CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, seq)`);
    await db.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, seq) WHERE actor_user_id IS NOT NULL`);
    await db.query(`CREATE INDEX audit_events_action_idx ON audit_events (action, seq)`);
    await db.query(`CREATE INDEX audit_events_occurred_at_idx ON audit_events (occurred_at)`);

    await db.query(`
      CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only'
          USING ERRCODE = 'insufficient_privilege', HINT = 'The audit trail accepts INSERT only; ' || TG_OP || ' is refused.';
      END
      $$`);
    await db.query(`
      CREATE TRIGGER audit_events_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()`);
    await db.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()`);
    await db.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM PUBLIC`);
  }

  async down(db: QueryRunner): Promise<void> {
    // DROP fires no trigger: reverting this migration throws the trail away.
    await db.query(`DROP TABLE audit_events`);
    await db.query(`DROP FUNCTION audit_events_refuse_change()`);
  }
}
