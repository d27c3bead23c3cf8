// The typed, validated configuration: read once at boot, injected as AppConfig everywhere else.
export { AppConfig } from './app-config.js';
export { ConfigError } from './config-error.js';
export { loadAppConfig, loadDatabaseUrl, type LoadedConfig } from './load-app-config.js';
export { AppConfigModule } from './app-config.module.js';
