import type { EntityManager } from 'typeorm';
import { FeePayment } from './fee-payment.entity.js';

// The SQL of the fee_payments table.

/** Records a year's payment; false when that year was already recorded (of two at once, the second waits, then sees the first). */
export async function insert(
  db: EntityManager,
  payment: { governmentId: string; year: number; paidOn: string; recordedBy: string | null },
): Promise<boolean> {
  const inserted: unknown[] = await db.query(
    `INSERT INTO fee_payments (government_id, year, paid_on, recorded_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (government_id, year) DO NOTHING RETURNING year`,
    [payment.governmentId, payment.year, payment.paidOn, payment.recordedBy],
  );
  return inserted.length > 0;
}

/** The day a year's fee was recorded as paid (YYYY-MM-DD). */
export async function paidOn(db: EntityManager, governmentId: string, year: number): Promise<string | undefined> {
  const [row]: { paid_on: string }[] = await db.query(
    `SELECT paid_on::text AS paid_on FROM fee_payments WHERE government_id = $1 AND year = $2`,
    [governmentId, year],
  );
  return row?.paid_on;
}

/** The years paid by each of the governments, in one query, oldest first. */
export async function paidYears(db: EntityManager, governmentIds: readonly string[]): Promise<Map<string, number[]>> {
  const paid = new Map<string, number[]>();
  if (governmentIds.length === 0) return paid;
  const rows = await db
    .getRepository(FeePayment)
    .createQueryBuilder('f')
    .select(['f.governmentId', 'f.year'])
    .where('f.governmentId IN (:...ids)', { ids: governmentIds })
    .orderBy('f.year')
    .getMany();
  for (const row of rows) paid.set(row.governmentId, [...(paid.get(row.governmentId) ?? []), row.year]);
  return paid;
}
