var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from "../../config/src/index.js";
import { RegistryModule } from "../../registry/src/index.js";
import { AdminBootstrap } from './admin-bootstrap.js';
import { AuthService } from './auth.service.js';
import { UsersService } from './users.service.js';
const ISSUER = 'near-admission';
let IdentityModule = class IdentityModule {
};
IdentityModule = __decorate([
    Module({
        imports: [
            RegistryModule,
            JwtModule.registerAsync({
                inject: [AppConfig],
                useFactory: (config) => ({
                    secret: config.auth.jwtSecret,
                    signOptions: { algorithm: 'HS256', expiresIn: config.auth.jwtTtlSeconds, issuer: ISSUER },
                    verifyOptions: { algorithms: ['HS256'], issuer: ISSUER },
                }),
            }),
        ],
        providers: [UsersService, AuthService, AdminBootstrap],
        exports: [UsersService, AuthService],
    })
], IdentityModule);
export { IdentityModule };
//# sourceMappingURL=identity.module.js.map