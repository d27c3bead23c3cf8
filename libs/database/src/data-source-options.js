import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';
export function dataSourceOptions(url, poolSize = 10) {
    return {
        type: 'postgres',
        url,
        entities: [...ENTITIES],
        migrations: [...MIGRATIONS],
        migrationsTableName: 'schema_migrations',
        migrationsTransactionMode: 'each',
        synchronize: false,
        migrationsRun: false,
        logging: ['error', 'warn', 'migration'],
        extra: {
            max: poolSize,
            connectionTimeoutMillis: 3000,
            application_name: 'near-admission',
        },
    };
}
//# sourceMappingURL=data-source-options.js.map