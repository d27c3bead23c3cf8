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
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from "../../config/src/index.js";
import { toAuthenticatedUser } from './authenticated-user.js';
import { IdentityError, IdentityErrorCode } from './identity-error.js';
import { LoginThrottle } from './login-throttle.js';
import { verifyPassword } from './password-hasher.js';
import { User } from './user.entity.js';
import { UsersService } from './users.service.js';
const DECOY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
let AuthService = class AuthService {
    dataSource;
    jwt;
    users;
    config;
    throttle;
    constructor(dataSource, jwt, users, config) {
        this.dataSource = dataSource;
        this.jwt = jwt;
        this.users = users;
        this.config = config;
        this.throttle = new LoginThrottle(config.auth);
    }
    async signIn(emailInput, password, address) {
        const email = emailInput.trim().toLowerCase();
        const user = await this.dataSource.transaction(async (manager) => {
            await this.throttle.lockAccount(manager, email);
            await this.throttle.assertAllowed(manager, email, address);
            const found = await manager
                .getRepository(User)
                .createQueryBuilder('u')
                .addSelect('u.passwordHash')
                .where('u.email = :email', { email })
                .getOne();
            const passwordMatches = await verifyPassword(password, found?.passwordHash ?? DECOY_HASH);
            if (!found || !passwordMatches || found.disabledAt) {
                await this.throttle.recordFailure(manager, email, address);
                return null;
            }
            await this.throttle.clear(manager, email);
            return found;
        });
        if (!user)
            throw new IdentityError(IdentityErrorCode.InvalidCredentials, 'The e-mail or the password is wrong.');
        const claims = { sub: user.id, role: user.role };
        return {
            accessToken: await this.jwt.signAsync(claims),
            tokenType: 'Bearer',
            expiresIn: this.config.auth.jwtTtlSeconds,
            user: toAuthenticatedUser(user),
        };
    }
    async authenticate(token) {
        let claims;
        try {
            claims = await this.jwt.verifyAsync(token);
        }
        catch {
            throw new IdentityError(IdentityErrorCode.InvalidToken, 'The access token is invalid or has expired; sign in again.');
        }
        const user = typeof claims.sub === 'string' ? await this.users.findActiveById(claims.sub).catch(() => null) : null;
        if (!user)
            throw new IdentityError(IdentityErrorCode.InvalidToken, 'The access token belongs to no active user; sign in again.');
        return toAuthenticatedUser(user);
    }
};
AuthService = __decorate([
    Injectable(),
    __param(0, InjectDataSource()),
    __metadata("design:paramtypes", [DataSource,
        JwtService,
        UsersService,
        AppConfig])
], AuthService);
export { AuthService };
//# sourceMappingURL=auth.service.js.map