import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aUser, bearer, type TestUser } from './fixtures/users.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';
import { waitFor } from './utils/spawn-app.js';
import { TcpProxy } from './utils/tcp-proxy.js';
import { aMigratedTestDatabase, type TestDatabase } from './utils/test-database.js';

describe('when PostgreSQL or Redis goes away', () => {
  const postgres = new TcpProxy('127.0.0.1', 5432);
  const redis = new TcpProxy('127.0.0.1', 6379);
  let database: TestDatabase;
  let api: TestApp;
  let secretariat: TestUser;

  beforeAll(async () => {
    database = await aMigratedTestDatabase();
    await postgres.start();
    await redis.start();
    const url = new URL(database.url);
    url.port = String(postgres.port);
    api = await createTestApp({ DATABASE_URL: url.toString(), REDIS_URL: `redis://127.0.0.1:${redis.port}` });
    secretariat = await aUser(api, 'secretariat');
  });
  afterAll(async () => {
    await postgres.restore().catch(() => undefined);
    await redis.restore().catch(() => undefined);
    await api.close();
    await Promise.all([postgres.stop(), redis.stop()]);
    await database.drop();
  });

  it('answers /health 503 naming the database, and requests 503 problem+json, then recovers by itself', async () => {
    await postgres.cut();
    const health = await api.http().get('/health').expect(503);
    expect(health.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(health.body).toMatchObject({
      status: 503,
      detail: 'Unavailable: database.',
      checks: { database: { status: 'down' }, redis: { status: 'up' } },
    });

    const started = Date.now();
    const request = await api.http().get('/governments').set(bearer(secretariat));
    expect(request.status).toBe(503);
    expect(request.body.type).toBe('urn:near:problem:service-unavailable');
    expect(request.headers['retry-after']).toBeDefined();
    expect(Date.now() - started).toBeLessThan(5_000);

    await postgres.restore();
    await waitFor(async () => ((await api.http().get('/health')).status === 200 ? true : undefined), 15_000, 'recovery');
    await api.http().get('/governments').set(bearer(secretariat)).expect(200);
  });

  it('answers /health 503 naming Redis while it is away, and 200 once it is back', async () => {
    await redis.cut();
    const health = await waitFor(
      async () => {
        const response = await api.http().get('/health');
        return response.status === 503 ? response : undefined;
      },
      10_000,
      'Redis to be seen down',
    );
    expect(health.body.checks.redis.status).toBe('down');
    await redis.restore();
    await waitFor(async () => ((await api.http().get('/health')).status === 200 ? true : undefined), 15_000, 'recovery');
  });
});
