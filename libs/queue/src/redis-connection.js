import { Redis } from 'ioredis';
import { StartupError } from "../../common/src/index.js";
export function createRedisConnection(url, connectionName) {
    return new Redis(url, { maxRetriesPerRequest: null, connectionName, lazyConnect: false });
}
export async function assertRedisReachable(url) {
    const parsed = new URL(url);
    const address = `${parsed.hostname}:${parsed.port || 6379}`;
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3000 });
    probe.on('error', () => undefined);
    try {
        await probe.connect();
        await probe.ping();
    }
    catch (error) {
        throw new StartupError(`Cannot reach Redis at ${address} (${error.message}). Start it with \`docker compose up -d\` or set REDIS_URL.`);
    }
    finally {
        probe.disconnect();
    }
}
//# sourceMappingURL=redis-connection.js.map