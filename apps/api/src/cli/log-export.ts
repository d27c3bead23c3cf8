// `npm run log:export -- DIR`: writes a bundle of the transparency log (keys, every checkpoint, every leaf's
// data) into DIR, for members to check with `npm run log:verify -- DIR` (docs/verifying.md).
import 'reflect-metadata';
import { resolve } from 'node:path';
import { DataSource, type Logger } from 'typeorm';
import { exportLogBundle, parseSignerKey, verifierKeyOf } from '@near/audit';
import { runMain } from '@near/common';
import { loadAppConfig } from '@near/config';
import { assertPostgresReachable, dataSourceOptions } from '@near/database';

const SILENT: Logger = { logQuery() {}, logQueryError() {}, logQuerySlow() {}, logSchemaBuild() {}, logMigration() {}, log() {} };

runMain('log-export', async () => {
  if (!process.argv[2]) {
    console.error('log-export: say where to write the bundle: npm run log:export -- DIR');
    process.exitCode = 2;
    return;
  }
  // npm runs the script in the project's folder: DIR is meant from where the command was typed.
  const directory = resolve(process.env.INIT_CWD ?? process.cwd(), process.argv[2]);
  const { config } = await loadAppConfig();
  await assertPostgresReachable(config.database.url);
  const dataSource = await new DataSource({ ...dataSourceOptions(config.database.url, 2), logging: false, logger: SILENT }).initialize();
  try {
    const currentKey = verifierKeyOf(parseSignerKey(config.transparencyLog.signingKey));
    const summary = await exportLogBundle(dataSource, directory, currentKey);
    console.log(
      `log bundle written to ${directory}: ${summary.treeSize} entries, ${summary.checkpoints} checkpoints, ${summary.keys} key(s)`,
    );
  } finally {
    await dataSource.destroy();
  }
});
