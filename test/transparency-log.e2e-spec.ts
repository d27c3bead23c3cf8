import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { type AuditContext, type AuditEntryInput, AuditTrail, LogIntegrator } from '@near/audit';
import { LogRepository } from '../libs/audit/src/log/log.repository.js';
import { aUser, bearer, type TestUser } from './fixtures/users.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';
import {
  aSignedNoteKey,
  hashLeaf,
  merkleTreeHash,
  openSignedNote,
  readCheckpoint,
  verifyConsistency,
  verifyInclusion,
} from './utils/rfc9162.js';
import { sigstoreVerifiesInclusion } from './utils/sigstore-tlog.js';

const officer: AuditContext = {
  actor: { userId: randomUUID(), role: 'secretariat', governmentId: null },
  requestId: 'req-secret-request-id',
  clientAddress: '203.0.113.77',
};

const anEntry = (n: number): AuditEntryInput => ({
  action: 'application.start-review',
  entityType: 'application',
  entityId: `application-${n}`,
  stateBefore: 'submitted',
  stateAfter: 'under_review',
  payload: { note: `entry ${n}`, ü: 'ünïcode' },
});

const b64 = (text: string) => Buffer.from(text, 'base64');

/** A node of EXPLAIN (ANALYZE, FORMAT JSON). */
interface PlanNode {
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  Plans?: PlanNode[];
}

describe('the transparency log', () => {
  let api: TestApp;
  let trail: AuditTrail;
  let integrator: LogIntegrator;
  let secretariat: TestUser;
  let verifierKey: string;
  /** Every leaf's data, by index, read through GET /log/entries. */
  let data: Buffer[] = [];
  /** Checkpoint sizes signed while the tests built the tree. */
  const sizes: number[] = [];

  const record = (count: number) =>
    api.dataSource.transaction(async (manager: EntityManager) => {
      for (let n = 0; n < count; n++) await trail.record(manager, officer, anEntry(n));
    });
  const integrate = async (limit?: number) => {
    const result = await integrator.integrateBatch(limit);
    if (result.treeSize !== undefined && !sizes.includes(result.treeSize)) sizes.push(result.treeSize);
    return result;
  };
  const text = async (path: string) => (await api.http().get(path).expect(200)).text;
  const checkpointAt = async (size: number) => {
    const body = openSignedNote(await text(`/log/checkpoints/${size}`), verifierKey);
    return readCheckpoint(body);
  };
  const readAllData = async () => {
    const { size } = readCheckpoint(openSignedNote(await text('/log/checkpoint'), verifierKey));
    data = [];
    for (let start = 0; start < size; start += 1000) {
      const end = Math.min(size, start + 1000);
      const response = await api.http().get(`/log/entries?start=${start}&end=${end}`).set(bearer(secretariat)).expect(200);
      expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
      for (const line of response.text.trimEnd().split('\n')) {
        const leaf = JSON.parse(line) as { index: number; data: string };
        expect(leaf.index).toBe(data.length);
        data.push(b64(leaf.data));
      }
    }
    return size;
  };

  beforeAll(async () => {
    api = await createTestApp();
    trail = api.app.get(AuditTrail);
    integrator = api.app.get(LogIntegrator);
    secretariat = await aUser(api, 'secretariat');
    verifierKey = (await text('/log/key')).trim();
    // Small batches of uneven sizes, so that the tree grows through many shapes and checkpoints.
    for (const [entries, limit] of [
      [1, undefined],
      [2, undefined],
      [4, 3],
      [9, 5],
      [20, 7],
    ] as const) {
      await record(entries);
      while ((await integrate(limit)).outcome === 'integrated');
    }
  });
  afterAll(() => api.close());

  it('serves its verifier key as text: <name>+<key hash>+<base64 of 0x01 and the Ed25519 key>', async () => {
    const response = await api.http().get('/log/key').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(verifierKey).toMatch(
      new RegExp(`^${api.config.transparencyLog.origin.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\+[0-9a-f]{8}\\+A[Q-f][A-Za-z0-9+/]{42}$`),
    );
  });

  it('signs checkpoints whose roots are the Merkle tree hash of the leaves, each leaf its entry without request id or address', async () => {
    const size = await readAllData();
    expect(size).toBeGreaterThanOrEqual(36);
    const latest = await api.http().get('/log/checkpoint').expect(200);
    expect(latest.headers['content-type']).toMatch(/^text\/plain/);
    const checkpoint = readCheckpoint(openSignedNote(latest.text, verifierKey));
    expect(checkpoint.origin).toBe(api.config.transparencyLog.origin);
    expect(checkpoint.root.equals(merkleTreeHash(data))).toBe(true);
    for (const s of sizes.filter((n) => n > 0)) {
      const at = await checkpointAt(s);
      expect(at.size).toBe(s);
      expect(at.root.equals(merkleTreeHash(data.slice(0, s)))).toBe(true);
    }
    const last = JSON.parse(data[size - 1].toString('utf8'));
    expect(last).toEqual({
      seq: expect.any(Number),
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      actorUserId: officer.actor!.userId,
      actorRole: 'secretariat',
      actorGovernmentId: null,
      action: 'application.start-review',
      entityType: 'application',
      entityId: expect.stringMatching(/^application-\d+$/),
      stateBefore: 'submitted',
      stateAfter: 'under_review',
      payload: { note: expect.any(String), ü: 'ünïcode' },
    });
    expect(data.some((bytes) => bytes.includes('req-secret-request-id') || bytes.includes('203.0.113.77'))).toBe(false);
  });

  it('gives entries committed one after the other leaves in the order of their seq', async () => {
    const seqs = data.map((bytes) => (JSON.parse(bytes.toString('utf8')) as { seq: number }).seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('proves every leaf included in every signed tree that holds it (RFC 9162 §2.1.3)', async () => {
    for (const size of sizes.filter((n) => n > 0)) {
      const { root } = await checkpointAt(size);
      for (let index = 0; index < size; index++) {
        const { body } = await api.http().get(`/log/proof/inclusion?index=${index}&size=${size}`).expect(200);
        expect(body).toEqual({ index, size, leafHash: hashLeaf(data[index]).toString('base64'), proof: expect.any(Array) });
        expect(verifyInclusion(index, size, b64(body.leafHash), body.proof.map(b64), root)).toBe(true);
      }
    }
  });

  it("is accepted by Sigstore's verifier: every checkpoint's signature, every leaf's inclusion; a changed one refused", async () => {
    const proofOf = async (index: number, size: number) =>
      (await api.http().get(`/log/proof/inclusion?index=${index}&size=${size}`).expect(200)).body.proof as string[];
    for (const size of sizes.filter((n) => n > 0)) {
      const checkpoint = await text(`/log/checkpoints/${size}`);
      for (let index = 0; index < size; index++) {
        const proof = await proofOf(index, size);
        expect(() => sigstoreVerifiesInclusion({ verifierKey, checkpoint, index, data: data[index], proof })).not.toThrow();
      }
    }

    const size = Math.max(...sizes);
    const checkpoint = await text(`/log/checkpoints/${size}`);
    const index = size - 3;
    const leaf = { verifierKey, checkpoint, index, data: data[index], proof: await proofOf(index, size) };
    const edited = Buffer.from(data[index]);
    edited[edited.indexOf('entry')] = 'E'.charCodeAt(0);
    expect(() => sigstoreVerifiesInclusion({ ...leaf, data: edited })).toThrow(/root hash does not match/);
    expect(() => sigstoreVerifiesInclusion({ ...leaf, index: index - 1 })).toThrow(/root hash does not match/);
    const [body] = checkpoint.split('\n\n');
    expect(() => sigstoreVerifiesInclusion({ ...leaf, checkpoint: checkpoint.replace(`\n${size}\n`, `\n${size + 1}\n`) })).toThrow(
      /invalid checkpoint signature/,
    );
    const forger = aSignedNoteKey(api.config.transparencyLog.origin);
    expect(() => sigstoreVerifiesInclusion({ ...leaf, checkpoint: forger.sign(`${body}\n`) })).toThrow(/invalid checkpoint signature/);
    expect(() =>
      sigstoreVerifiesInclusion({ ...leaf, verifierKey: forger.verifierKey, checkpoint: forger.sign(`${body}\n`) }),
    ).not.toThrow();
  });

  it('proves every signed tree consistent with every later one (RFC 9162 §2.1.4)', async () => {
    const signed = sizes.filter((n) => n > 0);
    for (const from of signed) {
      for (const to of signed.filter((n) => n >= from)) {
        const { body } = await api.http().get(`/log/proof/consistency?from=${from}&to=${to}`).expect(200);
        expect(body).toEqual({ from, to, proof: expect.any(Array) });
        const [a, b] = [await checkpointAt(from), await checkpointAt(to)];
        expect(verifyConsistency(from, to, a.root, b.root, body.proof.map(b64))).toBe(true);
      }
    }
  });

  it('answers sizes no checkpoint has and ranges out of the tree with problem+json, never 500', async () => {
    const size = sizes[sizes.length - 1];
    const cases: [string, number][] = [
      [`/log/checkpoints/${size + 1}`, 404],
      ['/log/checkpoints/abc', 400],
      ['/log/checkpoints/-1', 400],
      ['/log/checkpoints/99999999999999999999', 400],
      [`/log/proof/inclusion?index=${size}&size=${size}`, 400],
      [`/log/proof/inclusion?index=0&size=${size + 1}`, 404],
      ['/log/proof/inclusion?index=0', 400],
      ['/log/proof/inclusion?index=1.5&size=2', 400],
      [`/log/proof/consistency?from=0&to=${size}`, 400],
      [`/log/proof/consistency?from=${size}&to=1`, 400],
      [`/log/proof/consistency?from=1&to=${size + 1}`, 404],
    ];
    for (const [path, status] of cases) {
      const response = await api.http().get(path);
      expect({ path, status: response.status }).toEqual({ path, status });
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      // A size not signed yet may be signed later: no cache may keep the refusal.
      expect({ path, cacheControl: response.headers['cache-control'] }).toEqual({ path, cacheControl: 'no-store' });
    }
    const signed = await api.http().get(`/log/checkpoints/${size}`).expect(200);
    expect(signed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const [query, status] of [
      [`start=0&end=${size + 1}`, 400],
      ['start=5&end=5', 400],
      ['start=0&end=1001', 400],
      ['start=x&end=1', 400],
    ] as const) {
      const response = await api.http().get(`/log/entries?${query}`).set(bearer(secretariat));
      expect({ query, status: response.status }).toEqual({ query, status });
    }
  });

  it('shows each audit event its leaf index once integrated, null before', async () => {
    await record(1);
    const history = async () => {
      const { body } = await api.http().get('/audit-events?limit=1000').set(bearer(secretariat)).expect(200);
      return body.items as { seq: number; leafIndex: number | null }[];
    };
    const before = await history();
    expect(before[before.length - 1].leafIndex).toBeNull();
    await integrate();
    const after = await history();
    expect(after.every((event) => Number.isInteger(event.leafIndex))).toBe(true);
    await readAllData();
    for (const event of after) expect(JSON.parse(data[event.leafIndex!].toString('utf8')).seq).toBe(event.seq);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on leaves, tree nodes and checkpoints', async () => {
    for (const statement of [
      'UPDATE log_leaves SET leaf_hash = leaf_hash',
      'DELETE FROM log_leaves',
      'TRUNCATE log_leaves CASCADE',
      'UPDATE log_tree_nodes SET hash = hash',
      'DELETE FROM log_tree_nodes',
      'TRUNCATE log_tree_nodes',
      'UPDATE log_checkpoints SET note = note',
      'DELETE FROM log_checkpoints',
      'TRUNCATE log_checkpoints',
    ]) {
      await expect(api.dataSource.query(statement)).rejects.toThrow(/is append-only/);
    }
  });

  it('verifies the trail against the tree, and names an entry changed behind its back', async () => {
    const intact = await api.http().get('/audit-events/verify').set(bearer(secretariat)).expect(200);
    expect(intact.body).toEqual({ valid: true, checked: data.length });
    const [target] = await api.dataSource.query(`SELECT seq::int AS seq FROM log_leaves WHERE leaf_index = 7`);
    await api.dataSource.transaction(async (manager) => {
      await manager.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
      await manager.query(`UPDATE audit_events SET state_after = 'eligible' WHERE seq = $1`, [target.seq]);
      await manager.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
    });
    const broken = await api.http().get('/audit-events/verify').set(bearer(secretariat)).expect(200);
    expect(broken.body).toEqual({ valid: false, checked: 7, firstInvalidId: target.seq });
  });

  it('reads only the entries it integrates, even while the statistics still count a backlog it has emptied', async () => {
    // A backlog of 20,000 entries (after the migration, or an outage of every worker), counted by ANALYZE and
    // then integrated. The statistics keep counting it until the next ANALYZE, which autovacuum may only run later.
    await api.dataSource.query('ALTER TABLE log_pending SET (autovacuum_enabled = off)');
    try {
      await api.dataSource.query(
        `WITH inserted AS (
           INSERT INTO audit_events (occurred_at, action, entity_type, entity_id, payload)
           SELECT now(), 'application.start-review', 'application', 'backlog-' || n, '{}' FROM generate_series(1, 20000) n
           RETURNING seq
         ) INSERT INTO log_pending (seq) SELECT seq FROM inserted`,
      );
      await api.dataSource.query('ANALYZE log_pending, audit_events');
      expect((await integrator.integrateAll()).outcome).toBe('integrated');
      await record(5);

      const rowsRead = new Map<string, number>();
      const count = (node: PlanNode) => {
        if (node['Relation Name'])
          rowsRead.set(node['Relation Name'], (rowsRead.get(node['Relation Name']) ?? 0) + node['Actual Rows'] * node['Actual Loops']);
        node.Plans?.forEach(count);
      };
      const explaining = {
        query: async (sql: string, parameters: unknown[]) => {
          const [
            {
              'QUERY PLAN': [plan],
            },
          ] = (await api.dataSource.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, parameters)) as {
            'QUERY PLAN': { Plan: PlanNode }[];
          }[];
          count(plan.Plan);
          return api.dataSource.query(sql, parameters);
        },
      } as unknown as EntityManager;
      const pending = await LogRepository.pending(explaining, 5_000);

      expect(pending.map((entry) => entry.entity_id)).toEqual([
        'application-0',
        'application-1',
        'application-2',
        'application-3',
        'application-4',
      ]);
      expect(rowsRead.get('audit_events')).toBe(5);
    } finally {
      await api.dataSource.query('ALTER TABLE log_pending RESET (autovacuum_enabled)');
    }
  });
});
