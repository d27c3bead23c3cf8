import { BadRequestException } from '@nestjs/common';
import type { FastifyBodyParser, FastifyInstance } from 'fastify';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Fastify's own JSON parser (which refuses `__proto__` and `constructor.prototype` keys), fed text decoded
 * strictly: Buffer#toString would turn bytes that are not UTF-8 into U+FFFD, and the API would then store
 * text other than what the client sent.
 */
export function strictJsonParser(fastify: FastifyInstance): FastifyBodyParser<Buffer> {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (request, body, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body);
    } catch {
      done(new BadRequestException('The body is not valid UTF-8.'), undefined);
      return;
    }
    parse(request, text, (error, value) => {
      if (error && isPlainJson(text)) {
        done(new BadRequestException('The body has a property named __proto__ or constructor.prototype; neither is accepted.'), undefined);
        return;
      }
      done(error, value);
    });
  };
}

/** True when the text is JSON: the default parser then refused it for a forbidden key, not its syntax. */
function isPlainJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
