export { AppConfig } from './app-config.js';
export { ConfigError } from './config-error.js';
export { loadAppConfig } from './load-app-config.js';
export { AppConfigModule } from './app-config.module.js';
//# sourceMappingURL=index.js.map