import type { EntityManager } from 'typeorm';
import { executePrepared } from '@near/database';
import type { ApplicationMessageKind } from './application-message.entity.js';
import { INSERT_MESSAGE_STATEMENT } from './application-message-sql.js';

// The SQL of the application_messages table (requests for information and answers).

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
  await executePrepared(db, INSERT_MESSAGE_STATEMENT, [
    message.applicationId,
    message.kind,
    message.body,
    message.authorId,
    message.createdAt,
    message.attachmentIds,
  ]);
}
