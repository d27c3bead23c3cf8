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
import { DataSource, IsNull } from 'typeorm';
import { DEFAULT_LOCALE } from "../../common/src/index.js";
import { PgErrorCode, pgErrorCode } from "../../database/src/index.js";
import { GovernmentsService, RegistryError } from "../../registry/src/index.js";
import { IdentityError, IdentityErrorCode } from './identity-error.js';
import { hashPassword } from './password-hasher.js';
import { GOVERNMENT_ROLES } from './role.js';
import { User } from './user.entity.js';
let UsersService = class UsersService {
    dataSource;
    governments;
    constructor(dataSource, governments) {
        this.dataSource = dataSource;
        this.governments = governments;
    }
    list(filter = {}, manager = this.dataSource.manager) {
        const query = manager.getRepository(User).createQueryBuilder('u').orderBy('u.email');
        if (filter.role)
            query.andWhere('u.role = :role', { role: filter.role });
        if (filter.governmentId)
            query.andWhere('u.governmentId = :governmentId', { governmentId: filter.governmentId });
        return query.getMany();
    }
    findActiveById(id, manager = this.dataSource.manager) {
        return manager.getRepository(User).findOneBy({ id, disabledAt: IsNull() });
    }
    async create(input, manager = this.dataSource.manager, passwordHash) {
        const governmentId = input.governmentId ?? null;
        await this.assertGovernmentFitsRole(input.role, governmentId, manager);
        const repository = manager.getRepository(User);
        const email = input.email.trim().toLowerCase();
        if (await repository.existsBy({ email })) {
            throw new IdentityError(IdentityErrorCode.EmailTaken, `A user with the e-mail ${email} already exists.`);
        }
        const user = repository.create({
            email,
            passwordHash: passwordHash ?? (await hashPassword(input.password)),
            displayName: input.displayName.trim(),
            role: input.role,
            governmentId,
            locale: input.locale ?? DEFAULT_LOCALE,
            disabledAt: null,
        });
        try {
            return await repository.save(user);
        }
        catch (error) {
            if (pgErrorCode(error) === PgErrorCode.UniqueViolation) {
                throw new IdentityError(IdentityErrorCode.EmailTaken, `A user with the e-mail ${email} already exists.`);
            }
            throw error;
        }
    }
    async assertGovernmentFitsRole(role, governmentId, manager) {
        const needsGovernment = GOVERNMENT_ROLES.includes(role);
        if (needsGovernment && !governmentId) {
            throw new IdentityError(IdentityErrorCode.GovernmentRequired, `A user with the role ${role} acts for one government: governmentId is required.`);
        }
        if (!needsGovernment && governmentId) {
            throw new IdentityError(IdentityErrorCode.GovernmentNotAllowed, `A user with the role ${role} does not act for a government: leave governmentId out.`);
        }
        if (!governmentId)
            return;
        const government = await this.governments.get(governmentId, manager).catch((error) => {
            if (error instanceof RegistryError) {
                throw new IdentityError(IdentityErrorCode.UnknownGovernment, `No government has the id ${governmentId}.`);
            }
            throw error;
        });
        if (role === 'delegate' && government.status !== 'member') {
            throw new IdentityError(IdentityErrorCode.GovernmentNotEligibleForRole, `${government.nameEn} is ${government.status === 'associate' ? 'an' : 'a'} ${government.status}; only member governments have delegates.`);
        }
        if (role === 'applicant' && government.status === 'member') {
            throw new IdentityError(IdentityErrorCode.GovernmentNotEligibleForRole, `${government.nameEn} is already a member; applicants act for governments that are not.`);
        }
    }
};
UsersService = __decorate([
    Injectable(),
    __param(0, InjectDataSource()),
    __metadata("design:paramtypes", [DataSource,
        GovernmentsService])
], UsersService);
export { UsersService };
//# sourceMappingURL=users.service.js.map