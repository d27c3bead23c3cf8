import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { ACTIVE_CALLER_STATEMENT } from '@near/identity';

/**
 * Opens every connection of the API's pool before it listens, and prepares on each the statement every request
 * sends (the token's user). Without it the first burst a new process meets (a vote storm right after a
 * deployment: 210 casts at once) waited for ten connections to be opened and the statement to be parsed on
 * each, and its p99 was twice the warm one's. The pool closes connections idle for 10 s (pg's default), so this
 * is for the moments after a start, when a process taking its share of the load meets it all at once.
 */
export async function openPool(app: INestApplication): Promise<void> {
  const pool = (app.get(DataSource).driver as unknown as { master: pg.Pool }).master;
  const clients = await Promise.all(Array.from({ length: pool.options.max ?? 10 }, () => pool.connect()));
  try {
    // Nobody has a random id: the statement is prepared and answers no row.
    await Promise.all(clients.map((client) => client.query({ ...ACTIVE_CALLER_STATEMENT, values: [randomUUID()] })));
  } finally {
    for (const client of clients) client.release();
  }
}
