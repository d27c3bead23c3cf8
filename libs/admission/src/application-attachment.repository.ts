import type { DeepPartial, EntityManager } from 'typeorm';
import { ApplicationAttachment } from './application-attachment.entity.js';

// The SQL of the application_attachments table.

export async function insert(db: EntityManager, attachment: DeepPartial<ApplicationAttachment>): Promise<ApplicationAttachment> {
  const stored = db.getRepository(ApplicationAttachment).create(attachment);
  await db.getRepository(ApplicationAttachment).insert(stored);
  return stored;
}

/** An attachment as listed: with when an answer first sent it (null while none has). */
export type ListedAttachment = ApplicationAttachment & { sentAt: Date | null };

/** An application's attachments, oldest first, without their content. */
export async function listOf(db: EntityManager, applicationId: string): Promise<ListedAttachment[]> {
  const { entities, raw } = await db
    .getRepository(ApplicationAttachment)
    .createQueryBuilder('a')
    .addSelect(
      `(SELECT min(m.created_at) FROM application_messages m WHERE m.application_id = a.application_id AND a.id = ANY(m.attachment_ids))`,
      'sent_at',
    )
    .where('a.applicationId = :applicationId', { applicationId })
    .orderBy('a.uploadedAt', 'ASC')
    .addOrderBy('a.id', 'ASC')
    .getRawAndEntities<{ a_id: string; sent_at: Date | null }>();
  const sentAt = new Map(raw.map((row) => [row.a_id, row.sent_at]));
  return entities.map((attachment) => Object.assign(attachment, { sentAt: sentAt.get(attachment.id) ?? null }));
}

export function withContent(db: EntityManager, applicationId: string, id: string): Promise<ApplicationAttachment | null> {
  return db
    .getRepository(ApplicationAttachment)
    .createQueryBuilder('a')
    .addSelect('a.content')
    .where('a.applicationId = :applicationId AND a.id = :id', { applicationId, id })
    .getOne();
}

/** Which of these ids are attachments of the application. */
export async function idsOf(db: EntityManager, applicationId: string, ids: readonly string[]): Promise<Set<string>> {
  const rows: { id: string }[] = await db.query(
    `SELECT id FROM application_attachments WHERE application_id = $1 AND id = ANY($2::uuid[])`,
    [applicationId, ids],
  );
  return new Set(rows.map((row) => row.id));
}

/** The titles of these attachments of the application, in the order of the ids. */
export async function titlesOf(db: EntityManager, applicationId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows: { id: string; title: string }[] = await db.query(
    `SELECT id, title FROM application_attachments WHERE application_id = $1 AND id = ANY($2::uuid[])`,
    [applicationId, ids],
  );
  const titles = new Map(rows.map((row) => [row.id, row.title]));
  return ids.flatMap((id) => titles.get(id) ?? []);
}
