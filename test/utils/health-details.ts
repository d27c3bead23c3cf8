import { aUser, bearer, type TestUser } from '../fixtures/users.js';
import type { TestApp } from './create-test-app.js';

const operators = new WeakMap<TestApp, Promise<TestUser>>();

/**
 * /health as an operator reads it, signed in as an admin: with `details` (the outbox counts and the queue
 * depth), which an anonymous caller is not told. Expects a 200.
 */
export async function healthDetails(
  api: TestApp,
): Promise<{ notifications: { outbox: Record<string, number>; queue: Record<string, number> } }> {
  if (!operators.has(api)) operators.set(api, aUser(api, 'admin'));
  const admin = await operators.get(api)!;
  return (await api.http().get('/health').set(bearer(admin)).expect(200)).body.details;
}
