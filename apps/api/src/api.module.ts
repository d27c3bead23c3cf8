import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AdmissionModule } from '@near/admission';
import { AuditModule } from '@near/audit';
import { AppConfigModule, type LoadedConfig } from '@near/config';
import { DatabaseModule } from '@near/database';
import { DemoDataModule } from '@near/demo';
import { IdentityModule, UserDirectoryModule } from '@near/identity';
import { QueuesModule, RedisModule } from '@near/queue';
import { NotificationsModule } from '@near/notifications';
import { RegistryModule } from '@near/registry';
import { VotingModule } from '@near/voting';
import { ApplicationActionsController } from './applications/application-actions.controller.js';
import { ApplicationBallotController } from './applications/application-ballot.controller.js';
import { ApplicationLetterController } from './applications/application-letter.controller.js';
import { ApplicationAttachmentsController } from './applications/application-attachments.controller.js';
import { ApplicationReviewController } from './applications/application-review.controller.js';
import { ApplicationsController } from './applications/applications.controller.js';
import { AssembliesController } from './assemblies/assemblies.controller.js';
import { CalendarController } from './calendar/calendar.controller.js';
import { AuditEventsController } from './audit/audit-events.controller.js';
import { AuditNames } from './audit/audit-names.js';
import { NotificationsController } from './notifications/notifications.controller.js';
import { AccessGuard } from './auth/access.guard.js';
import { AuthController } from './auth/auth.controller.js';
import { PasswordsController } from './auth/passwords.controller.js';
import { UnlockController } from './auth/unlock.controller.js';
import { SessionsController } from './auth/sessions.controller.js';
import { TotpController } from './auth/totp.controller.js';
import { GovernmentsController } from './governments/governments.controller.js';
import { DocumentsModule } from '@near/documents';
import { DocumentsController } from './documents/documents.controller.js';
import { MinutesController } from './documents/minutes.controller.js';
import { PublicDecisionsController } from './documents/public-decisions.controller.js';
import { HealthController } from './health/health.controller.js';
import { ProblemDetailsFilter } from './http/problem-details.filter.js';
import { HttpLoggerModule } from './logging/http-logger.module.js';
import { LogController } from './log/log.controller.js';
import { ReceiptController } from './log/receipt.controller.js';
import { UserSecondFactorController } from './users/user-second-factor.controller.js';
import { UsersController } from './users/users.controller.js';

@Module({})
export class ApiModule {
  static forRoot(loaded: LoadedConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        AppConfigModule.forRoot(loaded),
        HttpLoggerModule,
        DatabaseModule,
        RedisModule,
        QueuesModule,
        RegistryModule,
        IdentityModule,
        UserDirectoryModule,
        AuditModule,
        AdmissionModule,
        VotingModule,
        NotificationsModule,
        DocumentsModule,
        ...(loaded.config.demoData ? [DemoDataModule] : []),
      ],
      controllers: [
        HealthController,
        AuthController,
        PasswordsController,
        UnlockController,
        SessionsController,
        TotpController,
        UsersController,
        UserSecondFactorController,
        GovernmentsController,
        ApplicationsController,
        ApplicationActionsController,
        ApplicationReviewController,
        ApplicationLetterController,
        ApplicationAttachmentsController,
        ApplicationBallotController,
        AssembliesController,
        CalendarController,
        AuditEventsController,
        NotificationsController,
        LogController,
        ReceiptController,
        DocumentsController,
        MinutesController,
        PublicDecisionsController,
      ],
      providers: [{ provide: APP_GUARD, useClass: AccessGuard }, { provide: APP_FILTER, useClass: ProblemDetailsFilter }, AuditNames],
    };
  }
}
