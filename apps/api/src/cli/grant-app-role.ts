// `npm run db:grant-app-role -- <role>`: gives the role the API and the worker connect as what they need, and no
// more (libs/database/src/app-role.ts). Run as the role that runs the migrations, after each migration.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { runMain, StartupError } from '@near/common';
import { loadDatabaseUrl } from '@near/config';
import { AppRoleError, assertPostgresReachable, dataSourceOptions, grantAppRole } from '@near/database';

const PROCESS_NAME = 'grant-app-role';

runMain(PROCESS_NAME, async () => {
  const role = process.argv[2];
  if (!role || process.argv.length > 3)
    throw new StartupError('usage: npm run db:grant-app-role -- <role the API and the worker connect as>');
  const url = await loadDatabaseUrl();
  await assertPostgresReachable(url);
  const dataSource = await new DataSource({ ...dataSourceOptions(url, 1), logging: false }).initialize();
  try {
    const statements = await grantAppRole(dataSource, role);
    for (const statement of statements) console.log(`${statement};`);
    console.log(`${PROCESS_NAME}: "${role}" may now run the API and the worker; run this again after each migration.`);
  } catch (error) {
    if (error instanceof AppRoleError) throw new StartupError(error.message);
    throw error;
  } finally {
    await dataSource.destroy();
  }
});
