import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { leafData } from '../../libs/audit/src/log/leaf-data.js';
import { leafHash } from '../../libs/audit/src/log/merkle.js';
import { leafEntryOf } from '../../libs/audit/src/audit-row.js';
import type { LeafEntryRow } from '../../libs/audit/src/log/log.repository.js';
import type { Bench } from '../lib/context.js';
import { integrated } from '../lib/seed.js';

export interface VerifyResult {
  /** GET /audit-events/verify: the API re-reads every entry, re-hashes it into its leaf and rebuilds the tree. */
  api: { valid: boolean; checked: number; seconds: number; perSecond: number };
  /** sha256 over the very bytes the verifier hashes, prepared beforehand, in a loop: what hashing alone costs. */
  hashOnly: { entries: number; perSecond: number };
  /** leaf data + leaf hash of the same entries, without reading them: what the verifier's CPU work costs. */
  canonicalAndHash: { entries: number; perSecond: number };
  ratio: number;
  /** npm run log:export then npm run log:verify (the offline verifier, one process, Node only) on the bench's whole log. */
  offline: {
    entries: number;
    exportSeconds: number;
    verifySeconds: number;
    perSecond: number;
    valid: boolean;
    waitedForIntegrationMs: number;
  };
  offlineMet: boolean;
}

/** Runs `work` over the sample as often as fits in `seconds` (at least once); entries per second. */
function rate<T>(sample: readonly T[], seconds: number, work: (item: T) => void): number {
  const started = process.hrtime.bigint();
  let done = 0;
  do {
    for (const item of sample) work(item);
    done += sample.length;
  } while (Number(process.hrtime.bigint() - started) / 1e9 < seconds);
  return Math.round(done / (Number(process.hrtime.bigint() - started) / 1e9));
}

export async function verify(bench: Bench): Promise<VerifyResult> {
  const { api, people, pool, scale } = bench;
  bench.memory.phase('audit verify');
  const started = process.hrtime.bigint();
  const answer = await api.expect<{ valid: boolean; checked: number }>(200, 'GET', '/audit-events/verify', {
    token: people.secretariat.token,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const perSecond = Math.round(answer.checked / seconds);
  bench.log(`audit verify: ${answer.checked} entries in ${seconds.toFixed(1)} s (${perSecond}/s), valid: ${answer.valid}`);

  const { rows } = await pool.query<LeafEntryRow>(
    `SELECT seq::text AS seq, occurred_at::text AS occurred_at, actor_user_id, actor_role, actor_government_id, action, entity_type,
            entity_id, state_before, state_after, payload FROM audit_events ORDER BY seq LIMIT $1`,
    [scale.auditSizes[0] * 10],
  );
  const fields = rows.map(leafEntryOf);
  // The bytes a leaf hash covers.
  const bytes = fields.map(leafData);
  const measureSeconds = Math.max(0.5, scale.warmUpSeconds);
  const hashOnly = rate(bytes, measureSeconds, (data) => createHash('sha256').update(data).digest('hex'));
  const canonicalAndHash = rate(fields, measureSeconds, (entry) => leafHash(leafData(entry)));
  bench.log(`hashing alone: ${hashOnly}/s; canonical JSON + hash: ${canonicalAndHash}/s`);
  const offline = await offlineVerify(bench);
  return {
    offline,
    offlineMet: offline.valid && offline.perSecond >= 300_000,
    api: { valid: answer.valid, checked: answer.checked, seconds, perSecond },
    hashOnly: { entries: bytes.length, perSecond: hashOnly },
    canonicalAndHash: { entries: fields.length, perSecond: canonicalAndHash },
    ratio: Math.round((perSecond / hashOnly) * 1000) / 1000,
  };
}

/** The log exported to a bundle and checked by apps/verifier, as a member would; the verifier's own rate. */
async function offlineVerify(bench: Bench): Promise<VerifyResult['offline']> {
  const waitedForIntegrationMs = await integrated(bench.pool);
  const directory = mkdtempSync(join(tmpdir(), 'near-bench-log-'));
  try {
    const env = { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_URL: bench.databaseUrl };
    let started = process.hrtime.bigint();
    const exported = spawnSync(process.execPath, [resolve('dist/apps/api/apps/api/src/cli/log-export.js'), directory], {
      env,
      encoding: 'utf8',
    });
    const exportSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (exported.status !== 0) throw new Error(`log:export failed: ${exported.stderr}`);
    started = process.hrtime.bigint();
    const verified = spawnSync(process.execPath, [resolve('dist/verifier/apps/verifier/src/main.js'), directory], {
      env,
      encoding: 'utf8',
    });
    const verifySeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const entries = Number(/(\d+) entries, each hashed/.exec(verified.stdout)?.[1] ?? 0);
    const result = {
      entries,
      exportSeconds: Math.round(exportSeconds * 10) / 10,
      verifySeconds: Math.round(verifySeconds * 10) / 10,
      // The whole process, start-up and the signatures of every checkpoint included.
      perSecond: Math.round(entries / verifySeconds),
      valid: verified.status === 0,
      waitedForIntegrationMs,
    };
    bench.log(`log:verify: ${entries} entries in ${result.verifySeconds} s (${result.perSecond}/s), ${verified.stdout.split('\n')[0]}`);
    return result;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
