import { createHash } from 'node:crypto';

// The statements of a transition on the applications table, prepared once per connection (named statements):
// unnamed, PostgreSQL parses and plans each anew on every transition, which cost it more than running them.
// A module of its own, without the app's imports, so that the benchmark's baselines can send the very same statements.
// The row comes as one jsonb column, so that a migration adding a column cannot break a prepared statement
// (see libs/database/src/prepared-statement.ts).

export const FIND_APPLICATION_STATEMENT = {
  name: 'near_application_find',
  text: 'SELECT to_jsonb(a) AS application FROM applications a WHERE a.id = $1',
} as const;

const updates = new Map<string, { name: string; text: string }>();

/**
 * The version-checked UPDATE that sets these columns ($3 … in order; $1 the id, $2 the version read). One
 * prepared statement per set of columns, named by a hash of its text (a name holds at most 63 bytes).
 */
export function updateIfVersionStatement(columns: readonly string[]): { name: string; text: string } {
  const key = columns.join(',');
  let statement = updates.get(key);
  if (!statement) {
    const assignments = columns.map((column, index) => `${column} = $${index + 3}`);
    const text = `UPDATE applications SET ${assignments.join(', ')}, version = version + 1 WHERE id = $1 AND version = $2`;
    statement = { name: `near_application_update_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`, text };
    updates.set(key, statement);
  }
  return statement;
}
