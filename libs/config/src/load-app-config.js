import { ConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config.js';
import { validateEnvironment } from './environment.schema.js';
export async function loadAppConfig(options = {}) {
    let config;
    const module = await ConfigModule.forRoot({
        isGlobal: true,
        envFilePath: '.env',
        ignoreEnvFile: options.ignoreEnvFile ?? false,
        validate: (raw) => {
            const env = validateEnvironment({ ...raw, ...options.overrides });
            config = new AppConfig(env);
            return { ...env };
        },
    });
    return { config: config, module };
}
//# sourceMappingURL=load-app-config.js.map