// Demo data for a development system: users for every role and the past General Assemblies. Never in production.
export { DemoDataModule } from './demo-data.module.js';
export { DemoDataSeeder, DEMO_LOGINS } from './demo-data.seeder.js';
export { demoBanner } from './demo-banner.js';
