import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { PinoLogger } from 'nestjs-pino';
import { actingAs, IssuedTokens } from '@near/identity';
import { BALLOT_CHOICES, BallotBox } from '@near/voting';
import { CastBallotDto } from './applications/dto/ballot.dto.js';
import { createValidationPipe } from './http/validation.js';

/** How many casts are in flight at once: the ballot box writes concurrent casts in one batch, as in a storm. */
const AT_ONCE = 10;

/** What the warm-up's casts were answered: every one refused, and none written. */
export interface WarmUpOutcome {
  /** Over HTTP, by status: 401 each, the token naming no session. */
  http: Record<string, number>;
  /** Through the ballot box, by error code: application-not-found each. */
  ballotBox: Record<string, number>;
}

/**
 * Sends `casts` ballot casts through the API's cast path before it listens, each refused before it writes:
 * over HTTP (Fastify, the JSON parser, the guard and the problem answer) with a token of a session that does not
 * exist, then through the validation of a cast and the ballot box (its batch, transaction, lock and checks) for an
 * application that does not exist. A vote storm (every delegate at once) may meet a process right after a
 * deployment: cold, V8 ran the path at 1.0–1.3 ms of CPU a cast and the first storm's p99 was 165–216 ms; after
 * 2,000 of these, 0.44–0.50 ms and 96–125 ms (docs/benchmarks.md). The access log is held back meanwhile: these are
 * not requests anyone sent.
 */
export async function warmUp(app: NestFastifyApplication, casts: number): Promise<WarmUpOutcome> {
  const outcome: WarmUpOutcome = { http: {}, ballotBox: {} };
  if (casts <= 0) return outcome;
  const count = (tally: Record<string, number>, key: string) => (tally[key] = (tally[key] ?? 0) + 1);
  const token = await app.get(IssuedTokens).sign('access', { sub: randomUUID(), role: 'delegate', sid: randomUUID() });
  const fastify = app.getHttpAdapter().getInstance();
  const validation = createValidationPipe();
  const ballots = app.get(BallotBox);
  const delegate = actingAs({
    id: randomUUID(),
    email: 'warm-up@invalid',
    displayName: 'Warm-up',
    role: 'delegate',
    governmentId: randomUUID(),
    locale: 'en',
  });
  const cast = async (i: number) => {
    const choice = BALLOT_CHOICES[i % BALLOT_CHOICES.length];
    const answer = await fastify.inject({
      method: 'PUT',
      url: `/applications/${randomUUID()}/ballot`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ choice }),
    });
    count(outcome.http, String(answer.statusCode));
    const body = (await validation.transform({ choice }, { type: 'body', metatype: CastBallotDto })) as CastBallotDto;
    await ballots.cast(randomUUID(), body.choice, delegate).then(
      () => count(outcome.ballotBox, 'written'),
      (error: { code?: string }) => count(outcome.ballotBox, error.code ?? 'error'),
    );
  };
  const logger = PinoLogger.root;
  const level = logger.level;
  logger.level = 'error';
  try {
    for (let i = 0; i < casts; i += AT_ONCE) {
      await Promise.all(Array.from({ length: Math.min(AT_ONCE, casts - i) }, (_, j) => cast(i + j)));
    }
  } finally {
    logger.level = level;
  }
  return outcome;
}
