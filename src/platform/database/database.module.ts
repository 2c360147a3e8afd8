import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import { ROOT_LOGGER, type RootLogger } from '../observability/logger.module.js';
import { databaseOptions } from './database-options.js';
import { guardPoolClients, pgPool } from './pg-pool.js';

const PG_CLIENT_GUARD = Symbol('PG_CLIENT_GUARD');

/** The app's PostgreSQL DataSource; entities come from each module's `forFeature`. Migrations run in main.ts. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        if (!config.databaseUrl)
          throw new Error('databaseUrl must be resolved (embedded PostgreSQL started) before the app is built');
        return {
          ...databaseOptions(config.databaseUrl, config.databasePoolSize),
          autoLoadEntities: true,
          retryAttempts: 3,
          retryDelay: 1000,
        };
      },
    }),
  ],
  providers: [
    {
      provide: PG_CLIENT_GUARD,
      inject: [DataSource, ROOT_LOGGER],
      useFactory: (dataSource: DataSource, logger: RootLogger) =>
        guardPoolClients(pgPool(dataSource), (error) =>
          logger.warn({ err: error, component: 'postgres' }, 'PostgreSQL connection error'),
        ),
    },
  ],
})
export class DatabaseModule {}
