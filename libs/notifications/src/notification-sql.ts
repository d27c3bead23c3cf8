// The outbox rows a change writes, in the change's transaction: prepared once per connection (unnamed, PostgreSQL would
// parse and plan it on every call). A module of its own, without the app's imports, so that the benchmark's baselines
// send the same statement.

export const INSERT_PENDING_STATEMENT = {
  name: 'near_notifications_insert',
  text: `INSERT INTO notifications (event, application_id, recipient, recipient_name, recipient_user_id, locale, time_zone, data)
     SELECT $1, $2, r.address, r.name, r.user_id, r.locale, r.time_zone, $3
     FROM unnest($4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[]) AS r (address, name, user_id, locale, time_zone)`,
} as const;
