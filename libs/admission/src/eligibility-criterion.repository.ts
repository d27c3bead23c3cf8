import type { EntityManager } from 'typeorm';
import { EligibilityCriterion } from './eligibility-criterion.entity.js';

// The SQL of the eligibility_criteria table.

/** Every criterion of a new application, not yet recorded. */
export async function insertBlank(db: EntityManager, applicationId: string, codes: readonly string[]): Promise<void> {
  await db.getRepository(EligibilityCriterion).insert(codes.map((code) => ({ applicationId, code, passed: null, note: null })));
}

export function listOf(db: EntityManager, applicationId: string): Promise<EligibilityCriterion[]> {
  return db.getRepository(EligibilityCriterion).findBy({ applicationId });
}

export async function record(
  db: EntityManager,
  applicationId: string,
  criterion: { code: string; passed: boolean; note: string | null; recordedBy: string; recordedAt: Date },
): Promise<void> {
  await db
    .getRepository(EligibilityCriterion)
    .update(
      { applicationId, code: criterion.code },
      { passed: criterion.passed, note: criterion.note, recordedBy: criterion.recordedBy, recordedAt: criterion.recordedAt },
    );
}
