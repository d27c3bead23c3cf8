import type { EntityManager } from 'typeorm';
import { executePrepared } from '@near/database';
import type { ApplicationMessageKind } from './application-message.entity.js';

// The SQL of the application_messages table (requests for information and answers).

// On the path of request-information and respond: prepared once per connection.
const INSERT_MESSAGE = {
  name: 'near_application_message_insert',
  text: `INSERT INTO application_messages (application_id, kind, body, author_id, created_at, attachment_ids) VALUES ($1, $2, $3, $4, $5, $6)`,
} as const;

export async function insert(
  db: EntityManager,
  message: {
    applicationId: string;
    kind: ApplicationMessageKind;
    body: string;
    authorId: string;
    createdAt: Date;
    attachmentIds: string[];
  },
): Promise<void> {
  await executePrepared(db, INSERT_MESSAGE, [
    message.applicationId,
    message.kind,
    message.body,
    message.authorId,
    message.createdAt,
    message.attachmentIds,
  ]);
}
