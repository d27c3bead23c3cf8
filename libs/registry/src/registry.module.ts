import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@near/audit';
import { GovernmentsService } from './governments.service.js';
import { REGISTRY_ENTITIES } from './registry.entities.js';

@Module({
  imports: [TypeOrmModule.forFeature([...REGISTRY_ENTITIES]), AuditModule],
  providers: [GovernmentsService],
  exports: [GovernmentsService],
})
export class RegistryModule {}
