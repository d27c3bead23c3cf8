// Redis and the queues on it: the shared connection, the start-up check, and (later) queue names and job payloads.
export { REDIS, RedisModule } from './redis.module.js';
export { assertRedisReachable, createRedisConnection } from './redis-connection.js';
