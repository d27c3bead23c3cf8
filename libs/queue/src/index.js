export { REDIS, RedisModule } from './redis.module.js';
export { assertRedisReachable, createRedisConnection } from './redis-connection.js';
//# sourceMappingURL=index.js.map