import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CHECKPOINT_BEGIN, CHECKPOINT_END, LogIntegrator, LogSigner } from '@near/audit';
import { leafData } from '../libs/audit/src/log/leaf-data.js';
import { act, aProspectiveApplicant, fileApplication } from './fixtures/applications.js';
import { aUser } from './fixtures/users.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';
import { aSignedNoteKey, hashLeaf } from './utils/rfc9162.js';
import { spawnEntry } from './utils/spawn-app.js';

const EXPORT_ENTRY = resolve('dist/apps/api/apps/api/src/cli/log-export.js');

/** The verifier as a member gets it: its built files alone, in a folder with no node_modules above it. */
function installVerifier(into: string): string {
  cpSync(resolve('dist/verifier'), into, { recursive: true });
  return join(into, 'apps/verifier/src/main.js');
}

const run = async (entry: string, args: string[], env: Record<string, string> = {}) => {
  const child = spawnEntry(entry, env, args);
  const { code } = await child.exited;
  return { code, stdout: child.stdout(), stderr: child.stderr() };
};

describe('the offline verifier (npm run log:export, npm run log:verify)', () => {
  let api: TestApp;
  let work: string;
  let verifier: string;

  const exportTo = async (name: string) => {
    const directory = join(work, name);
    const result = await run(EXPORT_ENTRY, [directory], { DATABASE_URL: api.database.url });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    return directory;
  };

  beforeAll(async () => {
    api = await createTestApp();
    work = mkdtempSync(join(tmpdir(), 'near-log-'));
    verifier = installVerifier(join(work, 'verifier'));
    const secretariat = await aUser(api, 'secretariat');
    const integrator = api.app.get(LogIntegrator);
    for (let i = 0; i < 3; i++) {
      const applicant = await aProspectiveApplicant(api);
      const application = await fileApplication(api, applicant);
      await act(api, secretariat, application, 'start-review').expect(200);
      await act(api, secretariat, application, 'request-information', { message: 'Which year?' }).expect(200);
      await act(api, applicant, application, 'respond', { message: 'This one.' }).expect(200);
      while ((await integrator.integrateBatch(2)).outcome === 'integrated');
    }
  });
  afterAll(async () => {
    await api.close();
    rmSync(work, { recursive: true, force: true });
  });

  /**
   * Behind the application's back, with the database owner's power and the signing key: an entry changed by
   * `change` (SQL), then every leaf hash, every stored node and every checkpoint made to agree with it again.
   */
  const rewrite = async (change: string) => {
    const signer = api.app.get(LogSigner);
    await api.dataSource.transaction(async (manager) => {
      for (const table of ['audit_events', 'log_leaves', 'log_tree_nodes', 'log_checkpoints'])
        await manager.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
      await manager.query(change);
      const rows = await manager.query(
        `SELECT l.leaf_index::int AS leaf_index, e.seq::text AS seq, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at,
                e.actor_user_id, e.actor_role, e.actor_government_id, e.action, e.entity_type, e.entity_id, e.state_before, e.state_after, e.payload
           FROM log_leaves l JOIN audit_events e USING (seq) ORDER BY l.leaf_index`,
      );
      const leaves: Buffer[] = rows.map((row: Record<string, string | null>) =>
        hashLeaf(
          leafData({
            seq: Number(row.seq),
            occurredAt: row.occurred_at!,
            actorUserId: row.actor_user_id,
            actorRole: row.actor_role,
            actorGovernmentId: row.actor_government_id,
            action: row.action!,
            entityType: row.entity_type!,
            entityId: row.entity_id!,
            stateBefore: row.state_before,
            stateAfter: row.state_after,
            payload: row.payload!,
          }),
        ),
      );
      const node = (start: number, end: number): Buffer => {
        if (end - start === 1) return leaves[start];
        let k = 1;
        while (k * 2 < end - start) k *= 2;
        return createHash('sha256')
          .update(Buffer.from([1]))
          .update(node(start, start + k))
          .update(node(start + k, end))
          .digest();
      };
      for (let i = 0; i < leaves.length; i++)
        await manager.query(`UPDATE log_leaves SET leaf_hash = $1 WHERE leaf_index = $2`, [leaves[i], i]);
      for (const { level, index } of await manager.query(`SELECT level, node_index::int AS index FROM log_tree_nodes`)) {
        await manager.query(`UPDATE log_tree_nodes SET hash = $1 WHERE level = $2 AND node_index = $3`, [
          node(index * 2 ** level, (index + 1) * 2 ** level),
          level,
          index,
        ]);
      }
      for (const { size } of await manager.query(`SELECT tree_size::int AS size FROM log_checkpoints WHERE tree_size > 0`)) {
        const root = node(0, size);
        await manager.query(`UPDATE log_checkpoints SET root_hash = $1, note = $2 WHERE tree_size = $3`, [
          root,
          signer.signCheckpoint(size, root),
          size,
        ]);
      }
      for (const table of ['audit_events', 'log_leaves', 'log_tree_nodes', 'log_checkpoints'])
        await manager.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    });
  };

  it('exits 0 with a one-screen summary on an intact bundle, using nothing but Node', async () => {
    const bundle = await exportTo('intact');
    const result = await run(verifier, [bundle]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`log ${api.config.transparencyLog.origin}: VALID`);
    expect(lines.length).toBeLessThan(20);
    expect(result.stdout).toMatch(/3 applications, 9 transitions: each allowed by the workflow table/);
    // The key to compare with the one the member trusts, as GET /log/key gives it.
    const key = (await api.http().get('/log/key').expect(200)).text.trim();
    const sizes = readFileSync(join(bundle, 'checkpoints.ndjson'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as { size: number }).size);
    expect(lines).toContain(
      `  key ${key}: signed ${sizes.length} of them (sizes ${sizes[0]} to ${sizes.at(-1)}); compare it with the one you trust`,
    );
  });

  it('says which key signed which checkpoints, and given the key a member trusts, refuses those another key signed', async () => {
    const bundle = await exportTo('re-signed');
    const genuine = (await api.http().get('/log/key').expect(200)).text.trim();
    const trusted = join(work, 'trusted-key.txt');
    writeFileSync(trusted, `${genuine}\n`);
    const pinned = await run(verifier, [bundle, '--key', trusted]);
    expect(pinned.code).toBe(0);
    expect(pinned.stdout).toMatch(/ checkpoints: every signature verified with the key\(s\) you gave \(--key\), every root recomputed\n/);

    // Whoever hands the bundle over re-signs every checkpoint with a key of their own and lists it in keys.txt.
    // A key of their own with the log's name, made from C2SP signed-note alone (test/utils), not by the code under test.
    const forger = aSignedNoteKey(api.config.transparencyLog.origin);
    const signed = readFileSync(join(bundle, 'checkpoints.ndjson'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { size: number; note: string });
    const forged = signed.map(({ size, note }) => JSON.stringify({ size, note: forger.sign(note.slice(0, note.lastIndexOf('\n\n') + 1)) }));
    writeFileSync(join(bundle, 'checkpoints.ndjson'), `${forged.join('\n')}\n`);
    writeFileSync(join(bundle, 'keys.txt'), `${genuine}\n${forger.verifierKey}\n`);
    // Every signature holds with the bundle's own keys; the summary shows that the trusted one signed nothing.
    const unpinned = await run(verifier, [bundle]);
    expect(unpinned.code).toBe(0);
    expect(unpinned.stdout).toContain(`\n  key ${genuine}: signed none of them; compare it with the one you trust\n`);
    expect(unpinned.stdout).toContain(`\n  key ${forger.verifierKey}: signed ${signed.length} of them (sizes ${signed[0].size} to `);
    expect(await run(verifier, [bundle, '--key', trusted])).toEqual({
      code: 1,
      stdout: `log INVALID: checkpoint of size ${signed[0].size}: no key you gave with --key signed it: its signatures are by ${forger.verifierKey.split('+').slice(0, 2).join('+')}\n`,
      stderr: '',
    });
  });

  it('says a kept checkpoint larger than the bundle means an older bundle, or a log that lost signed entries', async () => {
    const older = await exportTo('older');
    await fileApplication(api, await aProspectiveApplicant(api));
    const integrator = api.app.get(LogIntegrator);
    while ((await integrator.integrateBatch(2)).outcome === 'integrated');
    const kept = join(work, 'kept-after-export.txt');
    const note = (await api.http().get('/log/checkpoint').expect(200)).text;
    writeFileSync(kept, note);
    const size = Number(note.split('\n')[1]);
    const bundleSize = (JSON.parse(readFileSync(join(older, 'bundle.json'), 'utf8')) as { treeSize: number }).treeSize;
    expect(size).toBeGreaterThan(bundleSize);
    expect(await run(verifier, [older, '--checkpoint', kept])).toEqual({
      code: 1,
      stdout:
        `log INVALID: checkpoint ${kept} (size ${size}) is larger than the bundle's latest (size ${bundleSize}): the bundle is older ` +
        'than it. Ask for a newer bundle; a server that has none as large lost entries it had signed\n',
      stderr: '',
    });
  });

  it('reads the paths it is given from where the command was typed, as npm passes it on (INIT_CWD)', async () => {
    // npm runs a script in the project's folder: without INIT_CWD these names would be looked for there.
    const exported = await run(EXPORT_ENTRY, ['typed-here'], { DATABASE_URL: api.database.url, INIT_CWD: work });
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    expect(existsSync(join(work, 'typed-here', 'entries.ndjson'))).toBe(true);
    writeFileSync(join(work, 'kept-here.txt'), (await api.http().get('/log/checkpoint').expect(200)).text);
    const result = await run(verifier, ['typed-here', '--checkpoint', 'kept-here.txt'], { INIT_CWD: work });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/1 checkpoint\(s\) held outside/);
  });

  it('says a bundle whose entries gained Windows line endings was changed after the export', async () => {
    const bundle = await exportTo('copied-as-text');
    const entries = join(bundle, 'entries.ndjson');
    writeFileSync(entries, readFileSync(entries, 'utf8').replaceAll('\n', '\r\n'));
    const result = await run(verifier, [bundle]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^log INVALID: entries\.ndjson holds carriage returns \(Windows line endings\), which log:export never writes: the file was changed after the export/,
    );
  });

  it('refuses entries that no checkpoint signs, and lines that JSON readers would read otherwise than it hashes', async () => {
    const bundle = await exportTo('spelled-otherwise');
    const file = join(bundle, 'entries.ndjson');
    const genuine = readFileSync(file, 'utf8').trimEnd().split('\n');
    const size = genuine.length;
    const leaf = (line: string) => JSON.parse(line) as { index: number; data: string };
    const forgedData = (line: string) => {
      const entry = JSON.parse(Buffer.from(leaf(line).data, 'base64').toString('utf8'));
      return Buffer.from(JSON.stringify({ ...entry, action: 'application.approve', stateAfter: 'approved' })).toString('base64');
    };
    const verifyWith = async (lines: string[]) => {
      writeFileSync(file, `${lines.join('\n')}\n`);
      return run(verifier, [bundle]);
    };
    const notAsExported = `log INVALID: entries.ndjson: line 3: it is not written as log:export writes a leaf ({"index":N,"data":"<standard base64>"}): the file was changed after the export\n`;

    // A forged entry after the latest checkpoint: hashed, checked and counted before, though nothing signs it.
    const tail = `{"index":${size},"data":"${forgedData(genuine[2])}"}`;
    expect(await verifyWith([...genuine, tail])).toEqual({
      code: 1,
      stdout: `log INVALID: entries.ndjson goes on past leaf ${size - 1}, the last that the latest checkpoint (size ${size}) signs: no checkpoint signs the lines after it, which log:export never writes, so the file was changed after the export\n`,
      stderr: '',
    });

    // JSON.parse, jq and Python read the last "data"; the genuine one, then padding, used to be all that was hashed.
    const { data } = leaf(genuine[2]);
    const twoData = `{"index":2,"data":"${data.endsWith('=') ? data : `${data}=`}","data":"${forgedData(genuine[2])}"}`;
    const spellings = [twoData, `{"index":2,"data":"${data.slice(0, 8)}!!${data.slice(8)}"}`, `{"index":02,"data":"${data}"}`];
    for (const line of spellings) {
      expect(await verifyWith([...genuine.slice(0, 2), line, ...genuine.slice(3)])).toEqual({ code: 1, stdout: notAsExported, stderr: '' });
    }

    expect(await verifyWith(genuine)).toMatchObject({ code: 0, stdout: expect.stringMatching(/: VALID\n/) });
    const meta = join(bundle, 'bundle.json');
    writeFileSync(meta, JSON.stringify({ ...JSON.parse(readFileSync(meta, 'utf8')), treeSize: size + 1 }));
    expect(await run(verifier, [bundle])).toEqual({
      code: 1,
      stdout: `log INVALID: bundle.json says the tree has ${size + 1} entries; the latest checkpoint in checkpoints.ndjson has ${size}\n`,
      stderr: '',
    });
  });

  it('takes a kept checkpoint however it was saved, and still refuses one whose text was changed', async () => {
    const bundle = await exportTo('kept');
    const note = (await api.http().get('/log/checkpoint').expect(200)).text;
    // As a decision e-mail shows it (the note between its markers, without its last newline), saved as it comes.
    const fromMail = `Dear delegate,\n\n-- NEAR transparency log --\n${CHECKPOINT_BEGIN}\n${note.trimEnd()}\n${CHECKPOINT_END}\n`;
    const saved: Record<string, string> = {
      'with the markers': fromMail,
      'with Windows line endings': fromMail.replaceAll('\n', '\r\n'),
      'between the markers, without the last newline': note.trimEnd(),
      'after a blank line': `\n${note}`,
      'with a byte order mark': `\uFEFF${note}`,
    };
    for (const [how, text] of Object.entries(saved)) {
      const file = join(work, `kept-${Object.keys(saved).indexOf(how)}.txt`);
      writeFileSync(file, text);
      const result = await run(verifier, [bundle, '--checkpoint', file]);
      expect({ how, code: result.code, heldOutside: /1 checkpoint\(s\) held outside/.test(result.stdout) }).toEqual({
        how,
        code: 0,
        heldOutside: true,
      });
    }
    const [origin, size, root] = note.split('\n');
    const otherRoot = createHash('sha256').update(root).digest('base64');
    const changed = join(work, 'kept-changed.txt');
    writeFileSync(
      changed,
      fromMail.replace(`${origin}\n${size}\n${root}\n`, `${origin}\n${size}\n${otherRoot}\n`).replaceAll('\n', '\r\n'),
    );
    const refused = await run(verifier, [bundle, '--checkpoint', changed]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^log INVALID: checkpoint .*kept-changed\.txt: the signature of .* does not verify/);
  });

  it('names a kept checkpoint or receipt it cannot read, not the bundle, and exits 2', async () => {
    const bundle = await exportTo('unread');
    const missing = join(work, 'never-saved.txt');
    for (const option of ['--checkpoint', '--receipt']) {
      const result = await run(verifier, [bundle, option, missing]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^log-verify: cannot read the (checkpoint|receipt) ${missing}: ENOENT`));
      expect(result.stderr).not.toMatch(/bundle/);
    }
    // Two checkpoints in one file: checking one would seem to vouch for both.
    const note = (await api.http().get('/log/checkpoint').expect(200)).text;
    const two = join(work, 'kept-two.txt');
    const block = `${CHECKPOINT_BEGIN}\n${note}${CHECKPOINT_END}\n`;
    writeFileSync(two, `${block}\n${block}`);
    const result = await run(verifier, [bundle, '--checkpoint', two]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^log-verify: cannot read the checkpoint .*kept-two\.txt: it holds 2 checkpoints/);
    // A file that holds no checkpoint at all (an e-mail's HTML part, a receipt that is not JSON, an empty key file)
    // is the member's wrong file, not a forged log.
    const html = join(work, 'kept-html.txt');
    writeFileSync(html, '<p>The application was decided.</p>\n');
    const notJson = join(work, 'receipt.txt');
    writeFileSync(notJson, 'my receipt\n');
    const noKey = join(work, 'no-key.txt');
    writeFileSync(noKey, '\n');
    for (const [option, file, why] of [
      ['--checkpoint', html, /^log-verify: cannot read the checkpoint .*kept-html\.txt: not a signed note/],
      ['--receipt', notJson, /^log-verify: cannot read the receipt .*receipt\.txt: Unexpected token/],
      ['--key', noKey, /^log-verify: cannot read the key .*no-key\.txt: it holds no verifier key/],
    ] as const) {
      const wrong = await run(verifier, [bundle, option, file]);
      expect({ option, code: wrong.code, stdout: wrong.stdout }).toEqual({ option, code: 2, stdout: '' });
      expect(wrong.stderr).toMatch(why);
    }
  });

  it('takes a verifier key only in its one spelling, so that the key it shows is the key that verified', async () => {
    const bundle = await exportTo('key-spelling');
    const key = readFileSync(join(bundle, 'keys.txt'), 'utf8').trim();
    // Node's base64 decoder would stop at the padding and read the same key: what follows must not pass unseen.
    writeFileSync(join(bundle, 'keys.txt'), `${key}\r  key someone-else+00000000+AAAA\n`);
    const result = await run(verifier, [bundle]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^log INVALID: keys\.txt line 1: Not an Ed25519 verifier key/);
  });

  it('log:export names a database that does not exist rather than an unreachable PostgreSQL', async () => {
    const missing = new URL(api.database.url);
    missing.pathname = '/near_never_created';
    const result = await run(EXPORT_ENTRY, [join(work, 'nowhere')], { DATABASE_URL: missing.toString() });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/PostgreSQL at 127\.0\.0\.1:\d+ has no database "near_never_created": set DATABASE_URL/);
    expect(result.stderr).not.toMatch(/docker compose/);
  });

  it('names the first checkpoint whose root no longer matches, when the data of a leaf was changed in the bundle', async () => {
    const bundle = await exportTo('edited');
    const entries = readFileSync(join(bundle, 'entries.ndjson'), 'utf8').split('\n');
    const third = JSON.parse(entries[2]) as { index: number; data: string };
    const changed = Buffer.from(third.data, 'base64').toString('utf8').replace('"actorRole":"', '"actorRole":"x');
    entries[2] = JSON.stringify({ index: 2, data: Buffer.from(changed).toString('base64') });
    writeFileSync(join(bundle, 'entries.ndjson'), entries.join('\n'));
    const result = await run(verifier, [bundle]);
    expect(result.code).toBe(1);
    const [, size, first, last] =
      /^log INVALID: checkpoint of size (\d+): its root does not match the bundle's entries; the checkpoint before it \(size \d+\) matched, so one of leaves (\d+) to (\d+) \(the last is audit event \d+\) is not what was signed\n$/.exec(
        result.stdout,
      )!;
    // The range it names runs from the checkpoint before the failing one, and holds the leaf that was changed.
    const signedSizes = readFileSync(join(bundle, 'checkpoints.ndjson'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as { size: number }).size);
    expect(Number(first)).toBe(signedSizes[signedSizes.indexOf(Number(size)) - 1]);
    expect(Number(last)).toBe(Number(size) - 1);
    expect(Number(first)).toBeLessThanOrEqual(2);
    expect(Number(last)).toBeGreaterThanOrEqual(2);

    entries.splice(2, 1);
    writeFileSync(join(bundle, 'entries.ndjson'), entries.join('\n'));
    expect(await run(verifier, [bundle])).toEqual({
      code: 1,
      stdout: 'log INVALID: entries.ndjson: leaf 2 is missing (found 3)\n',
      stderr: '',
    });
  });

  it('reports a rewrite by someone who recomputed every leaf, node and checkpoint, given a checkpoint saved before it', async () => {
    const saved = join(work, 'saved-checkpoint.txt');
    writeFileSync(saved, (await api.http().get('/log/checkpoint').expect(200)).text);
    const [{ size: savedSize }] = await api.dataSource.query(`SELECT max(tree_size)::int AS size FROM log_checkpoints`);

    await rewrite(
      `UPDATE audit_events SET payload = '{"input":{"message":"We never asked."}}' WHERE seq = (SELECT seq FROM audit_events WHERE action = 'application.request-information' ORDER BY seq LIMIT 1)`,
    );

    const rewritten = await exportTo('rewritten');
    // Nothing inside the server shows it any more...
    expect((await run(verifier, [rewritten])).code).toBe(0);
    // ...but the checkpoint a member kept does.
    const result = await run(verifier, [rewritten, '--checkpoint', saved]);
    expect(result).toEqual({
      code: 1,
      stdout: `log INVALID: checkpoint ${saved} (size ${savedSize}) is INCONSISTENT with the bundle: its first ${savedSize} entries give another tree, so the log was rewritten at or before size ${savedSize}\n`,
      stderr: '',
    });
  });

  it('names the first entry whose change of state the workflow table does not allow, in a log signed throughout', async () => {
    const [{ seq, state_after: stateAfter }] = await api.dataSource.query(
      `SELECT seq::int, state_after FROM audit_events WHERE action = 'application.respond' ORDER BY seq LIMIT 1`,
    );
    await rewrite(`UPDATE audit_events SET state_after = 'approved' WHERE seq = ${seq}`);
    try {
      const bundle = await exportTo('skipped-the-vote');
      const [leaf] = await api.dataSource.query(`SELECT leaf_index::int AS leaf FROM log_leaves WHERE seq = ${seq}`);
      expect(await run(verifier, [bundle])).toEqual({
        code: 1,
        stdout: `log INVALID: entry ${seq} (leaf ${leaf.leaf}): application.respond cannot end in approved\n`,
        stderr: '',
      });
    } finally {
      // The other tests may run after it: the log as the workflow made it again, signed as before.
      await rewrite(`UPDATE audit_events SET state_after = '${stateAfter}' WHERE seq = ${seq}`);
    }
  });
});
