import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLoggerInterface } from 'typeorm';
import { PgErrorCode, pgErrorCode } from './pg-errors.js';

/** Sends TypeORM's own messages (pool errors, migrations, failed queries) through the application's logger. */
export class TypeOrmLogger implements TypeOrmLoggerInterface {
  private readonly logger = new Logger('TypeORM');

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    // Refused only because an earlier statement of its transaction failed (steps sent together): the transaction
    // throws that statement's error, not this one.
    if (pgErrorCode(error) === PgErrorCode.InFailedTransaction) return;
    this.logger.warn(`Query failed: ${error instanceof Error ? error.message : error} — ${query}`);
  }

  logQuerySlow(time: number, query: string): void {
    // A session advisory lock (the migrations') is waited for on purpose while another process holds it.
    if (query.startsWith('SELECT pg_advisory_lock(')) this.logger.log(`Waited ${time} ms for an advisory lock another process held`);
    else this.logger.warn(`Slow query (${time} ms): ${query}`);
  }

  /** Only TypeORM's CLI asks for these: its report of the migrations it found and ran, the command's output. */
  logSchemaBuild(message: string): void {
    this.logger.log(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.log(String(message));
  }
}
