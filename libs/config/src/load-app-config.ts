import type { DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config.js';
import { validateEnvironment } from './environment.schema.js';

export interface LoadedConfig {
  config: AppConfig;
  /** The global @nestjs/config module holding the validated variables, to import into an app. */
  module: DynamicModule;
}

/**
 * Reads `.env` (unless told not to) and the process environment, validates them once and returns
 * the typed configuration. Rejects with a ConfigError whose message is the one line to print.
 */
export async function loadAppConfig(
  options: { overrides?: Record<string, string | undefined>; ignoreEnvFile?: boolean } = {},
): Promise<LoadedConfig> {
  let config: AppConfig | undefined;
  const module = await ConfigModule.forRoot({
    isGlobal: true,
    envFilePath: '.env',
    ignoreEnvFile: options.ignoreEnvFile ?? false,
    validate: (raw) => {
      const env = validateEnvironment({ ...raw, ...options.overrides });
      config = new AppConfig(env);
      // AppConfig is the one view of the configuration. Returning nothing here keeps @nestjs/config from
      // copying defaults, secrets and test overrides into process.env, where a later load would find them.
      return {};
    },
  });
  return { config: config!, module };
}

/**
 * The database's address alone, for the commands run as the database's owner (migrations, grants, the audit
 * check): they need none of the secrets the API and the worker need, and are not given them. Reads `.env` and
 * the environment as loadAppConfig does; a variable that is set must still be valid.
 */
export async function loadDatabaseUrl(): Promise<string> {
  let url: string | undefined;
  await ConfigModule.forRoot({
    envFilePath: '.env',
    validate: (raw) => {
      url = validateEnvironment(raw, 'database').DATABASE_URL;
      return {};
    },
  });
  return url!;
}
