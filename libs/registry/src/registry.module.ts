import { Module } from '@nestjs/common';
import { AuditModule } from '@near/audit';
import { GovernmentsService } from './governments.service.js';

@Module({
  imports: [AuditModule],
  providers: [GovernmentsService],
  exports: [GovernmentsService],
})
export class RegistryModule {}
