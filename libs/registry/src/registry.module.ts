import { Module } from '@nestjs/common';
import { GovernmentsService } from './governments.service.js';

@Module({
  providers: [GovernmentsService],
  exports: [GovernmentsService],
})
export class RegistryModule {}
