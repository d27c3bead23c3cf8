import type { Test } from 'supertest';

/**
 * Sends the bytes as they are, with the given content type. Told a Buffer is JSON, superagent would
 * serialize it as `{"type":"Buffer","data":[…]}`; its types only know serializers that return strings.
 */
export const withRawBody = (request: Test, contentType: string, bytes: Buffer | string): Test =>
  request
    .set('Content-Type', contentType)
    .serialize((raw) => raw as string)
    .send(bytes);
