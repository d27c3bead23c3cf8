import type { Response } from 'supertest';

/** Collects a binary response body as it came over the wire (superagent hands the parser the raw message): `.parse(asBuffer)`. */
export const asBuffer = (response: Response, done: (error: Error | null, body: Buffer) => void) => {
  const stream = response as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
  stream.on('error', (error: Error) => done(error, Buffer.alloc(0)));
};
