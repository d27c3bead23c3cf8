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
var AdminBootstrap_1;
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from "../../config/src/index.js";
import { hashPassword } from './password-hasher.js';
let AdminBootstrap = AdminBootstrap_1 = class AdminBootstrap {
    dataSource;
    config;
    logger = new Logger(AdminBootstrap_1.name);
    constructor(dataSource, config) {
        this.dataSource = dataSource;
        this.config = config;
    }
    async onApplicationBootstrap() {
        const hasAdmin = await this.dataSource.query(`SELECT 1 FROM users WHERE role = 'admin' AND disabled_at IS NULL LIMIT 1`);
        if (hasAdmin.length > 0)
            return;
        const hash = await hashPassword(this.config.admin.password);
        const created = await this.dataSource.query(`INSERT INTO users (email, password_hash, display_name, role, locale)
       SELECT $1, $2, 'Administrator', 'admin', 'en'
       WHERE NOT EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND disabled_at IS NULL)
       ON CONFLICT DO NOTHING
       RETURNING id`, [this.config.admin.email.toLowerCase(), hash]);
        if (created.length > 0)
            this.logger.log(`Created the first admin user ${this.config.admin.email}`);
    }
};
AdminBootstrap = AdminBootstrap_1 = __decorate([
    Injectable(),
    __param(0, InjectDataSource()),
    __metadata("design:paramtypes", [DataSource,
        AppConfig])
], AdminBootstrap);
export { AdminBootstrap };
//# sourceMappingURL=admin-bootstrap.js.map