import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** One definition of how we talk to PostgreSQL, used by the apps, the launcher, the CLI and tests. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
  };
}

export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** For the TypeORM CLI (`npm run migration:run`), as the migration role (README "Two database roles"). */
export default new DataSource(dataSourceOptions(process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://localhost/sagsflow'));
