export { DemoDataModule } from './demo-data.module.js';
export { DemoDataSeeder, DEMO_LOGINS } from './demo-data.seeder.js';
export { demoBanner } from './demo-banner.js';
//# sourceMappingURL=index.js.map