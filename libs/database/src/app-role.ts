import pg from 'pg';
import type { DataSource } from 'typeorm';
import { StartupError } from '@near/common';
import { MIGRATIONS_TABLE } from './data-source-options.js';
import { connect } from './postgres-preflight.js';

/** Tables the application reads and appends to, never changes: their triggers refuse it too, but bind no owner. */
export const APPEND_ONLY_TABLES = [
  'audit_events',
  'log_leaves',
  'log_tree_nodes',
  'log_checkpoints',
  'documents',
  'application_attachments',
] as const;

/** Why a role cannot be the application's: it would hold the power the grants are meant to withhold. */
export class AppRoleError extends Error {}

interface RoleFacts {
  exists: boolean;
  superuser: boolean;
  create_role: boolean;
  owns_schema: boolean;
  is_current_user: boolean;
  owned_tables: string[];
}

/**
 * Gives `role` what the API and the worker need in the current database, and no more: every verb on the
 * application's tables except on the append-only ones (SELECT, INSERT) and the migrations' table (SELECT).
 * Run by the role that ran the migrations, again after each migration (a new table is granted only then).
 * The role must exist, own nothing (no table, not the schema, not the database) and be neither a superuser nor
 * allowed to create roles: each of those could switch the audit trail's triggers off or drop it, which is what
 * running the application as another role prevents.
 */
export async function grantAppRole(dataSource: DataSource, role: string): Promise<string[]> {
  return dataSource.transaction(async (manager) => {
    const [facts] = await manager.query<RoleFacts[]>(
      `SELECT r.oid IS NOT NULL AS exists, coalesce(r.rolsuper, false) AS superuser, coalesce(r.rolcreaterole, false) AS create_role,
              r.rolname = current_user AS is_current_user,
              coalesce(pg_has_role(r.oid, (SELECT nspowner FROM pg_namespace WHERE nspname = 'public'), 'MEMBER'), false) AS owns_schema,
              coalesce((SELECT array_agg(t.tablename::text ORDER BY t.tablename) FROM pg_tables t WHERE t.tableowner = r.rolname), '{}') AS owned_tables
         FROM (SELECT $1::text AS name) wanted LEFT JOIN pg_roles r ON r.rolname = wanted.name`,
      [role],
    );
    if (!facts.exists) {
      throw new AppRoleError(`No role "${role}": create it first, e.g. CREATE ROLE ${pg.escapeIdentifier(role)} LOGIN PASSWORD '…'.`);
    }
    if (facts.superuser) throw new AppRoleError(`"${role}" is a superuser: the application must run as a role that is not.`);
    // CREATEROLE could grant itself the owner's membership; the schema's owner (the database's, on PostgreSQL 15
    // and later) may drop any table in it.
    if (facts.create_role) throw new AppRoleError(`"${role}" may create roles: the application must run as a role that may not.`);
    if (facts.owns_schema) {
      throw new AppRoleError(`"${role}" owns the schema public (or the database): the application must run as a role that owns nothing.`);
    }
    if (facts.is_current_user) {
      throw new AppRoleError(`"${role}" is the role running this, which owns the tables: the application must run as another one.`);
    }
    if (facts.owned_tables.length > 0) {
      throw new AppRoleError(`"${role}" owns ${facts.owned_tables.join(', ')}: the application must run as a role that owns nothing.`);
    }
    const grantee = pg.escapeIdentifier(role);
    const [{ database }] = await manager.query<{ database: string }[]>('SELECT current_database() AS database');
    const statements = [
      `GRANT CONNECT ON DATABASE ${pg.escapeIdentifier(database)} TO ${grantee}`,
      `GRANT USAGE ON SCHEMA public TO ${grantee}`,
      // PostgreSQL 15 and later withhold it already; before, every role could create objects in public.
      'REVOKE CREATE ON SCHEMA public FROM PUBLIC',
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${grantee}`,
      `REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${grantee}`,
      ...APPEND_ONLY_TABLES.map((table) => `REVOKE UPDATE, DELETE ON ${pg.escapeIdentifier(table)} FROM ${grantee}`),
      `REVOKE INSERT, UPDATE, DELETE ON ${pg.escapeIdentifier(MIGRATIONS_TABLE)} FROM ${grantee}`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${grantee}`,
    ];
    for (const statement of statements) await manager.query(statement);
    return statements;
  });
}

/**
 * Stops the start, naming what is missing, when the role the app connects as cannot do what grantAppRole gives
 * (typically: a migration added a table after the last grant); better than refusing requests one by one later.
 * For a start without migrations: one that runs them connects as the owner.
 */
export async function assertAppPrivileges(url: string): Promise<void> {
  const client = await connect(url);
  try {
    const { rows } = await client.query<{ missing: string; user: string }>(
      `SELECT c.relname || ': ' || p.privilege AS missing, current_user AS user
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        CROSS JOIN unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE']) AS p(privilege)
        WHERE c.relkind IN ('r', 'p')
          AND NOT (c.relname = $1 AND p.privilege <> 'SELECT')
          AND NOT (c.relname = ANY($2::text[]) AND p.privilege IN ('UPDATE', 'DELETE'))
          AND NOT has_table_privilege(c.oid, p.privilege)
        ORDER BY 1`,
      [MIGRATIONS_TABLE, APPEND_ONLY_TABLES],
    );
    if (rows.length === 0) return;
    const user = rows[0].user;
    throw new StartupError(
      `The database role "${user}" lacks ${rows.map((row) => row.missing).join(', ')}: ` +
        `run \`npm run db:grant-app-role -- ${user}\` as the owner of the tables (after each migration).`,
    );
  } finally {
    await client.end();
  }
}
