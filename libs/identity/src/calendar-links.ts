import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import * as links from './calendar-link.repository.js';

/** 256 random bits, base64url: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/**
 * Secret calendar feed addresses: a calendar application holds the token in the address and fetches the feed
 * without signing in. The token is shown once, when issued; only its hash is stored.
 */
@Injectable()
export class CalendarLinks {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new token for the user; the previous address, if any, stops working. */
  async issue(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await links.replace(this.dataSource.manager, userId, hashOf(token));
    return token;
  }

  revoke(userId: string): Promise<boolean> {
    return links.remove(this.dataSource.manager, userId);
  }

  /** The active user a token opens the feed of, or undefined. */
  async userOf(token: string): Promise<string | undefined> {
    if (!TOKEN_PATTERN.test(token)) return undefined;
    const hash = hashOf(token);
    const row = await links.findByHash(this.dataSource.manager, hash);
    // The lookup is by an index on the hash; the comparison of what it found is in constant time all the same.
    return row && timingSafeEqual(Buffer.from(row.tokenHash), hash) ? row.userId : undefined;
  }
}
