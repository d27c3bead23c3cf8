// The callers behind the tokens of the requests that arrived together, read on every request
// (ActiveCallers batches them), prepared once per connection. One caller has a statement of
// its own, for the reason given in application-view-sql.ts: `= ANY($1)` is planned anew at every execution.
// A caller is a sign-in session that has not ended, of a user who is not disabled: ending a session (sign-out,
// theft detection, a password change) refuses its access tokens at the next request.
// A module of its own, without imports, so that the benchmark's baselines can send the very same statement.
const CALLER_SELECT = `SELECT s.id AS "sessionId", u.id, u.email, u.display_name AS "displayName", u.role,
    u.government_id AS "governmentId", u.locale,
    EXISTS (SELECT 1 FROM second_factors f WHERE f.user_id = u.id AND f.confirmed_at IS NOT NULL) AS "secondFactor"
  FROM sign_in_sessions s JOIN users u ON u.id = s.user_id
  WHERE s.ended_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL AND `;

export const ACTIVE_CALLER_STATEMENT = { name: 'near_active_caller', text: `${CALLER_SELECT}s.id = $1` } as const;
export const ACTIVE_CALLERS_STATEMENT = { name: 'near_active_callers', text: `${CALLER_SELECT}s.id = ANY($1::uuid[])` } as const;
