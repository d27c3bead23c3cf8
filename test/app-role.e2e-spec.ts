import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, grantAppRole, pgErrorCode, runMigrationsUnderLock } from '@near/database';
import { act } from './fixtures/applications.js';
import { bearer } from './fixtures/users.js';
import { anApplicationOnTheAgenda, aVotingHall, recordPresent, type VotingHall } from './fixtures/voting.js';
import { createTestWorker } from './utils/create-test-worker.js';
import { Mailbox } from './utils/mailbox.js';
import { API_ENTRY, spawnEntry, waitFor } from './utils/spawn-app.js';
import { createTestDatabase, dropTestRole, type TestDatabase } from './utils/test-database.js';
import { integratedByWorker } from './utils/integrate-log.js';

const GRANT_ENTRY = resolve('dist/apps/api/apps/api/src/cli/grant-app-role.js');
const INSUFFICIENT_PRIVILEGE = '42501';

describe('the API and the worker as a role that owns nothing (npm run db:grant-app-role)', () => {
  const mailbox = new Mailbox();
  const role = `near_app_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  let database: TestDatabase;
  let owner: DataSource;
  let hall: VotingHall;
  let worker: INestApplicationContext;
  let grantOutput: { code: number | null; stdout: string; stderr: string };

  beforeAll(async () => {
    await mailbox.start();
    database = await createTestDatabase();
    owner = await new DataSource({ ...dataSourceOptions(database.url, 2), logging: false }).initialize();
    await runMigrationsUnderLock(owner);
    // With a password: CI's PostgreSQL asks for one over TCP (this machine's may trust).
    await owner.query(`CREATE ROLE ${pg.escapeIdentifier(role)} LOGIN PASSWORD ${pg.escapeLiteral(password)}`);
    const run = spawnEntry(GRANT_ENTRY, { DATABASE_URL: database.url }, [role]);
    grantOutput = { code: (await run.exited).code, stdout: run.stdout(), stderr: run.stderr() };
    const asRole = new URL(database.url);
    asRole.username = role;
    asRole.password = password;
    hall = await aVotingHall(40, { DATABASE_URL: asRole.toString(), MIGRATIONS_RUN: 'false' });
    worker = await createTestWorker(hall.api, { SMTP_URL: mailbox.url });
  });
  afterAll(async () => {
    await worker?.close();
    await hall?.api.close();
    await owner?.destroy();
    await database?.drop();
    await dropTestRole(role);
    await mailbox.stop();
  });

  it('grants, printing what it granted', () => {
    expect(grantOutput).toMatchObject({ code: 0, stderr: '' });
    expect(grantOutput.stdout).toContain(`REVOKE UPDATE, DELETE ON "audit_events" FROM "${role}";`);
    expect(grantOutput.stdout).toContain(`"${role}" may now run the API and the worker`);
  });

  it('walks an application to its admission, with every e-mail sent and the audit trail valid', async () => {
    const { api, secretariat, memberIds, delegates } = hall;
    const { application, session } = await anApplicationOnTheAgenda(api, secretariat);
    await recordPresent(api, secretariat, session.id, memberIds).expect(200);
    await act(api, secretariat, application, 'open-ballot').expect(200);
    for (const delegate of delegates) {
      await api.http().put(`/applications/${application.id}/ballot`).set(bearer(delegate)).send({ choice: 'yes' }).expect(200);
    }
    const closed = await act(api, secretariat, application, 'close-ballot').expect(200);
    expect(closed.body.state).toBe('approved');
    const [government] = await api.dataSource.query(
      `SELECT g.status FROM governments g JOIN applications a ON a.government_id = g.id WHERE a.id = $1`,
      [application.id],
    );
    expect(government.status).toBe('member');

    const unsent = async () => (await api.dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE status <> 'sent'`))[0].n;
    await waitFor(async () => ((await unsent()) === 0 ? true : undefined), 20_000, 'every notification sent');
    expect(mailbox.received.length).toBeGreaterThan(0);
    // The worker, running as the application's role, integrates the trail into the log.
    await integratedByWorker((sql) => api.dataSource.query(sql));
    const verification = await api.http().get('/audit-events/verify').set(bearer(secretariat)).expect(200);
    expect(verification.body).toMatchObject({ valid: true });
  });

  it.each([
    ['change an audit entry', `UPDATE audit_events SET action = 'forged' WHERE seq = 1`],
    ['delete an audit entry', `DELETE FROM audit_events WHERE seq = 1`],
    ['empty the audit trail', `TRUNCATE audit_events`],
    ['switch the audit trail’s triggers off', `ALTER TABLE audit_events DISABLE TRIGGER USER`],
    ['drop the audit trail', `DROP TABLE audit_events`],
    ['delete a leaf of the log', `DELETE FROM log_leaves`],
    ['delete a node of the log’s tree', `DELETE FROM log_tree_nodes`],
    ['take back a signed checkpoint', `DELETE FROM log_checkpoints`],
    ['record a migration as applied', `INSERT INTO schema_migrations (timestamp, name) VALUES (1, 'Forged1')`],
    ['create a table of its own', `CREATE TABLE shadow (id int)`],
  ])('cannot %s', async (_, statement) => {
    const refused = await hall.api.dataSource.query(statement).then(
      () => null,
      (error: unknown) => pgErrorCode(error),
    );
    expect(refused).toBe(INSUFFICIENT_PRIVILEGE);
  });

  it('will not start as the role after a migration added a table it was not granted, and says what to run', async () => {
    await owner.query(`CREATE TABLE added_later (id int)`);
    try {
      const run = spawnEntry(API_ENTRY, { DATABASE_URL: hall.api.config.database.url, MIGRATIONS_RUN: 'false', PORT: '0' });
      const { code } = await run.exited;
      expect({ code, stderr: run.stderr() }).toEqual({
        code: 1,
        stderr:
          `near-api: The database role "${role}" lacks added_later: DELETE, added_later: INSERT, added_later: SELECT, added_later: UPDATE: ` +
          `run \`npm run db:grant-app-role -- ${role}\` as the owner of the tables (after each migration).\n`,
      });
    } finally {
      await owner.query(`DROP TABLE added_later`);
    }
  });

  it('refuses to grant to a superuser (here the owner too), a role that owns a table or the schema, one that may create roles, or none', async () => {
    const other = `near_owner_${randomBytes(4).toString('hex')}`;
    await owner.query(`CREATE ROLE ${pg.escapeIdentifier(other)}`);
    await owner.query(`CREATE TABLE owned_elsewhere (id int)`);
    await owner.query(`ALTER TABLE owned_elsewhere OWNER TO ${pg.escapeIdentifier(other)}`);
    try {
      const [{ user }] = await owner.query(`SELECT current_user AS user`);
      await expect(grantAppRole(owner, user)).rejects.toThrow(/is a superuser/);
      await expect(grantAppRole(owner, other)).rejects.toThrow(/owns owned_elsewhere/);
      await expect(grantAppRole(owner, `near_nobody_${randomBytes(4).toString('hex')}`)).rejects.toThrow(/No role/);
      await owner.query(`ALTER ROLE ${pg.escapeIdentifier(other)} CREATEROLE`);
      await expect(grantAppRole(owner, other)).rejects.toThrow(/may create roles/);
      await owner.query(`ALTER ROLE ${pg.escapeIdentifier(other)} NOCREATEROLE`);
      await owner.query(`DROP TABLE owned_elsewhere`);
      const [{ schemaOwner }] = await owner.query(
        `SELECT nspowner::regrole::text AS "schemaOwner" FROM pg_namespace WHERE nspname = 'public'`,
      );
      await owner.query(`ALTER SCHEMA public OWNER TO ${pg.escapeIdentifier(other)}`);
      await expect(grantAppRole(owner, other)).rejects.toThrow(/owns the schema public/);
      await owner.query(`ALTER SCHEMA public OWNER TO ${schemaOwner}`);
    } finally {
      await owner.query(`DROP TABLE IF EXISTS owned_elsewhere`);
      await owner.query(`DROP ROLE ${pg.escapeIdentifier(other)}`);
    }
  });
});
