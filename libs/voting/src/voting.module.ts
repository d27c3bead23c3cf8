import { Module } from '@nestjs/common';
import { AuditModule } from '@near/audit';
import { AssembliesService } from './assemblies.service.js';

@Module({
  imports: [AuditModule],
  providers: [AssembliesService],
  exports: [AssembliesService],
})
export class VotingModule {}
