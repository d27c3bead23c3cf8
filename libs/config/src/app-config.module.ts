import { type DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from './app-config.js';
import type { LoadedConfig } from './load-app-config.js';

@Module({})
export class AppConfigModule {
  static forRoot(loaded: LoadedConfig): DynamicModule {
    return {
      module: AppConfigModule,
      global: true,
      imports: [loaded.module],
      providers: [{ provide: AppConfig, useValue: loaded.config }],
      exports: [AppConfig],
    };
  }
}
