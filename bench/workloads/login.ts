import type { Bench } from '../lib/context.js';
import type { Http } from '../lib/http.js';
import { BENCH_PASSWORD, insertUser } from '../lib/seed.js';
import { type LatencySummary, summarise } from '../lib/stats.js';

export interface LoginResult {
  seconds: number;
  /** One guesser, retrying the moment the API lets it, against one account. */
  guesses: {
    attempts: number;
    /** Passwords the API actually checked (401): the guessing rate. */
    checked: number;
    /** Attempts told to wait (429). */
    slowed: number;
    perMinute: number;
    /** Over the last minute, once the delays have grown to their cap (a run of 90 s or more; null in a shorter one). */
    lastMinutePerMinute: number | null;
    target: number;
    /** Judged on the last minute only: the free failures and the first, short delays come before it. */
    met?: boolean;
  };
  /** The account's owner signing in every few seconds meanwhile, from the browser it used before (its device cookie). */
  owner: { attempts: number; ok: number; latencyMs: LatencySummary; met: boolean };
  /** The owner from a browser it never used: slowed with the guesser (it may use its second factor, or wait out the cap). */
  ownerNewBrowser: { attempts: number; ok: number; slowed: number };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * A stranger guesses one account's password as fast as the API allows, while its owner signs in normally. Shows
 * the guessing rate the growing delays leave (target: at most 3 a minute once they reach their cap, the default
 * LOGIN_MAX_DELAY_SECONDS of 30 s allowing 2) and that the owner is never refused.
 */
export async function login(bench: Bench, seconds: number): Promise<LoginResult> {
  const { api, pool } = bench;
  bench.memory.phase('login');
  const email = `guessed.${Date.now()}@bench.example`;
  await insertUser(pool, { email, role: 'secretariat' });
  const device = await deviceCookie(api, email);
  const until = Date.now() + seconds * 1000;
  const checkedAt: number[] = [];
  let attempts = 0;
  let slowed = 0;
  const guesser = (async () => {
    for (let guess = 0; Date.now() < until; guess++) {
      const answer = await api.send('POST', '/auth/login', { body: { email, password: `guess-${guess}` } });
      attempts++;
      if (answer.status === 401) checkedAt.push(Date.now());
      else if (answer.status === 429) {
        slowed++;
        // Asking four times a second: a guesser gets each slot the delays open within 250 ms.
        await sleep(250);
      } else throw new Error(`a guess answered ${answer.status}`);
    }
  })();
  const owner = { attempts: 0, ok: 0, latencies: [] as number[] };
  const ownerNewBrowser = { attempts: 0, ok: 0, slowed: 0 };
  const owners = (async () => {
    while (Date.now() < until) {
      await sleep(5_000);
      const answer = await api.send('POST', '/auth/login', { body: { email, password: BENCH_PASSWORD }, headers: { cookie: device } });
      owner.attempts++;
      owner.latencies.push(answer.ms);
      if (answer.status === 200) owner.ok++;
      const fresh = await api.send('POST', '/auth/login', { body: { email, password: BENCH_PASSWORD } });
      ownerNewBrowser.attempts++;
      if (fresh.status === 200) ownerNewBrowser.ok++;
      if (fresh.status === 429) ownerNewBrowser.slowed++;
    }
  })();
  await Promise.all([guesser, owners]);
  const minutes = seconds / 60;
  const lastMinute = seconds >= 90 ? checkedAt.filter((at) => at > until - 60_000).length : null;
  const target = 3;
  const result: LoginResult = {
    seconds,
    guesses: {
      attempts,
      checked: checkedAt.length,
      slowed,
      perMinute: Math.round((checkedAt.length / minutes) * 10) / 10,
      lastMinutePerMinute: lastMinute,
      target,
      met: lastMinute === null ? undefined : lastMinute <= target,
    },
    owner: { attempts: owner.attempts, ok: owner.ok, latencyMs: summarise(owner.latencies), met: owner.ok === owner.attempts },
    ownerNewBrowser,
  };
  bench.log(
    `login: ${result.guesses.checked} guesses checked in ${seconds} s (${result.guesses.lastMinutePerMinute ?? 'n/a'} in the last minute), ` +
      `${slowed} slowed; the owner signed in ${owner.ok}/${owner.attempts}, p99 ${result.owner.latencyMs.p99} ms`,
  );
  return result;
}

/** Signs in once more to get the browser's device cookie, as the owner's own browser keeps it. */
async function deviceCookie(api: Http, email: string): Promise<string> {
  const answer = await api.send('POST', '/auth/login', { body: { email, password: BENCH_PASSWORD } });
  if (answer.status !== 200 || !answer.cookies.near_device) throw new Error(`no device cookie (${answer.status})`);
  return `near_device=${answer.cookies.near_device}`;
}
