import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort } from './utils/free-port.js';
import { API_ENTRY, spawnEntry, type SpawnedProcess, waitFor } from './utils/spawn-app.js';
import { aMigratedTestDatabase, type TestDatabase } from './utils/test-database.js';

/**
 * The built API (`npm test` builds it first), run as an operator would with the most verbose logging,
 * asked to sign in, to act with its tokens and to refuse bad input; then everything it wrote to stdout
 * and stderr is searched for the passwords and tokens it was given. None may be there.
 */
describe('passwords and tokens never appear in the logs', () => {
  const unique = randomBytes(3).toString('hex');
  const secrets = {
    adminPassword: `Admin-Pass-${unique}-word`,
    wrongPassword: `Wrong-Guess-${unique}-word`,
    unknownUsersPassword: `Nobody-Pass-${unique}-word`,
    newUsersPassword: `Fresh-Pass-${unique}-word`,
    tooShortPassword: `Shrt${unique}`,
    jwtSecret: `jwt-secret-${unique}-that-is-long-enough-for-hs256`,
  };
  const tokens: Record<string, string> = {};
  let database: TestDatabase;
  let api: SpawnedProcess;
  let base: string;
  let output: string;

  const answered: Record<string, number> = {};

  /** One request to the spawned API; its status is kept under `label`, its JSON body returned. */
  const exchange = async (
    label: string,
    method: string,
    path: string,
    options: { token?: string; authorization?: string; body?: unknown } = {},
  ): Promise<Record<string, unknown>> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
        ...(options.authorization ? { Authorization: options.authorization } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    answered[label] = response.status;
    return (await response.json()) as Record<string, unknown>;
  };

  beforeAll(async () => {
    if (!existsSync(API_ENTRY)) throw new Error(`${API_ENTRY} is missing: build first (npx nest build api, or npm test)`);
    database = await aMigratedTestDatabase();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = spawnEntry(API_ENTRY, {
      DATABASE_URL: database.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'trace',
      LOG_FORMAT: 'json',
      REDIS_PREFIX: `near-logs-${unique}`,
      JWT_SECRET: secrets.jwtSecret,
      ADMIN_EMAIL: `admin.${unique}@near.example`,
      ADMIN_PASSWORD: secrets.adminPassword,
    });
    await waitFor(async () => ((await fetch(`${base}/health`)).status === 200 ? true : undefined), 60_000, 'the API to answer /health');

    // Sign-ins: the right password, a wrong one, an unknown user.
    const adminEmail = `admin.${unique}@near.example`;
    tokens.admin = (await exchange('sign-in', 'POST', '/auth/login', { body: { email: adminEmail, password: secrets.adminPassword } }))
      .accessToken as string;
    await exchange('wrong password', 'POST', '/auth/login', { body: { email: adminEmail, password: secrets.wrongPassword } });
    await exchange('unknown user', 'POST', '/auth/login', {
      body: { email: 'nobody@near.example', password: secrets.unknownUsersPassword },
    });

    // The token in its header, in query strings (by a secret's name and by another), tampered with; a Basic header.
    await exchange('me', 'GET', '/auth/me', { token: tokens.admin });
    await exchange('token in the query', 'GET', `/users?access_token=${tokens.admin}`, { token: tokens.admin });
    await exchange('token as q', 'GET', `/users?q=${tokens.admin}`, { token: tokens.admin });
    await exchange('password in the query', 'GET', `/users?password=${secrets.adminPassword}`, { token: tokens.admin });
    tokens.tampered = `${tokens.admin.slice(0, -6)}AAAAAA`;
    await exchange('tampered token', 'GET', '/auth/me', { token: tokens.tampered });
    tokens.basic = Buffer.from(`${adminEmail}:${secrets.adminPassword}`).toString('base64');
    await exchange('basic', 'GET', '/auth/me', { authorization: `Basic ${tokens.basic}` });

    // A user created with a password, a creation refused for a password too short, one with an unknown field.
    const newUser = { email: `new.${unique}@test.example`, password: secrets.newUsersPassword, displayName: 'New', role: 'secretariat' };
    await exchange('create', 'POST', '/users', { token: tokens.admin, body: newUser });
    await exchange('too short', 'POST', '/users', {
      token: tokens.admin,
      body: { ...newUser, email: 'not-an-email', password: secrets.tooShortPassword },
    });
    await exchange('unknown field', 'POST', '/users', {
      token: tokens.admin,
      body: { ...newUser, email: `other.${unique}@test.example`, passwordConfirmation: secrets.newUsersPassword },
    });
    tokens.newUser = (
      await exchange('new user signs in', 'POST', '/auth/login', { body: { email: newUser.email, password: secrets.newUsersPassword } })
    ).accessToken as string;

    // Errors that are not 500s: not found, forbidden.
    await exchange('not found', 'GET', '/governments/00000000-0000-4000-8000-000000000000', { token: tokens.newUser });
    // The new user is of the Secretariat, which may list users but not add one.
    await exchange('forbidden', 'POST', '/users', { token: tokens.newUser, body: { ...newUser, email: `third.${unique}@test.example` } });

    api.child.kill('SIGTERM');
    await api.exited;
    output = api.stdout() + api.stderr();
  });
  afterAll(async () => {
    if (api.child.exitCode === null && api.child.signalCode === null) api.child.kill('SIGKILL');
    await database?.drop();
  });

  it('was answered as each request deserves', () => {
    expect(answered).toEqual({
      'sign-in': 200,
      'wrong password': 401,
      'unknown user': 401,
      me: 200,
      'token in the query': 400,
      'token as q': 400,
      'password in the query': 400,
      'tampered token': 401,
      basic: 401,
      create: 201,
      'too short': 400,
      'unknown field': 400,
      'new user signs in': 200,
      'not found': 404,
      forbidden: 403,
    });
  });

  it('logged every request, so that the search below means something', () => {
    const lines = output.split('\n').filter((line) => line.startsWith('{'));
    const requests = lines.map((line) => JSON.parse(line) as { req?: { url: string }; msg: string }).filter((line) => line.req);
    expect(requests.length).toBeGreaterThanOrEqual(14);
    expect(requests.map((line) => line.req!.url)).toEqual(expect.arrayContaining(['/auth/login', '/users', '/auth/me']));
  });

  it('logged the status code each request was answered with', () => {
    const lines = output.split('\n').filter((line) => line.startsWith('{'));
    const statuses = lines
      .map((line) => JSON.parse(line) as { req?: { url: string }; res?: { statusCode: number | null } })
      .filter((line) => line.req)
      .map((line) => line.res?.statusCode);
    const sent = Object.values(answered);
    for (const status of statuses) expect(sent).toContain(status);
    // As above, the line of the last request may not be out before the process stops; every other one is.
    const count = (list: readonly unknown[], status: number) => list.filter((value) => value === status).length;
    for (const status of new Set(sent.slice(0, -1)))
      expect(count(statuses, status)).toBeGreaterThanOrEqual(count(sent.slice(0, -1), status));
  });

  it('has none of the passwords, the JWT secret, or a token or its signature in stdout or stderr', () => {
    const searched = {
      ...secrets,
      ...Object.fromEntries(Object.entries(tokens).map(([name, token]) => [`${name} token`, token])),
      ...Object.fromEntries(
        Object.entries(tokens)
          .filter(([name]) => name !== 'basic')
          .map(([name, token]) => [`${name} token's signature`, token.split('.')[2]]),
      ),
    };
    expect(
      Object.entries(searched)
        .filter(([, secret]) => output.includes(secret))
        .map(([name]) => name),
    ).toEqual([]);
  });

  it('logs a query string with the values of secret-looking parameters, and anything shaped like a JWT, redacted', () => {
    expect(output).toContain('"url":"/users?access_token=[redacted]"');
    expect(output).toContain('"url":"/users?q=[redacted]"');
    expect(output).toContain('"url":"/users?password=[redacted]"');
  });
});
