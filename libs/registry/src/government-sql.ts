// Read by every change that writes e-mail (the government's name goes into them): prepared once per connection, the
// row as one jsonb column (see libs/database/src/prepared-statement.ts). A module of its own, without the app's
// imports, so that the benchmark's baselines send the same statement.

export const FIND_GOVERNMENT_STATEMENT = {
  name: 'near_government_find',
  text: 'SELECT to_jsonb(g) AS government FROM governments g WHERE g.id = $1',
} as const;
