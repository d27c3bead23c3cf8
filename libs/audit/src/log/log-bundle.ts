import { once } from 'node:events';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { leafData } from './leaf-data.js';
import { leafEntryOf } from '../audit-row.js';
import { LogRepository } from './log.repository.js';

/** The first line of bundle.json: what reads a bundle checks it knows the format. */
export const BUNDLE_FORMAT = 'near-transparency-log-bundle/1';

export interface BundleSummary {
  treeSize: number;
  checkpoints: number;
  keys: number;
}

/**
 * Writes what members need to check the log with no server: the verifier keys, every checkpoint up to the
 * latest, and every leaf's data (docs/verifying.md describes the files). One snapshot: entries integrated
 * while it runs are left for the next export.
 */
export function exportLogBundle(dataSource: DataSource, directory: string, currentKey: string): Promise<BundleSummary> {
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    await manager.query('SET TRANSACTION READ ONLY');
    const latest = await LogRepository.latestCheckpoint(manager);
    if (!latest) throw new Error('The log has no checkpoint yet: is a worker running?');
    mkdirSync(directory, { recursive: true });
    const keys = new Set<string>([currentKey]);

    const checkpoints = createWriteStream(join(directory, 'checkpoints.ndjson'));
    let count = 0;
    for (let after = -1; ;) {
      const page = await LogRepository.checkpointsAfter(manager, after, 5_000);
      for (const checkpoint of page) {
        keys.add(checkpoint.verifierKey);
        if (!checkpoints.write(`${JSON.stringify({ size: checkpoint.size, note: checkpoint.note })}\n`)) await once(checkpoints, 'drain');
        count += 1;
      }
      if (page.length < 5_000) break;
      after = page[page.length - 1].size;
    }
    checkpoints.end();
    await once(checkpoints, 'finish');

    const entries = createWriteStream(join(directory, 'entries.ndjson'));
    for (let start = 0; start < latest.size; start += 10_000) {
      const rows = await LogRepository.leaves(manager, start, Math.min(latest.size, start + 10_000));
      const text = rows.map((row) => `{"index":${row.leaf_index},"data":"${leafData(leafEntryOf(row)).toString('base64')}"}\n`).join('');
      if (!entries.write(text)) await once(entries, 'drain');
    }
    entries.end();
    await once(entries, 'finish');

    writeFileSync(join(directory, 'keys.txt'), [...keys].map((key) => `${key}\n`).join(''));
    writeFileSync(
      join(directory, 'bundle.json'),
      `${JSON.stringify({ format: BUNDLE_FORMAT, origin: latest.note.slice(0, latest.note.indexOf('\n')), treeSize: latest.size, checkpoints: count, exportedAt: new Date().toISOString() }, null, 2)}\n`,
    );
    return { treeSize: latest.size, checkpoints: count, keys: keys.size };
  });
}
