// The statements on the path of every e-mail: the outbox rows a change writes, in the change's transaction, and the
// worker's record of a message sent. Prepared once per connection (unnamed, PostgreSQL would parse and plan them on
// every call). A module of its own, without the app's imports, so that the benchmark's baselines send the same
// statements.

export const INSERT_PENDING_STATEMENT = {
  name: 'near_notifications_insert',
  text: `INSERT INTO notifications (event, application_id, recipient, recipient_name, recipient_user_id, locale, time_zone, data)
     SELECT $1, $2, r.address, r.name, r.user_id, r.locale, r.time_zone, $3
     FROM unnest($4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[]) AS r (address, name, user_id, locale, time_zone)`,
} as const;

/** The events whose data holds a secret `link` (a single-use token), forgotten once the message is sent. */
export const SECRET_LINK_EVENTS = ['invitation', 'password-reset', 'unlock'];

/** A message sent: $1 its row, $2 and $3 the SMTP server's message id and answer, $4 SECRET_LINK_EVENTS. */
export const MARK_SENT_STATEMENT = {
  name: 'near_notification_sent',
  text: `UPDATE notifications SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL,
            smtp_message_id = $2, smtp_response = $3, updated_at = now(),
            data = CASE WHEN event = ANY($4::text[]) THEN (data::jsonb - 'link')::text ELSE data END
      WHERE id = $1`,
} as const;
