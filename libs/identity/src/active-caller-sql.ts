// The callers behind the tokens of the requests that arrived together, read on every request
// (UsersService.findActiveCaller batches them), prepared once per connection.
// A module of its own, without imports, so that the benchmark's baselines can send the very same statement.
export const ACTIVE_CALLER_STATEMENT = {
  name: 'near_active_callers',
  text: `SELECT id, email, display_name AS "displayName", role, government_id AS "governmentId", locale
  FROM users WHERE id = ANY($1::uuid[]) AND disabled_at IS NULL`,
} as const;
