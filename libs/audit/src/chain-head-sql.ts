// The head of the chain and the database clock's time, read under the chain lock by every writer of the trail
// (AuditTrail), prepared once per connection: the lock is held while it runs. A module of its own, without
// imports, so that the benchmark's seeding and baselines send the very same statement.
export const CHAIN_HEAD_STATEMENT = {
  name: 'near_audit_chain_head',
  text: `SELECT to_char(date_trunc('milliseconds', clock_timestamp()) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS now,
              h.seq::text AS seq, h.hash
       FROM (SELECT 1) AS one
       LEFT JOIN (SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1) AS h ON true`,
} as const;

export interface ChainHead {
  now: string;
  seq: string | null;
  hash: string | null;
}
