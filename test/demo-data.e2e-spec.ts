import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MIGRATIONS } from '../libs/database/src/migrations/index.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';
import { createTestDatabase, type TestDatabase } from './utils/test-database.js';

describe('demo data and first start', () => {
  let database: TestDatabase;
  let apps: TestApp[];

  beforeAll(async () => {
    database = await createTestDatabase();
    // Three API processes starting at once on an empty database: migrations, the admin and the demo data each happen once.
    apps = await Promise.all(
      [1, 2, 3].map(() => createTestApp({ DATABASE_URL: database.url, DEMO_DATA: 'true', ADMIN_EMAIL: 'root@test.example' })),
    );
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await database.drop();
  });

  const query = (sql: string) => apps[0].dataSource.query(sql);

  it('applies each migration once', async () => {
    const rows = await query('SELECT name FROM schema_migrations');
    expect(rows.map((row: { name: string }) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
  });

  it('creates exactly one admin from ADMIN_EMAIL, who can sign in', async () => {
    const admins = await query(`SELECT email FROM users WHERE role = 'admin'`);
    expect(admins).toEqual([{ email: 'root@test.example' }]);
    await apps[1].http().post('/auth/login').send({ email: 'root@test.example', password: 'admin-password-dev' }).expect(200);
  });

  it('seeds a secretariat user, one delegate per member government and an applicant for Liaoning, once', async () => {
    const counts = await query(`SELECT role, count(*)::int AS count FROM users GROUP BY role ORDER BY role`);
    expect(counts).toEqual([
      { role: 'admin', count: 1 },
      { role: 'applicant', count: 1 },
      { role: 'delegate', count: 70 },
      { role: 'secretariat', count: 1 },
    ]);
    const [uncovered] = await query(
      `SELECT count(*)::int AS count FROM governments g WHERE g.status = 'member' AND NOT EXISTS (SELECT 1 FROM users u WHERE u.government_id = g.id AND u.role = 'delegate')`,
    );
    expect(uncovered.count).toBe(0);
    const signIn = await apps[2]
      .http()
      .post('/auth/login')
      .send({ email: 'applicant.liaoning@near.example', password: 'applicant-demo' })
      .expect(200);
    expect(signIn.body.user).toMatchObject({ role: 'applicant', locale: 'zh' });
  });

  it('records the past General Assemblies 1 to 8 and a scheduled 9th', async () => {
    const sessions = await query(
      `SELECT a.number, a.status, g.name_en AS host, a.starts_on::text AS starts_on FROM assemblies a JOIN governments g ON g.id = a.host_government_id ORDER BY a.number`,
    );
    expect(sessions.map((s: { number: number }) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(sessions[3]).toMatchObject({ host: 'Khabarovsk Krai', status: 'closed', starts_on: '2002-09-01' });
    expect(sessions[8]).toMatchObject({ status: 'scheduled', host: 'Ningxia Hui Autonomous Region' });
    expect(new Date(sessions[8].starts_on).getTime()).toBeGreaterThan(Date.now());
  });
});
