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
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Government } from './government.entity.js';
import { RegistryError, RegistryErrorCode } from './registry-error.js';
let GovernmentsService = class GovernmentsService {
    dataSource;
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    list(filter, manager = this.dataSource.manager) {
        const query = manager.getRepository(Government).createQueryBuilder('g').orderBy('g.country').addOrderBy('g.nameEn');
        if (filter.status)
            query.andWhere('g.status = :status', { status: filter.status });
        if (filter.country)
            query.andWhere('g.country = :country', { country: filter.country });
        return query.getMany();
    }
    async get(id, manager = this.dataSource.manager) {
        const government = await manager.getRepository(Government).findOneBy({ id });
        if (!government)
            throw new RegistryError(RegistryErrorCode.GovernmentNotFound, `No government has the id ${id}.`);
        return government;
    }
    async addProspective(input, manager = this.dataSource.manager) {
        const repository = manager.getRepository(Government);
        const existing = await repository
            .createQueryBuilder('g')
            .where('g.country = :country AND lower(g.nameEn) = lower(:nameEn)', { country: input.country, nameEn: input.nameEn })
            .getOne();
        if (existing) {
            throw new RegistryError(RegistryErrorCode.GovernmentAlreadyRegistered, `${input.nameEn} (${input.country}) is already in the registry with status ${existing.status}.`, { governmentId: existing.id });
        }
        return repository.save(repository.create({ ...input, kind: input.kind ?? null, status: 'prospective', memberSince: null }));
    }
};
GovernmentsService = __decorate([
    Injectable(),
    __param(0, InjectDataSource()),
    __metadata("design:paramtypes", [DataSource])
], GovernmentsService);
export { GovernmentsService };
//# sourceMappingURL=governments.service.js.map