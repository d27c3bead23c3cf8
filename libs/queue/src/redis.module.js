var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
import { Global, Inject, Module } from '@nestjs/common';
import { AppConfig } from "../../config/src/index.js";
import { createRedisConnection } from './redis-connection.js';
export const REDIS = Symbol('REDIS');
let RedisModule = class RedisModule {
    redis;
    constructor(redis) {
        this.redis = redis;
    }
    async onApplicationShutdown() {
        await this.redis.quit().catch(() => this.redis.disconnect());
    }
};
RedisModule = __decorate([
    Global(),
    Module({
        providers: [
            {
                provide: REDIS,
                inject: [AppConfig],
                useFactory: (config) => {
                    const redis = createRedisConnection(config.redis.url, `${config.redis.prefix}:${process.pid}`);
                    redis.on('error', () => undefined);
                    return redis;
                },
            },
        ],
        exports: [REDIS],
    }),
    __param(0, Inject(REDIS)),
    __metadata("design:paramtypes", [Function])
], RedisModule);
export { RedisModule };
//# sourceMappingURL=redis.module.js.map