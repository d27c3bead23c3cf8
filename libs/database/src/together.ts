import { PgErrorCode, pgErrorCode } from './pg-errors.js';

type Step = () => unknown;

/**
 * Runs steps of one transaction side by side. The pool runs in pg's pipeline mode (data-source-options.ts), so their
 * statements reach PostgreSQL without waiting for each other's answers: one round trip where each step would have
 * taken its own. They may leave in any order (a prepared statement leaves sooner than one sent through TypeORM), so
 * only steps whose order does not matter may go together: none reads, or locks, what another writes.
 *
 * Every step is waited for, failed or not, so that none sends a statement once the caller has given up the
 * transaction (it would run outside it). The error thrown is the one that caused the others: statements sent after
 * a failed one fail with 25P02 whatever step they belong to.
 */
export async function together<const Steps extends readonly Step[]>(
  steps: Steps,
): Promise<{ -readonly [K in keyof Steps]: Awaited<ReturnType<Steps[K]>> }> {
  const started = steps.map((step) => {
    try {
      return Promise.resolve(step());
    } catch (error) {
      return Promise.reject(error);
    }
  });
  const settled = await Promise.allSettled(started);
  const failures = settled.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
  if (failures.length > 0) throw failures.find((error) => pgErrorCode(error) !== PgErrorCode.InFailedTransaction) ?? failures[0];
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as {
    -readonly [K in keyof Steps]: Awaited<ReturnType<Steps[K]>>;
  };
}
