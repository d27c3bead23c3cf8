import type { DeepPartial, EntityManager } from 'typeorm';
import { ApplicationAttachment } from './application-attachment.entity.js';

// The SQL of the application_attachments table.

export async function insert(db: EntityManager, attachment: DeepPartial<ApplicationAttachment>): Promise<ApplicationAttachment> {
  const stored = db.getRepository(ApplicationAttachment).create(attachment);
  await db.getRepository(ApplicationAttachment).insert(stored);
  return stored;
}

/** An application's attachments, oldest first, without their content. */
export function listOf(db: EntityManager, applicationId: string): Promise<ApplicationAttachment[]> {
  return db.getRepository(ApplicationAttachment).find({ where: { applicationId }, order: { uploadedAt: 'ASC', id: 'ASC' } });
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
