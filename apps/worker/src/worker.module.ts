import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { pinoOptions } from '@near/common';
import { AppConfig, AppConfigModule, type LoadedConfig } from '@near/config';
import { DatabaseModule } from '@near/database';
import { AdmissionModule } from '@near/admission';
import { AuditModule } from '@near/audit';
import { DocumentIssuingModule } from '@near/documents/issuing';
import { VotingModule } from '@near/voting';
import { NotificationDeliveryModule } from '@near/notifications/delivery';
import { QueuesModule, RedisModule } from '@near/queue';
import { NotificationsProcessor } from './processors/notifications.processor.js';
import { WrittenProceduresProcessor } from './processors/written-procedures.processor.js';
import { ScheduleKeeper } from './schedules/schedule-keeper.js';
import { WrittenProcedureSchedule } from './schedules/written-procedure-schedule.js';
import { LogIntegrationSchedule } from './schedules/log-integration-schedule.js';
import { TransparencyLogProcessor } from './processors/transparency-log.processor.js';
import { RemindersProcessor } from './processors/reminders.processor.js';
import { ReminderSchedule } from './schedules/reminder-schedule.js';
import { DocumentsProcessor } from './processors/documents.processor.js';
import { DocumentSchedule } from './schedules/document-schedule.js';

/** The worker: no HTTP, only queue consumers. */
@Module({})
export class WorkerModule {
  static forRoot(loaded: LoadedConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(loaded),
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({ pinoHttp: pinoOptions(config.log, 'worker') }),
        }),
        DatabaseModule,
        RedisModule,
        QueuesModule,
        AdmissionModule,
        AuditModule,
        VotingModule,
        NotificationDeliveryModule,
        DocumentIssuingModule,
      ],
      providers: [
        WrittenProceduresProcessor,
        NotificationsProcessor,
        TransparencyLogProcessor,
        RemindersProcessor,
        DocumentsProcessor,
        WrittenProcedureSchedule,
        ReminderSchedule,
        DocumentSchedule,
        LogIntegrationSchedule,
        ScheduleKeeper,
      ],
    };
  }
}
