import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JwtModule } from '@nestjs/jwt';
import { AuditModule } from '@near/audit';
import { AppConfig } from '@near/config';
import { RegistryModule } from '@near/registry';
import { AdminBootstrap } from './admin-bootstrap.js';
import { AuthService } from './auth.service.js';
import { UsersService } from './users.service.js';
import { CalendarLinks } from './calendar-links.js';
import { IDENTITY_ENTITIES } from './identity.entities.js';

const ISSUER = 'near-admission';

@Module({
  imports: [
    TypeOrmModule.forFeature([...IDENTITY_ENTITIES]),
    AuditModule,
    RegistryModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails) to parse it as a
        // public key on every verification, ~40× the cost of the HMAC itself (docs/benchmarks.md).
        secret: createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8')),
        signOptions: { algorithm: 'HS256', expiresIn: config.auth.jwtTtlSeconds, issuer: ISSUER },
        // Pinning the algorithm refuses `alg: none` and tokens signed any other way.
        verifyOptions: { algorithms: ['HS256'], issuer: ISSUER },
      }),
    }),
  ],
  providers: [UsersService, AuthService, AdminBootstrap, CalendarLinks],
  exports: [UsersService, AuthService, CalendarLinks],
})
export class IdentityModule {}
