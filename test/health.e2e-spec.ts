import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aProspectiveApplicant } from './fixtures/applications.js';
import { aUser, bearer } from './fixtures/users.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';

describe('operations endpoints', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp();
  });
  afterAll(() => api.close());

  it('reports PostgreSQL and Redis up on /health without a token, and only that', async () => {
    const response = await api.http().get('/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', checks: { database: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('tells the Secretariat and admins the outbox counts and the queue depth', async () => {
    for (const role of ['secretariat', 'admin'] as const) {
      const response = await api
        .http()
        .get('/health')
        .set(bearer(await aUser(api, role)))
        .expect(200);
      expect(response.body.details.notifications).toEqual({
        outbox: { pending: 0, queued: 0, sent: 0, failed: 0 },
        queue: { waiting: 0, active: 0, delayed: 0, failed: 0 },
      });
    }
    for (const caller of [bearer(await aProspectiveApplicant(api)), { Authorization: 'Bearer not-a-token' }]) {
      const response = await api.http().get('/health').set(caller).expect(200);
      expect(response.body.details).toBeUndefined();
    }
  });

  it('serves the interactive API documentation at /docs', async () => {
    const response = await api.http().get('/docs').redirects(1).expect(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.text).toContain('swagger');
  });

  it('documents every route with its errors at /docs-json', async () => {
    const { body } = await api.http().get('/docs-json').expect(200);
    expect(Object.keys(body.paths).sort()).toEqual([
      '/applications',
      '/applications/{id}',
      '/applications/{id}/actions/{action}',
      '/applications/{id}/attachments',
      '/applications/{id}/attachments/{attachmentId}',
      '/applications/{id}/ballot',
      '/applications/{id}/documents',
      '/applications/{id}/eligibility',
      '/applications/{id}/history',
      '/applications/{id}/letter',
      '/applications/{id}/messages',
      '/applications/{id}/result',
      '/assemblies',
      '/assemblies/{id}',
      '/assemblies/{id}/attendance',
      '/assemblies/{id}/cancel',
      '/assemblies/{id}/close',
      '/assemblies/{id}/minutes',
      '/assemblies/{id}/open',
      '/audit-events',
      '/audit-events/verify',
      '/auth/calendar-link',
      '/auth/invitations/accept',
      '/auth/login',
      '/auth/login/totp',
      '/auth/logout',
      '/auth/me',
      '/auth/password',
      '/auth/password-reset',
      '/auth/password-reset/confirm',
      '/auth/refresh',
      '/auth/sessions',
      '/auth/sessions/{id}',
      '/auth/totp',
      '/auth/totp/confirm',
      '/auth/unlock',
      '/auth/unlock/confirm',
      '/calendar.ics',
      '/calendar/feed/{token}',
      '/documents/{id}',
      '/governments',
      '/governments/{id}',
      '/governments/{id}/fees',
      '/health',
      '/log/checkpoint',
      '/log/checkpoints/{size}',
      '/log/entries',
      '/log/key',
      '/log/proof/consistency',
      '/log/proof/inclusion',
      '/log/receipts/{commitment}',
      '/notifications',
      '/notifications/{id}/retry',
      '/public/decisions/{reference}',
      '/users',
      '/users/{id}',
      '/users/{id}/invitation',
      '/users/{id}/totp',
    ]);
    expect(body.paths['/users'].post.responses).toHaveProperty('403');
    for (const path of Object.keys(body.paths).filter((path) => path.startsWith('/log/') || path.endsWith('/messages'))) {
      expect({ path, summary: body.paths[path].get.summary }).toEqual({ path, summary: expect.any(String) });
    }
    expect(body.components.schemas).toHaveProperty('ProblemDto');
  });

  it("answers an X-Request-Id of its own, never the client's", async () => {
    const given = await api.http().get('/health').set('X-Request-Id', 'trace-42').expect(200);
    expect(given.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const made = await api.http().get('/health').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
