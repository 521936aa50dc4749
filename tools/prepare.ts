import { Connection } from '@temporalio/client';
import { AppConfig, ConfigError, loadConfig } from '../libs/config/src/config';
import { runMigrations } from '../libs/persistence/src/data-source';
import { registerSearchAttributes } from '../libs/temporal/src/search-attribute-registration';

/**
 * Brings PostgreSQL and Temporal up to what this version needs: database migrations and our
 * custom search attributes. Idempotent; `npm start` runs it, and docker-compose runs it once
 * before the api and worker (`node dist/tools/prepare.js`).
 */
export async function prepare(config: AppConfig, log: (message: string) => void): Promise<void> {
  const applied = await runMigrations(config.DATABASE_URL);
  log(applied.length ? `Migrations applied: ${applied.join(', ')}` : 'Database schema is up to date');
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
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
