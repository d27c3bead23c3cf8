import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { loadAppConfig } from '@near/config';
import { buildOpenApiDocumentOffline } from '../apps/api/src/http/openapi.js';
import { ApiContract } from './utils/api-contract.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
}

// @redocly/cli is one bundle with no Node API; the @redocly/openapi-core that openapi-typescript brings is
// an older major with an older `recommended`. So the test runs the CLI a developer runs, on its own ruleset.
const REDOCLY = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin/cli.js');

/** Every problem Redocly's `recommended` ruleset finds in the document, errors and warnings, one line each. */
async function lintRecommended(document: unknown): Promise<string[]> {
  // A folder of its own: no redocly.yaml of the project or the machine can change the ruleset.
  const folder = mkdtempSync(join(tmpdir(), 'near-openapi-lint-'));
  try {
    writeFileSync(join(folder, 'openapi.json'), JSON.stringify(document, null, 2));
    const run = promisify(execFile)(process.execPath, [REDOCLY, 'lint', '--extends', 'recommended', '--format', 'json', 'openapi.json'], {
      cwd: folder,
      env: { PATH: process.env.PATH ?? '', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    // It exits 1 when it finds an error; the report on stdout is the same either way.
    const { stdout } = await run.catch((failure: { stdout?: string; stderr?: string }) => {
      if (!failure.stdout) throw new Error(`redocly lint gave no report: ${failure.stderr}`);
      return { stdout: failure.stdout };
    });
    const report = JSON.parse(stdout) as { problems: LintProblem[] };
    return report.problems.map(({ severity, ruleId, message, location }) => `${severity} ${ruleId} at ${location[0]?.pointer}: ${message}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('the OpenAPI document', () => {
  let api: TestApp;
  let served: Record<string, unknown>;
  beforeAll(async () => {
    api = await createTestApp();
    served = (await api.http().get('/docs-json').expect(200)).body;
  });
  afterAll(() => api.close());

  it("passes Redocly's recommended lint without an error or a warning", async () => {
    expect(await lintRecommended(served)).toEqual([]);
  });

  it("can be built without a server, as the web app's build does, and is then the one /docs-json serves", async () => {
    const loaded = await loadAppConfig({ ignoreEnvFile: true, overrides: { NODE_ENV: 'development', LOG_LEVEL: 'silent' } });
    expect(await buildOpenApiDocumentOffline(loaded)).toEqual(served);
  });

  it('catches a fault: an operation without a summary fails the lint', async () => {
    const paths = served.paths as Record<string, Record<string, Record<string, unknown>>>;
    const { summary: _summary, ...withoutSummary } = paths['/health'].get;
    const faulty = { ...served, paths: { ...paths, '/health': { get: withoutSummary } } };
    expect(await lintRecommended(faulty)).toEqual([expect.stringMatching(/^error operation-summary at #\/paths\/~1health\/get/)]);
  });

  it('is what the security suites hold every answer against, and that check sees a broken answer', async () => {
    const contract = await ApiContract.of(api);
    const answer = (status: number, contentType: string, body: unknown) => ({
      status,
      headers: { 'content-type': contentType },
      body,
      text: JSON.stringify(body),
    });
    const problem = { type: 'about:blank', title: 'Not Found', status: 404, detail: 'No application has the id x.' };
    expect(contract.problems('GET /applications/{id}', answer(404, 'application/problem+json', problem))).toEqual([]);
    expect(contract.problems('GET /health', await api.http().get('/health').expect(200))).toEqual([]);
    expect(contract.problems('GET /applications/{id}', answer(418, 'application/problem+json', { ...problem, status: 418 }))).toEqual([
      expect.stringMatching(/answered 418, which it does not declare/),
    ]);
    expect(contract.problems('GET /applications/{id}', answer(404, 'text/html', '<p>gone</p>'))).toEqual([
      expect.stringMatching(/as "text\/html"/),
    ]);
    expect(contract.problems('GET /applications/{id}', answer(200, 'application/json', { id: 'not a uuid' }))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/must have required property/),
        expect.stringMatching(/\/id must match format "uuid"/),
      ]),
    );
  });
});
