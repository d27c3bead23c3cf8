import { Module } from '@nestjs/common';
import { IdentityModule } from '@near/identity';
import { DemoDataSeeder } from './demo-data.seeder.js';

@Module({
  imports: [IdentityModule],
  providers: [DemoDataSeeder],
  exports: [DemoDataSeeder],
})
export class DemoDataModule {}
