import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import pino from 'pino';
import { pinoOptions } from './pino-options.js';

/** What a logger with the application's options writes for one entry. */
function written(entry: object): string {
  let line = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      line += chunk.toString();
      done();
    },
  });
  pino(pinoOptions({ level: 'info', format: 'json' }, 'test'), sink).error(entry, 'failed');
  return line;
}

describe('pinoOptions', () => {
  it('redacts the Authorization header, passwords, tokens, and the values bound to a failed query', () => {
    const line = written({
      req: { headers: { authorization: 'Bearer eyJ.secret.token', cookie: 'session=secret-cookie' } },
      body: { password: 'secret-password', accessToken: 'secret-access-token' },
      err: { message: 'invalid byte sequence', query: 'INSERT INTO users …', parameters: ['someone@test.example', 'scrypt$secret-hash'] },
    });
    for (const secret of ['eyJ.secret.token', 'secret-cookie', 'secret-password', 'secret-access-token', 'scrypt$secret-hash']) {
      expect({ secret, written: line.includes(secret) }).toEqual({ secret, written: false });
    }
    expect(JSON.parse(line).err).toMatchObject({ message: 'invalid byte sequence', parameters: '[redacted]' });
  });
});
