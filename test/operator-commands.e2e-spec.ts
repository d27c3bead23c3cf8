import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { spawnCommand } from './utils/spawn-app.js';
import { createTestDatabase } from './utils/test-database.js';

/** A command as an operator types it on the server, with NODE_ENV=production as the server has it. */
async function typed(command: string, args: string[], cwd = process.cwd(), env: Record<string, string> = {}) {
  const run = spawnCommand(command, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), NODE_ENV: 'production', ...env },
  });
  const { code } = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

describe("the operators' commands on a server (NODE_ENV=production)", () => {
  it('run the API as built, without building dist/ again under the processes that run it', async () => {
    const built = resolve('dist/apps/api/apps/api/src/cli/log-keygen.js');
    const before = statSync(built).mtimeMs;
    const result = await typed('npm', ['run', '--silent', 'log:keygen', '--', 'ops.example/admission-log']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^LOG_ORIGIN=ops\.example\/admission-log\nLOG_SIGNING_KEY=PRIVATE\+KEY\+ops\.example\/admission-log\+/);
    // nest build empties dist/ first: the file would be new.
    expect(statSync(built).mtimeMs).toBe(before);

    // The offline verifier too: on a server without TypeScript, log:verify runs the verifier npm run build made.
    const verifier = resolve('dist/verifier/apps/verifier/src/main.js');
    const verifierBefore = statSync(verifier).mtimeMs;
    const usage = await typed('npm', ['run', '--silent', 'log:verify']);
    expect(usage).toMatchObject({ code: 2, stderr: expect.stringMatching(/^usage: npm run log:verify -- DIR/) });
    expect(statSync(verifier).mtimeMs).toBe(verifierBefore);
  });

  it("need, as the database's owner, its address alone: not the secrets of the API and the worker", async () => {
    const database = await createTestDatabase();
    try {
      const owner = { DATABASE_URL: database.url };
      const migrated = await typed('npm', ['run', '--silent', 'migration:run'], undefined, owner);
      expect(migrated.stdout + migrated.stderr).not.toMatch(/configuration error|JWT_SECRET|LOG_SIGNING_KEY/);
      expect(migrated.code).toBe(0);
      // Its report in JSON lines, as the API and the worker log on a server: each migration it ran, said as news.
      const report = migrated.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { level: string; message: string; context: string });
      expect(report.filter((line) => line.level !== 'log')).toEqual([]);
      expect(report.map((line) => line.message)).toContainEqual(
        expect.stringMatching(/^Migration Foundation\d+ has been executed successfully\.$/),
      );
      const verified = await typed('npm', ['run', '--silent', 'audit:verify'], undefined, owner);
      expect(verified).toMatchObject({ code: 0, stderr: '' });
      expect(verified.stdout).toMatch(/^audit trail valid: /);
      const refused = await typed('npm', ['run', '--silent', 'db:grant-app-role', '--', 'postgres'], undefined, owner);
      expect(refused.stderr).toMatch(/^grant-app-role: .*superuser/m);
      // Without it, not the development default (a database named near, as the superuser).
      const unsaid = await typed('npm', ['run', '--silent', 'audit:verify']);
      expect(unsaid.code).not.toBe(0);
      expect(unsaid.stderr).toMatch(/DATABASE_URL is required when NODE_ENV=production/);
    } finally {
      await database.drop();
    }
  });

  it('say how to build when nothing was built, rather than fail on a missing file', async () => {
    const server = mkdtempSync(join(tmpdir(), 'near-server-'));
    try {
      const result = await typed(process.execPath, [resolve('scripts/build-for-cli.js')], server);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^dist\/apps\/api\/apps\/api\/src\/cli is missing: build first with npm run build/);
      const verifier = await typed(process.execPath, [resolve('scripts/build-for-cli.js'), 'verifier'], server);
      expect(verifier.code).toBe(1);
      expect(verifier.stderr).toMatch(/^dist\/verifier\/apps\/verifier\/src\/main\.js is missing: build first with npm run build/);
    } finally {
      rmSync(server, { recursive: true, force: true });
    }
  });
});
