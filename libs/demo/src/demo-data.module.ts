import { Module } from '@nestjs/common';
import { IdentityModule } from '@near/identity';
import { RegistryModule } from '@near/registry';
import { DemoDataSeeder } from './demo-data.seeder.js';

@Module({
  imports: [IdentityModule, RegistryModule],
  providers: [DemoDataSeeder],
  exports: [DemoDataSeeder],
})
export class DemoDataModule {}
