import type { EntityManager } from 'typeorm';
import { type AuditRow, OCCURRED_AT_TEXT } from '../audit-row.js';
import type { NodeId } from './merkle.js';

/** An entry as its leaf covers it, with where it stands in the log (leaf index, or pending). */
/** An entry's columns as its leaf covers them (AuditRow without what stays out of the log). */
export type LeafEntryRow = Omit<AuditRow, 'request_id' | 'client_address' | 'leaf_index'>;

const LEAF_ENTRY_COLUMNS = `e.seq::text AS seq, ${OCCURRED_AT_TEXT.replaceAll('occurred_at', 'e.occurred_at')} AS occurred_at,
  e.actor_user_id, e.actor_role, e.actor_government_id, e.action, e.entity_type, e.entity_id, e.state_before, e.state_after, e.payload`;

export interface StoredCheckpoint {
  size: number;
  root: Buffer;
  note: string;
  verifierKey: string;
  signedAt: Date;
}

interface CheckpointRow {
  tree_size: string;
  root_hash: Buffer;
  note: string;
  verifier_key: string;
  signed_at: Date;
}

const toCheckpoint = (row: CheckpointRow): StoredCheckpoint => ({
  size: Number(row.tree_size),
  root: row.root_hash,
  note: row.note,
  verifierKey: row.verifier_key,
  signedAt: row.signed_at,
});

const nodeKey = (level: number, index: number) => `${level}:${index}`;

/** The SQL of the log's tables: log_pending, log_leaves, log_tree_nodes, log_checkpoints. */
export const LogRepository = {
  /**
   * Committed entries waiting for a leaf, oldest seq first. The seqs are taken first and the entries fetched by
   * key: as a join, the planner, whose statistics of this work list still counted a backlog it had long emptied,
   * merged it with the whole trail from its first entry on, every batch (tens of milliseconds at 200,000 entries).
   * Unlike the join, a pending seq without its entry (possible only with the trail's triggers disabled) takes a
   * place in every batch: integration stalls on such a tampering rather than skipping it silently.
   */
  async pending(manager: EntityManager, limit: number): Promise<LeafEntryRow[]> {
    return (await manager.query(
      `SELECT ${LEAF_ENTRY_COLUMNS} FROM audit_events e
        WHERE e.seq = ANY (ARRAY(SELECT seq FROM log_pending ORDER BY seq LIMIT $1)) ORDER BY e.seq`,
      [limit],
    )) as LeafEntryRow[];
  },

  /** The number of leaves: one more than the last index. */
  async treeSize(manager: EntityManager): Promise<number> {
    const [row] = (await manager.query(`SELECT leaf_index::text AS i FROM log_leaves ORDER BY leaf_index DESC LIMIT 1`)) as { i: string }[];
    return row ? Number(row.i) + 1 : 0;
  },

  /** The hashes of perfect subtrees (level 0: leaves), by `level:index`; missing ones are absent. */
  async nodes(manager: EntityManager, ids: readonly NodeId[]): Promise<Map<string, Buffer>> {
    const found = new Map<string, Buffer>();
    const leaves = ids.filter((id) => id.level === 0).map((id) => id.index);
    const inner = ids.filter((id) => id.level > 0);
    if (leaves.length > 0) {
      const rows = (await manager.query(
        `SELECT leaf_index::text AS i, leaf_hash AS h FROM log_leaves WHERE leaf_index = ANY($1::bigint[])`,
        [leaves],
      )) as { i: string; h: Buffer }[];
      for (const row of rows) found.set(nodeKey(0, Number(row.i)), row.h);
    }
    if (inner.length > 0) {
      const rows = (await manager.query(
        `SELECT n.level, n.node_index::text AS i, n.hash AS h
           FROM log_tree_nodes n JOIN unnest($1::smallint[], $2::bigint[]) AS w(level, node_index) USING (level, node_index)`,
        [inner.map((id) => id.level), inner.map((id) => id.index)],
      )) as { level: number; i: string; h: Buffer }[];
      for (const row of rows) found.set(nodeKey(row.level, Number(row.i)), row.h);
    }
    return found;
  },

  nodeKey,

  async appendLeaves(manager: EntityManager, leaves: readonly { index: number; seq: number; hash: Buffer }[]): Promise<void> {
    await manager.query(
      `INSERT INTO log_leaves (leaf_index, seq, leaf_hash) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bytea[])`,
      [leaves.map((leaf) => leaf.index), leaves.map((leaf) => leaf.seq), leaves.map((leaf) => leaf.hash)],
    );
    await manager.query(`DELETE FROM log_pending WHERE seq = ANY($1::bigint[])`, [leaves.map((leaf) => leaf.seq)]);
  },

  async appendNodes(manager: EntityManager, nodes: readonly (NodeId & { hash: Buffer })[]): Promise<void> {
    if (nodes.length === 0) return;
    await manager.query(
      `INSERT INTO log_tree_nodes (level, node_index, hash) SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[])`,
      [nodes.map((node) => node.level), nodes.map((node) => node.index), nodes.map((node) => node.hash)],
    );
  },

  async appendCheckpoint(manager: EntityManager, checkpoint: Omit<StoredCheckpoint, 'signedAt'>): Promise<void> {
    await manager.query(`INSERT INTO log_checkpoints (tree_size, root_hash, note, verifier_key) VALUES ($1, $2, $3, $4)`, [
      checkpoint.size,
      checkpoint.root,
      checkpoint.note,
      checkpoint.verifierKey,
    ]);
  },

  async latestCheckpoint(manager: EntityManager): Promise<StoredCheckpoint | undefined> {
    const [row] = (await manager.query(
      `SELECT tree_size::text, root_hash, note, verifier_key, signed_at FROM log_checkpoints ORDER BY log_checkpoints.tree_size DESC LIMIT 1`,
    )) as CheckpointRow[];
    return row && toCheckpoint(row);
  },

  async checkpointAt(manager: EntityManager, size: number): Promise<StoredCheckpoint | undefined> {
    const [row] = (await manager.query(
      `SELECT tree_size::text, root_hash, note, verifier_key, signed_at FROM log_checkpoints WHERE tree_size = $1`,
      [size],
    )) as CheckpointRow[];
    return row && toCheckpoint(row);
  },

  /** Checkpoints from `afterSize` (exclusive) on, smallest first. */
  async checkpointsAfter(manager: EntityManager, afterSize: number, limit: number): Promise<StoredCheckpoint[]> {
    const rows = (await manager.query(
      `SELECT tree_size::text, root_hash, note, verifier_key, signed_at FROM log_checkpoints WHERE tree_size > $1 ORDER BY log_checkpoints.tree_size LIMIT $2`,
      [afterSize, limit],
    )) as CheckpointRow[];
    return rows.map(toCheckpoint);
  },

  /** Leaves [start, end) with their stored hash and their entry, by leaf index. */
  async leaves(manager: EntityManager, start: number, end: number): Promise<(LeafEntryRow & { leaf_index: string; leaf_hash: Buffer })[]> {
    return (await manager.query(
      `SELECT l.leaf_index::text AS leaf_index, l.leaf_hash, ${LEAF_ENTRY_COLUMNS}
         FROM log_leaves l JOIN audit_events e ON e.seq = l.seq
        WHERE l.leaf_index >= $1 AND l.leaf_index < $2 ORDER BY l.leaf_index`,
      [start, end],
    )) as (LeafEntryRow & { leaf_index: string; leaf_hash: Buffer })[];
  },

  /** The newest entry of this action about this record, by seq. */
  async latestEntrySeq(manager: EntityManager, entityType: string, entityId: string, action: string): Promise<number | undefined> {
    const [row] = (await manager.query(
      `SELECT seq::text AS seq FROM audit_events WHERE entity_type = $1 AND entity_id = $2 AND action = $3 ORDER BY seq DESC LIMIT 1`,
      [entityType, entityId, action],
    )) as { seq: string }[];
    return row ? Number(row.seq) : undefined;
  },

  /** The first checkpoint whose tree holds the entry `seq`, with its leaf index; undefined until then. */
  async firstCheckpointOf(manager: EntityManager, seq: number): Promise<{ leafIndex: number; checkpoint: StoredCheckpoint } | undefined> {
    const [row] = (await manager.query(
      `SELECT l.leaf_index::text AS leaf_index, c.tree_size::text, c.root_hash, c.note, c.verifier_key, c.signed_at
         FROM log_leaves l
         JOIN LATERAL (SELECT * FROM log_checkpoints c WHERE c.tree_size > l.leaf_index ORDER BY c.tree_size LIMIT 1) c ON true
        WHERE l.seq = $1`,
      [seq],
    )) as (CheckpointRow & { leaf_index: string })[];
    return row && { leafIndex: Number(row.leaf_index), checkpoint: toCheckpoint(row) };
  },
};
