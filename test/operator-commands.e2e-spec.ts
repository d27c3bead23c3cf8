import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { spawnCommand } from './utils/spawn-app.js';

/** A command as an operator types it on the server, with NODE_ENV=production as the server has it. */
async function typed(command: string, args: string[], cwd = process.cwd()) {
  const run = spawnCommand(command, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), NODE_ENV: 'production' },
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
  });

  it('say how to build when nothing was built, rather than fail on a missing file', async () => {
    const server = mkdtempSync(join(tmpdir(), 'near-server-'));
    try {
      const result = await typed(process.execPath, [resolve('scripts/build-for-cli.js')], server);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^dist\/apps\/api\/apps\/api\/src\/cli is missing: build first with npm run build/);
    } finally {
      rmSync(server, { recursive: true, force: true });
    }
  });
});
