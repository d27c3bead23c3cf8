// Who an e-mail goes to, read by every change that writes one: prepared once per connection. A module of its own,
// without the app's imports, so that the benchmark's baselines send the same statements.

const RECIPIENTS_SELECT = `SELECT email AS address, display_name AS name, id AS "userId", locale, government_id AS "governmentId" FROM users
  WHERE role = $1 AND disabled_at IS NULL`;

/** The active users of a role ($1). */
export const RECIPIENTS_STATEMENT = { name: 'near_recipients', text: `${RECIPIENTS_SELECT} ORDER BY email` } as const;

/** The active users of a role ($1) who speak for one of these governments ($2). */
export const RECIPIENTS_OF_GOVERNMENTS_STATEMENT = {
  name: 'near_recipients_of_governments',
  text: `${RECIPIENTS_SELECT} AND government_id = ANY($2::uuid[]) ORDER BY email`,
} as const;
