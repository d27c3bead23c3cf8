import type { DeepPartial, EntityManager } from 'typeorm';
import { Session } from '@near/voting';

// The demo lib's SQL: its own flag, and the history it writes straight into the voting and registry tables.
// That history (General Assemblies of 1996-2010, fees paid before the system) is no act of anyone's through
// the system, so no service of those libs records it: written here, without audit entries, on purpose.

/** Serialises the seeding of several processes starting at once; answers whether it was done already. */
export async function lockAndCheckSeeded(db: EntityManager, lockKey: number, flag: string): Promise<boolean> {
  await db.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
  return (await db.query('SELECT 1 FROM system_flags WHERE name = $1', [flag])).length > 0;
}

export async function markSeeded(db: EntityManager, flag: string): Promise<void> {
  await db.query('INSERT INTO system_flags (name) VALUES ($1)', [flag]);
}

export async function insertSession(db: EntityManager, session: DeepPartial<Session>): Promise<void> {
  await db.getRepository(Session).insert(session);
}

/** Each member paid each year from `from` to `to` on 15 April (from the year after its admission), except `unpaid`. */
export async function insertFeesPaid(db: EntityManager, from: number, to: number, unpaid: readonly string[]): Promise<void> {
  await db.query(
    `INSERT INTO fee_payments (government_id, year, paid_on)
     SELECT g.id, y, make_date(y, 4, 15)
     FROM governments g CROSS JOIN generate_series($1::int, $2::int) AS y
     WHERE g.status = 'member' AND g.name_en <> ALL ($3::text[])
       AND (g.member_since IS NULL OR y > extract(year FROM g.member_since))`,
    [from, to, unpaid],
  );
}
