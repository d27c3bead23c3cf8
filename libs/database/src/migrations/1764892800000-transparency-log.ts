import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transparency log (libs/audit/src/log): a Merkle tree over the audit entries (RFC 9162 §2.1) and the
 * checkpoints signed over it.
 *
 * A change now only inserts its entry: `seq` comes from a sequence (a rolled-back change may leave a gap;
 * the tree, not seq, is what proves nothing was removed), the time from the database clock, and the entry's
 * seq goes into `log_pending` in the same statement. After commit the integrator in the worker (one at a time,
 * under an advisory lock it holds itself) takes pending entries in seq order, gives each its leaf index in
 * `log_leaves`, stores the perfect subtrees completed in `log_tree_nodes` and signs a checkpoint into
 * `log_checkpoints`. The old `prev_hash` and `hash` columns stay, empty for new entries: nothing reads them.
 *
 * Existing entries become the first leaves, in their order: they are all put in `log_pending` here, and every
 * later entry has a larger seq.
 *
 * Leaves, tree nodes and checkpoints refuse UPDATE, DELETE and TRUNCATE from every role, as `audit_events`
 * does. `log_pending` is a work list the integrator empties.
 */
export class TransparencyLog1764892800000 implements MigrationInterface {
  name = 'TransparencyLog1764892800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SEQUENCE audit_events_seq_seq AS bigint OWNED BY audit_events.seq`);
    await db.query(`SELECT setval('audit_events_seq_seq', coalesce((SELECT max(seq) FROM audit_events), 0) + 1, false)`);
    await db.query(`
      ALTER TABLE audit_events
        ALTER COLUMN seq SET DEFAULT nextval('audit_events_seq_seq'),
        ALTER COLUMN prev_hash DROP NOT NULL,
        ALTER COLUMN hash DROP NOT NULL`);

    await db.query(`CREATE TABLE log_pending (seq bigint PRIMARY KEY)`);
    await db.query(`INSERT INTO log_pending (seq) SELECT seq FROM audit_events`);

    await db.query(`
      CREATE TABLE log_leaves (
        leaf_index bigint PRIMARY KEY CHECK (leaf_index >= 0),
        seq bigint NOT NULL UNIQUE REFERENCES audit_events (seq),
        leaf_hash bytea NOT NULL CHECK (length(leaf_hash) = 32)
      )`);
    await db.query(`
      CREATE TABLE log_tree_nodes (
        level smallint NOT NULL CHECK (level BETWEEN 1 AND 62),
        node_index bigint NOT NULL CHECK (node_index >= 0),
        hash bytea NOT NULL CHECK (length(hash) = 32),
        PRIMARY KEY (level, node_index)
      )`);
    await db.query(`
      CREATE TABLE log_checkpoints (
        tree_size bigint PRIMARY KEY CHECK (tree_size >= 0),
        root_hash bytea NOT NULL CHECK (length(root_hash) = 32),
        note text NOT NULL,
        verifier_key text NOT NULL,
        signed_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);

    await db.query(`
      CREATE FUNCTION log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege', HINT = 'The transparency log accepts INSERT only; ' || TG_OP || ' is refused.';
      END
      $$`);
    for (const table of ['log_leaves', 'log_tree_nodes', 'log_checkpoints']) {
      await db.query(`
        CREATE TRIGGER ${table}_no_update_or_delete BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION log_refuse_change()`);
      await db.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION log_refuse_change()`);
      await db.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM PUBLIC`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE log_checkpoints, log_tree_nodes, log_leaves, log_pending`);
    await db.query(`DROP FUNCTION log_refuse_change()`);
    await db.query(`ALTER TABLE audit_events ALTER COLUMN seq DROP DEFAULT`);
    await db.query(`DROP SEQUENCE audit_events_seq_seq`);
  }
}
