// The INSERT of a request for information or an answer, on the path of request-information and respond: prepared once
// per connection. A module of its own, without the app's imports, so that the benchmark's baselines send the same statement.

export const INSERT_MESSAGE_STATEMENT = {
  name: 'near_application_message_insert',
  text: `INSERT INTO application_messages (application_id, kind, body, author_id, created_at, attachment_ids) VALUES ($1, $2, $3, $4, $5, $6)`,
} as const;
