import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/** Options shared by the app's DataSource, the migration runner and the test setup. */
export function databaseOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    // Statements taking a batch as arrays are sent unnamed (planned for each batch), named ones take
    // single values and keep a generic plan per connection: see test/plan-cache.e2e-spec.ts.
    extra: { max: poolSize, application_name: 'flowhook' },
  };
}
