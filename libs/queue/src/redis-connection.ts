import { Redis } from 'ioredis';
import { StartupError } from '@near/common';

/** A connection as BullMQ wants it (no per-command retry limit), shared by queues and health checks. */
export function createRedisConnection(url: string, connectionName: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, connectionName, lazyConnect: false });
}

/** Stops the start with one line when Redis is not there. */
export async function assertRedisReachable(url: string): Promise<void> {
  const parsed = new URL(url);
  const address = `${parsed.hostname}:${parsed.port || 6379}`;
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3000 });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    throw new StartupError(
      `Cannot reach Redis at ${address} (${(error as Error).message}). Start it with \`docker compose up -d\` or set REDIS_URL.`,
    );
  } finally {
    probe.disconnect();
  }
}
