// `npm run audit:verify`: checks every entry against the transparency log's tree and signed checkpoints; one line.
// Exit 0: the trail is intact; 1: it is not (the line names the first broken entry); 2: it could not be checked.
import 'reflect-metadata';
import { DataSource, type Logger } from 'typeorm';
import { type AuditVerification, AuditVerifier } from '@near/audit';
import { runMain } from '@near/common';
import { loadDatabaseUrl } from '@near/config';
import { assertPostgresReachable, dataSourceOptions, pgErrorCode } from '@near/database';

const PROCESS_NAME = 'audit-verify';
const UNDEFINED_TABLE = '42P01';

enum ExitCode {
  Valid = 0,
  Invalid = 1,
  CannotRun = 2,
}

// TypeORM reports a failed query to its logger whatever `logging` says; here the failure is the one line below.
const SILENT: Logger = { logQuery() {}, logQueryError() {}, logQuerySlow() {}, logSchemaBuild() {}, logMigration() {}, log() {} };

const entries = (count: number) => `${count} ${count === 1 ? 'entry' : 'entries'}`;

function describeVerification(result: AuditVerification): string {
  if (result.valid) {
    return `audit trail valid: ${entries(result.checked)} checked against the checkpoint of size ${result.treeSize ?? 0}`;
  }
  const at = result.firstInvalidSeq === undefined ? '' : ` at entry ${result.firstInvalidSeq}`;
  const checkpoint = result.badCheckpointSize === undefined ? '' : `, checkpoint of size ${result.badCheckpointSize}`;
  return `audit trail INVALID${at} (${result.reason}${checkpoint}); ${entries(result.checked)} checked before it`;
}

async function verify(): Promise<AuditVerification> {
  const url = await loadDatabaseUrl();
  await assertPostgresReachable(url);
  // No Nest context and no migrations: a bare DataSource on the app's settings, quiet, so the verdict stays one line.
  const dataSource = await new DataSource({ ...dataSourceOptions(url, 2), logging: false, logger: SILENT }).initialize();
  try {
    return await new AuditVerifier(dataSource).verify();
  } finally {
    await dataSource.destroy();
  }
}

// runMain exits with 1 on a start-up error, which here would read as "the trail is invalid"; so every
// failure to check is caught and reported with its own exit code, and runMain only backs that up.
runMain(PROCESS_NAME, async () => {
  let result: AuditVerification;
  try {
    result = await verify();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const hint = pgErrorCode(error) === UNDEFINED_TABLE ? ' (are the migrations applied? npm run migration:run)' : '';
    console.error(`${PROCESS_NAME}: cannot verify the audit trail: ${why}${hint}`);
    process.exitCode = ExitCode.CannotRun;
    return;
  }
  console.log(describeVerification(result));
  process.exitCode = result.valid ? ExitCode.Valid : ExitCode.Invalid;
});
