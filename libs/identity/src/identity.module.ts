import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JwtModule } from '@nestjs/jwt';
import { AuditModule } from '@near/audit';
import { AppConfig } from '@near/config';
import { NotificationsModule } from '@near/notifications';
import { RegistryModule } from '@near/registry';
import { AccountMail } from './account-mail.js';
import { ActiveCallers } from './active-callers.js';
import { AdminBootstrap } from './admin-bootstrap.js';
import { AuthService } from './auth.service.js';
import { GovernmentRoleCheck } from './government-role-check.js';
import { PasswordsService } from './passwords.service.js';
import { UserAdministration } from './user-administration.js';
import { UsersService } from './users.service.js';
import { CalendarLinks } from './calendar-links.js';
import { IDENTITY_ENTITIES } from './identity.entities.js';
import { IssuedTokens } from './issued-tokens.js';
import { SecondFactors } from './second-factors.js';
import { SignInSessions } from './sign-in-sessions.js';
import { SignInUnlocks } from './sign-in-unlocks.js';
import { LoginThrottle } from './login-throttle.js';

const ISSUER = 'near-admission';

@Module({
  imports: [
    TypeOrmModule.forFeature([...IDENTITY_ENTITIES]),
    AuditModule,
    NotificationsModule,
    RegistryModule,
    NotificationsModule,
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
  providers: [
    UsersService,
    AuthService,
    AdminBootstrap,
    AccountMail,
    GovernmentRoleCheck,
    PasswordsService,
    UserAdministration,
    ActiveCallers,
    IssuedTokens,
    SignInSessions,
    SecondFactors,
    SignInUnlocks,
    CalendarLinks,
    // Plain (its spec builds it without Nest): one, with the configured limits, for sign-in, unlock and password change.
    { provide: LoginThrottle, inject: [AppConfig], useFactory: (config: AppConfig) => new LoginThrottle(config.auth) },
  ],
  exports: [UsersService, AuthService, PasswordsService, UserAdministration, SignInSessions, SecondFactors, SignInUnlocks, CalendarLinks],
})
export class IdentityModule {}
