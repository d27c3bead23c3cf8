import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { AuditVerifier } from '@near/audit';
import { dataSourceOptions } from '@near/database';
import { MIGRATIONS } from '../libs/database/src/migrations/index.js';
import { integrateLog } from './utils/integrate-log.js';
import { createTestDatabase, type TestDatabase } from './utils/test-database.js';

/** A trail written before the transparency log (hash-chained, seq by the writer) becomes the log's first leaves. */
describe('the migration to the transparency log', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const before = MIGRATIONS.findIndex((migration) => migration.name.startsWith('TransparencyLog'));

  beforeAll(async () => {
    database = await createTestDatabase();
    const old = await new DataSource({
      ...dataSourceOptions(database.url, 2),
      logging: false,
      migrations: MIGRATIONS.slice(0, before),
    }).initialize();
    await old.runMigrations();
    // Entries as the hash-chained trail wrote them (the hashes need not be right: nothing reads them any more).
    await old.query(
      `INSERT INTO audit_events (seq, occurred_at, action, entity_type, entity_id, payload, prev_hash, hash)
       SELECT g, now() - (100 - g) * interval '1 minute', 'user.created', 'user', 'old-' || g, '{"n":' || g || '}',
              lpad(to_hex(g - 1), 64, '0'), lpad(to_hex(g), 64, '0')
         FROM generate_series(1, 40) g`,
    );
    await old.destroy();
    dataSource = await new DataSource({ ...dataSourceOptions(database.url, 2), logging: false }).initialize();
    await dataSource.runMigrations();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('makes the existing entries the first leaves, in their order, and numbers new entries after them', async () => {
    const [{ seq }] = await dataSource.query(
      `INSERT INTO audit_events (occurred_at, action, entity_type, entity_id, payload) VALUES (now(), 'user.created', 'user', 'new', '{}') RETURNING seq::int`,
    );
    expect(seq).toBe(41);
    await dataSource.query(`INSERT INTO log_pending (seq) VALUES (41)`);
    await integrateLog(database.url);
    const leaves: { leaf_index: number; seq: number }[] = await dataSource.query(
      `SELECT leaf_index::int, seq::int FROM log_leaves ORDER BY leaf_index`,
    );
    expect(leaves.map((leaf) => leaf.seq)).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
    expect(leaves.map((leaf) => leaf.leaf_index)).toEqual(Array.from({ length: 41 }, (_, i) => i));
    expect(await new AuditVerifier(dataSource).verify()).toEqual({ valid: true, checked: 41, treeSize: 41 });
  });

  it('refuses UPDATE and DELETE of an old entry still', async () => {
    await expect(dataSource.query(`UPDATE audit_events SET payload = '{}' WHERE seq = 1`)).rejects.toThrow(/append-only/);
  });
});
