import type { EntityManager } from 'typeorm';
import { ApplicationMessage, type ApplicationMessageKind } from './application-message.entity.js';

// The SQL of the application_messages table (requests for information and answers).

export async function insert(
  db: EntityManager,
  message: { applicationId: string; kind: ApplicationMessageKind; body: string; authorId: string; createdAt: Date },
): Promise<void> {
  await db.getRepository(ApplicationMessage).insert(message);
}
