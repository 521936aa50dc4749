import { Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { AppConfig, ConfigError, loadConfig } from '../libs/config/src/config';
import { dataSourceOptions, runMigrations } from '../libs/persistence/src/data-source';
import { grantApplicationRole } from '../libs/persistence/src/database-roles';
import { seedDemoMunicipality } from '../libs/persistence/src/seed/demo-municipality';
import { temporalConnectionOptions } from '../libs/temporal/src/connection-options';
import { registerSearchAttributes } from '../libs/temporal/src/search-attribute-registration';

/**
 * Brings PostgreSQL and Temporal up to what this version needs: database migrations (as the
 * migration role), the application role's privileges, our custom search attributes and, outside
 * production, the demo municipality's staff. Idempotent; `npm start` runs it, and docker-compose
 * runs it once before the api and worker (`node dist/tools/prepare.js`).
 */
export async function prepare(config: AppConfig, log: (message: string) => void): Promise<void> {
  const applied = await runMigrations(config.MIGRATION_DATABASE_URL);
  log(applied.length ? `Migrations applied: ${applied.join(', ')}` : 'Database schema is up to date');
  // Granted here rather than by a migration: which role the apps connect as is the deployment's
  // choice, and granting anew after every run also covers tables a migration created without them.
  const role = await grantApplicationRole(config.MIGRATION_DATABASE_URL, config.DATABASE_URL);
  if (role.restricted) log(`Database role ${role.name} may read and write the tables, and only add to the audit log`);
  else if (config.NODE_ENV === 'production') {
    log(
      `Warning: the application connects as ${role.name}, which can act as the migration role: it could alter or disable ` +
        'the audit log. Set MIGRATION_DATABASE_URL to a role that owns the schema, and DATABASE_URL to one that owns nothing.',
    );
  }
  if (config.DEMO_DATA) {
    const dataSource = await new DataSource(dataSourceOptions(config.DATABASE_URL)).initialize();
    const seeded = await seedDemoMunicipality(dataSource).finally(() => dataSource.destroy());
    if (seeded) log(`Demo municipality seeded (${seeded} users)`);
  }
  const connection = await Connection.connect(temporalConnectionOptions(config));
  try {
    const registered = await registerSearchAttributes(connection, config.TEMPORAL_NAMESPACE);
    log(registered.length ? `Search attributes registered: ${registered.join(', ')}` : 'Search attributes are registered');
  } finally {
    await connection.close();
  }
}

if (require.main === module) {
  prepare(loadConfig(), (message) => console.log(`[prepare] ${message}`)).catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
