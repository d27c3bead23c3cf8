import { Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { AppConfig } from '@near/config';
import { dataSourceOptions } from './data-source-options.js';
import { runMigrationsUnderLock } from './run-migrations.js';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.database.url),
        migrationsRun: config.database.migrationsRun,
        // Each lib registers the entities of the tables it owns (TypeOrmModule.forFeature in its module).
        autoLoadEntities: true,
        retryAttempts: 0,
      }),
      // Our own runner replaces TypeORM's migrationsRun so that it holds the advisory lock, and it runs
      // before any provider can query, so every module starts on the current schema.
      dataSourceFactory: async (options) => {
        const { migrationsRun, ...rest } = options as DataSourceOptions;
        const dataSource = await new DataSource({ ...rest, migrationsRun: false } as DataSourceOptions).initialize();
        if (migrationsRun) {
          // One line from the process that applied them; the others, which waited for the lock, found none.
          const applied = await runMigrationsUnderLock(dataSource);
          if (applied.length > 0) new Logger('Migrations').log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
        }
        return dataSource;
      },
    }),
  ],
})
export class DatabaseModule {}
