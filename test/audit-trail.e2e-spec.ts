import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import {
  type AuditContext,
  type AuditEntryInput,
  type AuditEvent,
  AuditQuery,
  AuditTrail,
  AuditVerifier,
  LogIntegrator,
  SYSTEM_CONTEXT,
  toVerificationResponse,
} from '@near/audit';
import { pgErrorCode } from '@near/database';
import { createTestApp, type TestApp } from './utils/create-test-app.js';
import { spawnEntry } from './utils/spawn-app.js';

const AUDIT_VERIFY_ENTRY = resolve('dist/apps/api/apps/api/src/cli/audit-verify.js');

const officer: AuditContext = {
  actor: { userId: randomUUID(), role: 'secretariat', governmentId: null },
  requestId: 'req-officer',
  clientAddress: '203.0.113.7',
};

const anEntry = (n: number, overrides: Partial<AuditEntryInput> = {}): AuditEntryInput => ({
  action: 'application.start-review',
  entityType: 'application',
  entityId: `application-${n}`,
  stateBefore: 'submitted',
  stateAfter: 'under_review',
  payload: { note: `entry ${n}` },
  ...overrides,
});

describe('the audit trail', () => {
  let api: TestApp;
  let trail: AuditTrail;
  let query: AuditQuery;
  let verifier: AuditVerifier;
  let integrator: LogIntegrator;

  const inTransaction = <T>(work: (manager: EntityManager) => Promise<T>) => api.dataSource.transaction(work);
  const record = (entry: AuditEntryInput, context: AuditContext = officer) =>
    inTransaction((manager) => trail.record(manager, context, entry));
  const recordEntries = async (count: number): Promise<AuditEvent[]> => {
    const events: AuditEvent[] = [];
    for (let n = 1; n <= count; n++) events.push(await record(anEntry(n)));
    return events;
  };
  const allEvents = async () => (await query.list({}, { limit: 1000 })).items;
  const integrate = () => integrator.integrateAll();
  /** Integrates, then verifies: what the trail looks like once the worker has caught up. */
  const verified = async () => {
    await integrate();
    return verifier.verify();
  };
  const LOG_TABLES = ['audit_events', 'log_leaves', 'log_tree_nodes', 'log_checkpoints'];

  /**
   * Edits the table behind the app's back, as a superuser can (the tests connect as postgres). The
   * triggers are off only inside this transaction: ALTER TABLE is transactional, so they are back on at
   * commit, and a failed edit rolls the switch back with it.
   */
  const tamper = (...statements: string[]) =>
    inTransaction(async (manager) => {
      for (const table of LOG_TABLES) await manager.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
      for (const statement of statements) await manager.query(statement);
      for (const table of LOG_TABLES) await manager.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    });

  beforeAll(async () => {
    api = await createTestApp();
    trail = new AuditTrail();
    query = new AuditQuery(api.dataSource);
    verifier = new AuditVerifier(api.dataSource);
    integrator = api.app.get(LogIntegrator);
  });
  afterAll(() => api.close());
  // RESTART IDENTITY restarts the seq sequence, which the audit_events.seq column owns.
  beforeEach(() => tamper('TRUNCATE audit_events, log_pending, log_leaves, log_tree_nodes, log_checkpoints RESTART IDENTITY'));

  describe('recording', () => {
    it('numbers entries 1, 2, 3…, and the integrator makes them leaves 0, 1, 2… after commit', async () => {
      const recorded = await recordEntries(5);
      const stored = await allEvents();
      expect(stored).toEqual(recorded);
      expect(stored.map((event) => [event.seq, event.leafIndex])).toEqual([1, 2, 3, 4, 5].map((seq) => [seq, null]));
      expect(await integrate()).toEqual({ outcome: 'integrated', leaves: 5, treeSize: 5 });
      expect((await allEvents()).map((event) => [event.seq, event.leafIndex])).toEqual([1, 2, 3, 4, 5].map((seq) => [seq, seq - 1]));
      expect(await verifier.verify()).toEqual({ valid: true, checked: 5, treeSize: 5 });
    });

    it('stores who acted, from where, and the change, as it was given', async () => {
      const governmentId = randomUUID();
      const applicant: AuditContext = {
        actor: { userId: randomUUID(), role: 'applicant', governmentId },
        requestId: 'req-42',
        clientAddress: '198.51.100.9',
      };
      const event = await record(
        anEntry(1, { action: 'application.withdraw', payload: { reason: 'Changed our mind', steps: [1, 2] } }),
        applicant,
      );
      expect(event).toMatchObject({
        seq: 1,
        actorUserId: applicant.actor!.userId,
        actorRole: 'applicant',
        actorGovernmentId: governmentId,
        action: 'application.withdraw',
        entityType: 'application',
        entityId: 'application-1',
        stateBefore: 'submitted',
        stateAfter: 'under_review',
        payload: { reason: 'Changed our mind', steps: [1, 2] },
        requestId: 'req-42',
        clientAddress: '198.51.100.9',
      });
      expect(event.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(Math.abs(Date.parse(event.occurredAt) - Date.now())).toBeLessThan(60_000);
      const system = await record(anEntry(2), SYSTEM_CONTEXT);
      expect(system).toMatchObject({ actorUserId: null, actorRole: null, actorGovernmentId: null, requestId: null, clientAddress: null });
    });

    it('hashes what PostgreSQL stores: upper-case uuids, lone surrogates and NUL still verify', async () => {
      const shouting: AuditContext = { actor: { userId: randomUUID().toUpperCase(), role: 'admin', governmentId: null } };
      const event = await record(
        anEntry(1, { entityId: 'odd\ud800id\u0000', payload: { lone: '\udfff', nul: '\u0000', at: new Date(0) } }),
        shouting,
      );
      expect(event.actorUserId).toBe(shouting.actor!.userId.toLowerCase());
      expect(event.entityId).toBe('odd\ufffdid\ufffd');
      expect(event.payload).toEqual({ lone: '\udfff', nul: '\u0000', at: '1970-01-01T00:00:00.000Z' });
      expect(await allEvents()).toEqual([event]);
      expect(await verified()).toMatchObject({ valid: true, checked: 1 });
    });

    it('commits an entry together with its change, or neither; a rolled-back entry burns a seq, never a leaf', async () => {
      const failed = inTransaction(async (manager) => {
        await manager.query(`INSERT INTO system_flags (name) VALUES ('audit-test-rolled-back')`);
        await trail.record(manager, officer, anEntry(1));
        throw new Error('the change fails after its entry was recorded');
      });
      await expect(failed).rejects.toThrow('the change fails after its entry was recorded');
      expect(await allEvents()).toEqual([]);
      expect(await api.dataSource.query(`SELECT 1 FROM system_flags WHERE name = 'audit-test-rolled-back'`)).toEqual([]);

      const committed = await inTransaction(async (manager) => {
        await manager.query(`INSERT INTO system_flags (name) VALUES ('audit-test-committed')`);
        return trail.record(manager, officer, anEntry(2));
      });
      expect(committed).toMatchObject({ seq: 2, leafIndex: null, entityId: 'application-2' });
      expect(await api.dataSource.query(`SELECT name FROM system_flags WHERE name = 'audit-test-committed'`)).toHaveLength(1);
      expect(await verified()).toMatchObject({ valid: true, checked: 1 });
      expect((await allEvents()).map((event) => [event.seq, event.leafIndex])).toEqual([[2, 0]]);
    });

    it('refuses to record outside a transaction', async () => {
      await expect(trail.record(api.dataSource.manager, officer, anEntry(1))).rejects.toThrow(/needs the EntityManager of the transaction/);
      expect(await allEvents()).toEqual([]);
    });

    it('lets 50 transactions record at once, without waiting for one another, and makes one tree of them', async () => {
      const events = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          inTransaction(async (manager) => {
            // Some work before the entry, so that the transactions really overlap.
            await manager.query('SELECT pg_sleep(0.005)');
            return trail.record(manager, officer, anEntry(i + 1));
          }),
        ),
      );
      const stored = await allEvents();
      expect(stored.map((event) => event.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(new Set(stored.map((event) => event.entityId)).size).toBe(50);
      expect([...events].sort((a, b) => a.seq - b.seq)).toEqual(stored);
      expect(await verified()).toMatchObject({ valid: true, checked: 50 });
      expect(new Set((await allEvents()).map((event) => event.leafIndex))).toEqual(new Set(Array.from({ length: 50 }, (_, i) => i)));
    });

    it('records several entries of one transaction in order, in one statement', async () => {
      await recordEntries(1);
      const events = await inTransaction((manager) => trail.recordMany(manager, officer, [anEntry(2), anEntry(3)]));
      expect(events.map((event) => [event.seq, event.entityId])).toEqual([
        [2, 'application-2'],
        [3, 'application-3'],
      ]);
      expect(await verified()).toMatchObject({ valid: true, checked: 3 });
    });
  });

  describe('append-only', () => {
    const appendOnlyRefusal = async (statement: string) => {
      const error = await api.dataSource.query(statement).then(
        () => undefined,
        (failure: unknown) => failure,
      );
      expect(error).toBeDefined();
      return { message: (error as Error).message, code: pgErrorCode(error) };
    };

    it('refuses UPDATE, DELETE and TRUNCATE, even from the connection of the app that owns the table', async () => {
      await recordEntries(3);
      const before = await allEvents();
      for (const statement of [
        `UPDATE audit_events SET payload = '{}' WHERE seq = 2`,
        `UPDATE audit_events SET action = action`,
        `DELETE FROM audit_events WHERE seq = 3`,
        `DELETE FROM audit_events`,
        // Its leaves reference it: CASCADE would truncate them too, which their own trigger refuses.
        `TRUNCATE audit_events CASCADE`,
      ]) {
        expect({ statement, ...(await appendOnlyRefusal(statement)) }).toEqual({
          statement,
          message: expect.stringMatching(/^(audit_events|log_leaves) is append-only$/),
          code: '42501',
        });
      }
      expect(await allEvents()).toEqual(before);
      expect(await verified()).toMatchObject({ valid: true, checked: 3 });
    });
  });

  describe('verify', () => {
    it('calls an empty trail valid, with nothing checked', async () => {
      expect(await verifier.verify()).toEqual({ valid: true, checked: 0 });
      expect(await verified()).toEqual({ valid: true, checked: 0, treeSize: 0 });
      expect(toVerificationResponse(await verifier.verify())).toEqual({ valid: true, checked: 0 });
    });

    it('finds a changed payload at the entry that was changed', async () => {
      await recordEntries(6);
      await integrate();
      await tamper(`UPDATE audit_events SET payload = '{"note":"forged"}' WHERE seq = 4`);
      const result = await verifier.verify();
      expect(result).toEqual({ valid: false, checked: 3, firstInvalidSeq: 4, reason: 'entry changed', treeSize: 6 });
      expect(toVerificationResponse(result)).toEqual({ valid: false, checked: 3, firstInvalidId: 4 });
    });

    it('finds a deleted entry and its leaf at the entry after the gap', async () => {
      await recordEntries(6);
      await integrate();
      await tamper(`DELETE FROM log_leaves WHERE seq = 3`, `DELETE FROM audit_events WHERE seq = 3`);
      expect(await verifier.verify()).toEqual({ valid: false, checked: 2, firstInvalidSeq: 4, reason: 'leaf missing', treeSize: 6 });
    });

    it('finds two leaves swapped, each still matching its entry, at the first checkpoint whose root no longer holds', async () => {
      await recordEntries(6);
      while ((await integrator.integrateBatch(1)).outcome === 'integrated');
      await tamper(
        `CREATE TEMP TABLE pair ON COMMIT DROP AS SELECT * FROM log_leaves WHERE leaf_index IN (2, 3)`,
        `UPDATE pair SET leaf_index = 5 - leaf_index`,
        `DELETE FROM log_leaves WHERE leaf_index IN (2, 3)`,
        `INSERT INTO log_leaves SELECT * FROM pair`,
      );
      expect(await verifier.verify()).toEqual({
        valid: false,
        checked: 3,
        firstInvalidSeq: 4,
        reason: 'checkpoint mismatch',
        treeSize: 6,
        badCheckpointSize: 3,
      });
    });

    it('finds a checkpoint whose signature was forged', async () => {
      await recordEntries(2);
      await integrate();
      await tamper(`UPDATE log_checkpoints SET note = replace(note, '— ', '— x') WHERE tree_size = 2`);
      expect(await verifier.verify()).toMatchObject({ valid: false, reason: 'checkpoint mismatch', badCheckpointSize: 2 });
    });

    it('finds a time moved by one microsecond, which a JavaScript Date could not even show', async () => {
      await recordEntries(3);
      await integrate();
      await tamper(`UPDATE audit_events SET occurred_at = occurred_at + interval '1 microsecond' WHERE seq = 2`);
      expect(await verifier.verify()).toEqual({ valid: false, checked: 1, firstInvalidSeq: 2, reason: 'entry changed', treeSize: 3 });
    });

    it('reads the trail in batches without losing its place', async () => {
      await recordEntries(10);
      await integrate();
      const small = new AuditVerifier(api.dataSource, { batchSize: 3 });
      expect(await small.verify()).toEqual({ valid: true, checked: 10, treeSize: 10 });
      await tamper(`UPDATE audit_events SET entity_id = 'someone-else' WHERE seq = 7`);
      expect(await small.verify()).toEqual({ valid: false, checked: 6, firstInvalidSeq: 7, reason: 'entry changed', treeSize: 10 });
    });
  });

  describe('reading', () => {
    it('pages by seq without repeating or skipping entries appended between pages', async () => {
      await recordEntries(5);
      const first = await query.list({}, { limit: 2 });
      expect(first.items.map((event) => event.seq)).toEqual([1, 2]);
      expect(first.nextCursor).toBe(2);
      for (let n = 6; n <= 8; n++) await record(anEntry(n));

      const seen = [...first.items];
      let cursor = first.nextCursor;
      while (cursor !== null) {
        const page = await query.list({}, { after: cursor, limit: 2 });
        seen.push(...page.items);
        cursor = page.nextCursor;
      }
      expect(seen.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(await query.list({}, { after: 8, limit: 2 })).toEqual({ items: [], nextCursor: null });
    });

    it('filters by record, actor, action and time', async () => {
      const applicant: AuditContext = { actor: { userId: randomUUID(), role: 'applicant', governmentId: randomUUID() } };
      await record(anEntry(1, { entityId: 'application-a' }));
      const second = await record(anEntry(2, { entityId: 'application-b', action: 'application.withdraw' }), applicant);
      const cut = new Date(Date.parse(second.occurredAt) + 1);
      await api.dataSource.query('SELECT pg_sleep(0.01)');
      await record(anEntry(3, { entityId: 'application-a', action: 'application.declare-eligible' }));
      await record(anEntry(4, { entityType: 'user', entityId: 'application-a' }));

      const seqs = async (filter: Parameters<AuditQuery['list']>[0]) =>
        (await query.list(filter, { limit: 10 })).items.map((event) => event.seq);
      expect(await seqs({ entityType: 'application', entityId: 'application-a' })).toEqual([1, 3]);
      expect(await seqs({ actorUserId: applicant.actor!.userId })).toEqual([2]);
      expect(await seqs({ actorUserId: applicant.actor!.userId.toUpperCase() })).toEqual([2]);
      expect(await seqs({ actorUserId: 'not-a-uuid' })).toEqual([]);
      expect(await seqs({ action: 'application.withdraw' })).toEqual([2]);
      expect(await seqs({ from: cut })).toEqual([3, 4]);
      expect(await seqs({ to: cut })).toEqual([1, 2]);
      expect(await seqs({ from: cut, entityType: 'application' })).toEqual([3]);
    });

    it('gives the history of one record, oldest first', async () => {
      await record(anEntry(1, { entityId: 'application-a', stateBefore: null, stateAfter: 'submitted' }));
      await record(anEntry(2, { entityId: 'application-b' }));
      await record(anEntry(3, { entityId: 'application-a', stateBefore: 'submitted', stateAfter: 'under_review' }));
      const history = await query.history('application', 'application-a');
      expect(history.map((event) => [event.seq, event.stateBefore, event.stateAfter])).toEqual([
        [1, null, 'submitted'],
        [3, 'submitted', 'under_review'],
      ]);
      expect(await query.history('application', 'nobody')).toEqual([]);
    });
  });

  describe('the audit:verify command', () => {
    const runVerify = async (databaseUrl = api.database.url) => {
      const run = spawnEntry(AUDIT_VERIFY_ENTRY, { DATABASE_URL: databaseUrl, NODE_ENV: 'test' });
      const { code } = await run.exited;
      return { code, stdout: run.stdout(), stderr: run.stderr() };
    };

    it('exits 0 with one line when the trail is intact', async () => {
      await recordEntries(3);
      await integrate();
      expect(await runVerify()).toEqual({
        code: 0,
        stdout: 'audit trail valid: 3 entries checked against the checkpoint of size 3\n',
        stderr: '',
      });
    });

    it('exits 1 naming the first broken entry when the trail was tampered with', async () => {
      await recordEntries(3);
      await integrate();
      await tamper(`UPDATE audit_events SET state_after = 'approved' WHERE seq = 2`);
      expect(await runVerify()).toEqual({
        code: 1,
        stdout: 'audit trail INVALID at entry 2 (entry changed); 1 entry checked before it\n',
        stderr: '',
      });
    });

    it('exits 2 when it cannot reach the database', async () => {
      const { code, stdout, stderr } = await runVerify('postgres://postgres:postgres@127.0.0.1:1/near');
      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr).toMatch(/^audit-verify: cannot verify the audit trail: Cannot reach PostgreSQL at 127\.0\.0\.1:1/);
    });
  });
});
