import type { EntityManager } from 'typeorm';

/**
 * The next human reference of the year, NEAR-2026-0007. The counter row is locked until the filing
 * commits, so references are unique and without gaps (a rolled-back filing gives its number back).
 */
export async function nextReference(manager: EntityManager, now: Date): Promise<string> {
  const year = now.getUTCFullYear();
  const [{ last_number: number }] = await manager.query(
    `INSERT INTO application_reference_counters (year, last_number) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last_number = application_reference_counters.last_number + 1
     RETURNING last_number`,
    [year],
  );
  return `NEAR-${year}-${String(number).padStart(4, '0')}`;
}
