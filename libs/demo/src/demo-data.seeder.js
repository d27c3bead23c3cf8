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
var DemoDataSeeder_1;
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hashPassword, UsersService } from "../../identity/src/index.js";
import { Government } from "../../registry/src/index.js";
import { Assembly } from "../../voting/src/index.js";
import { PAST_GENERAL_ASSEMBLIES } from './past-assemblies.js';
export const DEMO_LOGINS = {
    secretariat: { email: 'secretariat@near.example', password: 'secretariat-demo' },
    applicant: { email: 'applicant.liaoning@near.example', password: 'applicant-demo' },
    delegatePassword: 'delegate-demo',
};
const SEEDED_FLAG = 'demo-data-seeded';
const DEMO_LOCK_KEY = 7_469_002;
export function governmentSlug(nameEn) {
    return nameEn
        .normalize('NFD')
        .replace(/\p{Diacritic}/gu, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
}
let DemoDataSeeder = DemoDataSeeder_1 = class DemoDataSeeder {
    dataSource;
    users;
    logger = new Logger(DemoDataSeeder_1.name);
    constructor(dataSource, users) {
        this.dataSource = dataSource;
        this.users = users;
    }
    async onApplicationBootstrap() {
        await this.dataSource.transaction(async (manager) => {
            await manager.query('SELECT pg_advisory_xact_lock($1)', [DEMO_LOCK_KEY]);
            const seeded = await manager.query('SELECT 1 FROM system_flags WHERE name = $1', [SEEDED_FLAG]);
            if (seeded.length > 0)
                return;
            await this.seedUsers(manager);
            await this.seedAssemblies(manager);
            await manager.query('INSERT INTO system_flags (name) VALUES ($1)', [SEEDED_FLAG]);
            this.logger.log('Demo data seeded');
        });
    }
    async seedUsers(manager) {
        const governments = manager.getRepository(Government);
        await this.users.create({ ...DEMO_LOGINS.secretariat, displayName: 'Secretariat Officer (Pohang)', role: 'secretariat', locale: 'ko' }, manager);
        const liaoning = await governments.findOneByOrFail({ country: 'CN', nameEn: 'Liaoning' });
        await this.users.create({ ...DEMO_LOGINS.applicant, displayName: 'Liaoning Foreign Affairs Office', role: 'applicant', governmentId: liaoning.id, locale: 'zh' }, manager);
        const delegateHash = await hashPassword(DEMO_LOGINS.delegatePassword);
        const members = await governments.find({ where: { status: 'member' }, order: { country: 'ASC', nameEn: 'ASC' } });
        for (const member of members) {
            await this.users.create({
                email: `delegate.${governmentSlug(member.nameEn)}@near.example`,
                password: DEMO_LOGINS.delegatePassword,
                displayName: `Delegate of ${member.nameEn}`,
                role: 'delegate',
                governmentId: member.id,
                locale: LOCALE_BY_COUNTRY[member.country] ?? 'en',
            }, manager, delegateHash);
        }
    }
    async seedAssemblies(manager) {
        const governments = manager.getRepository(Government);
        const assemblies = manager.getRepository(Assembly);
        for (const past of PAST_GENERAL_ASSEMBLIES) {
            const host = await governments.findOneByOrFail({ nameEn: past.host });
            await assemblies.insert({
                body: 'general_assembly',
                number: past.number,
                hostGovernmentId: host.id,
                startsOn: `${past.month}-01`,
                endsOn: `${past.month}-01`,
                venue: past.host,
                status: 'closed',
                notes: `${past.notes} (Only the month is recorded.)`,
            });
        }
        const ningxia = await governments.findOneByOrFail({ nameEn: 'Ningxia Hui Autonomous Region' });
        const nextYear = new Date().getUTCFullYear() + 1;
        await assemblies.insert({
            body: 'general_assembly',
            number: 9,
            hostGovernmentId: ningxia.id,
            startsOn: `${nextYear}-09-15`,
            endsOn: `${nextYear}-09-17`,
            venue: 'Yinchuan, Ningxia Hui Autonomous Region',
            status: 'scheduled',
            notes: null,
        });
    }
};
DemoDataSeeder = DemoDataSeeder_1 = __decorate([
    Injectable(),
    __param(0, InjectDataSource()),
    __metadata("design:paramtypes", [DataSource,
        UsersService])
], DemoDataSeeder);
export { DemoDataSeeder };
const LOCALE_BY_COUNTRY = {
    KR: 'ko',
    KP: 'ko',
    JP: 'ja',
    CN: 'zh',
    RU: 'ru',
    MN: 'mn',
};
//# sourceMappingURL=demo-data.seeder.js.map