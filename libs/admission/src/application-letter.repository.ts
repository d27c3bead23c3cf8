import type { DeepPartial, EntityManager } from 'typeorm';
import { ApplicationLetter } from './application-letter.entity.js';

// The SQL of the application_letters table.

export async function insert(db: EntityManager, letter: DeepPartial<ApplicationLetter>): Promise<ApplicationLetter> {
  const stored = db.getRepository(ApplicationLetter).create(letter);
  await db.getRepository(ApplicationLetter).insert(stored);
  return stored;
}

/** The latest letter of an application, with its content (which every other read leaves out). */
export function latestWithContent(db: EntityManager, applicationId: string): Promise<ApplicationLetter | null> {
  return db
    .getRepository(ApplicationLetter)
    .createQueryBuilder('l')
    .addSelect('l.content')
    .where('l.applicationId = :applicationId', { applicationId })
    .orderBy('l.uploadedAt', 'DESC')
    .getOne();
}
