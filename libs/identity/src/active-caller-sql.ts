// The callers behind the tokens of the requests that arrived together, read on every request
// (UsersService.findActiveCaller batches them), prepared once per connection. One caller has a statement of
// its own, for the reason given in application-view-sql.ts: `= ANY($1)` is planned anew at every execution.
// A module of its own, without imports, so that the benchmark's baselines can send the very same statement.
const CALLER_SELECT = `SELECT id, email, display_name AS "displayName", role, government_id AS "governmentId", locale
  FROM users WHERE disabled_at IS NULL AND `;

export const ACTIVE_CALLER_STATEMENT = { name: 'near_active_caller', text: `${CALLER_SELECT}id = $1` } as const;
export const ACTIVE_CALLERS_STATEMENT = { name: 'near_active_callers', text: `${CALLER_SELECT}id = ANY($1::uuid[])` } as const;
