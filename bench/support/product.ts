import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { freePort } from '../../tools/stack/ports';

/**
 * The whole product exactly as a new user starts it (`npm start`'s launcher, from `dist/`), on a
 * throw-away data folder and free ports, so a benchmark measures what a municipality would run.
 */
export interface RunningProduct {
  apiUrl: string;
  db: PgClient;
  temporal: Client;
  /** Resident set size in bytes of the worker, the API and the Temporal server right now. */
  rss(): { worker: number; api: number; temporal: number };
  /** Bytes of the Temporal server's SQLite files. */
  temporalDbBytes(): number;
  token(username: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startProduct(env: Record<string, string> = {}): Promise<RunningProduct> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sagsflow-bench-'));
  chmodSync(dataDir, 0o755); // PostgreSQL runs as its own user when we are root
  const ports = { api: await freePort(), pg: await freePort(), temporal: await freePort(), ui: await freePort(), smtp: await freePort() };
  const launcher = spawn(process.execPath, [resolve(__dirname, '../../tools/start.js')], {
    env: {
      ...process.env,
      SAGSFLOW_DATA_DIR: dataDir,
      PORT: String(ports.api),
      EMBEDDED_PG_PORT: String(ports.pg),
      TEMPORAL_PORT: String(ports.temporal),
      TEMPORAL_UI_PORT: String(ports.ui),
      SMTP_SINK_PORT: String(ports.smtp),
      LOG_LEVEL: 'warn',
      RATE_LIMIT_INTAKE_PER_MINUTE: '1000000',
      RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A benchmark stopped with Ctrl-C (or killed) takes its product down with it.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopLauncher(launcher).then(() => process.exit(130)));
  process.once('exit', () => launcher.kill('SIGINT'));
  let output = '';
  launcher.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  launcher.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((ready, fail) => {
    const timer = setInterval(() => {
      if (output.includes('Sagsflow is running')) {
        clearInterval(timer);
        ready();
      }
    }, 200);
    launcher.once('exit', (code) => {
      clearInterval(timer);
      fail(new Error(`the launcher exited (${code}) before the product was up:\n${output}`));
    });
  });
  const apiUrl = `http://127.0.0.1:${ports.api}`;
  const temporalAddress = `127.0.0.1:${ports.temporal}`;
  const db = new PgClient({ connectionString: `postgres://sagsflow:sagsflow@127.0.0.1:${ports.pg}/sagsflow` });
  await db.connect();
  const connection = await Connection.connect({ address: temporalAddress });
  return {
    apiUrl,
    db,
    temporal: new Client({ connection }),
    rss: () => ({
      worker: rssOf(descendant(launcher.pid!, /apps\/worker\/src\/main\.js/)),
      api: rssOf(descendant(launcher.pid!, /apps\/api\/src\/main\.js/)),
      temporal: rssOf(descendant(launcher.pid!, /temporal.*(start-dev|server)/)),
    }),
    temporalDbBytes: () =>
      ['temporal.db', 'temporal.db-wal'].reduce((sum, file) => sum + (statSync(join(dataDir, file), { throwIfNoEntry: false })?.size ?? 0), 0),
    async token(username) {
      const res = await fetch(`${apiUrl}/api/auth/dev-login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username }),
      });
      return ((await res.json()) as { accessToken: string }).accessToken;
    },
    async stop() {
      await db.end().catch(() => undefined);
      await connection.close().catch(() => undefined);
      await stopLauncher(launcher);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function stopLauncher(launcher: ChildProcess): Promise<void> {
  if (launcher.exitCode !== null) return;
  const exited = new Promise<void>((done) => launcher.once('exit', () => done()));
  launcher.kill('SIGINT');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 60_000))]);
  if (launcher.exitCode === null) launcher.kill('SIGKILL');
}

/** The first process below `root` whose command line matches. */
function descendant(root: number, command: RegExp): number | undefined {
  const parents = new Map<number, number>();
  const commands = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      commands.set(Number(entry), readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' '));
    } catch {
      // the process ended while we looked
    }
  }
  const isBelow = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (p === root) return true;
    return false;
  };
  return [...commands.entries()].find(([pid, cmd]) => command.test(cmd) && isBelow(pid))?.[0];
}

function rssOf(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}
