import { ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { Client as PgClient, Pool } from 'pg';
import { newPayloadKey } from '../../tools/stack/payload-keys';
import { freePort } from '../../tools/stack/ports';
import { SupervisedApp } from '../../tools/stack/processes';
import { RunningSmtpSink, startSmtpSink, SunkMail } from '../../tools/stack/smtp-sink';
import { RunningDevServer, startTemporalDevServer } from '../../tools/stack/temporal-dev-server';

const ROOT = resolve(__dirname, '../..');
const DIST = join(ROOT, 'dist');

/**
 * The product as it runs in production, with every server in reach of a test that breaks it: the
 * built worker and API as supervised child processes (restarted 1 s after they die, as `npm start`
 * does), and a Temporal dev server, an embedded PostgreSQL and an SMTP sink of this suite's own,
 * each of which can be stopped and started again on the same port and data. Nothing is shared with
 * the integration project's servers.
 */
export interface FaultStack {
  /** The API's address for `path`, e.g. `url('/health')`. */
  url(path: string): string;
  /** This suite's database (a pool, so it reconnects after PostgreSQL comes back). */
  db: Pool;
  /** A raw connection to this suite's Temporal server (payloads stay encrypted: the test needs none). */
  temporal: Connection;
  namespace: string;
  /** Every message the SMTP sink took, across its restarts. */
  mail: SunkMail[];
  /** The running worker's pid (undefined while it is down). */
  readonly workerPid: number | undefined;
  /** What the supervisor said (starts, unexpected exits, restarts). */
  supervisorLog: string[];
  /** Why the worker failed workflow tasks (a nondeterminism error, say), from its log. */
  failedWorkflowTasks(): string[];
  stopTemporal(): Promise<void>;
  startTemporal(): Promise<void>;
  stopPostgres(): Promise<void>;
  startPostgres(): Promise<void>;
  stopSmtp(): Promise<void>;
  startSmtp(): Promise<void>;
  close(): Promise<void>;
}

export async function startFaultStack(): Promise<FaultStack> {
  for (const built of ['apps/api/src/main.js', 'apps/worker/src/main.js', 'tools/prepare.js', 'workflow-bundle.js']) {
    if (!existsSync(join(DIST, built))) throw new Error(`dist/${built} is missing: run \`npm run build\` first (npm run test:faults does)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'sagsflow-faults-'));
  chmodSync(dir, 0o755); // the embedded postgres runs as the `postgres` user when we are root
  const ports = { temporal: await freePort(), postgres: await freePort(), smtp: await freePort(), api: await freePort() };
  const log = (message: string) => supervisorLog.push(message);
  const supervisorLog: string[] = [];

  // The same port and data on every start: a restart is the same server coming back.
  const temporalOptions = { port: ports.temporal, dbFilename: join(dir, 'temporal.db') };
  let temporal: RunningDevServer | undefined = await startTemporalDevServer(temporalOptions);
  let postgres: ChildProcess | undefined = await startPostgres(join(dir, 'postgres'), ports.postgres);
  const mail: SunkMail[] = [];
  const sink = async () => {
    const started = await startSmtpSink({ port: ports.smtp });
    started.events.on('mail', (message: SunkMail) => mail.push(message));
    return started;
  };
  let smtp: RunningSmtpSink | undefined = await sink();

  const databaseUrl = await createDatabase(`postgres://sagsflow:sagsflow@127.0.0.1:${ports.postgres}`, 'sagsflow');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    PORT: String(ports.api),
    PUBLIC_URL: `http://127.0.0.1:${ports.api}`,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_WORKFLOW_BUNDLE: join(DIST, 'workflow-bundle.js'),
    TEMPORAL_PAYLOAD_KEYS: newPayloadKey('faults1'),
    SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
    // The load is many users' worth from one address and one user; rate limits have their own test.
    RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
    RATE_LIMIT_INTAKE_PER_MINUTE: '100000',
  };
  await promisify(execFile)(process.execPath, [join(DIST, 'tools/prepare.js')], { env });

  const output = openSync(join(dir, 'apps.log'), 'a');
  const apps = (['worker', 'api'] as const).map(
    (name) => new SupervisedApp({ name, command: process.execPath, args: [join(DIST, 'apps', name, 'src', 'main.js')], env, log, output }),
  );
  apps.forEach((app) => app.start());
  const [worker] = apps;
  await untilHealthy(`http://127.0.0.1:${ports.api}/health`);

  const db = new Pool({ connectionString: databaseUrl, max: 4 });
  db.on('error', () => undefined); // idle connections die with PostgreSQL on purpose
  const connection = await Connection.connect({ address: temporal.address });
  return {
    url: (path) => `http://127.0.0.1:${ports.api}${path}`,
    db,
    temporal: connection,
    namespace: 'default',
    mail,
    get workerPid() {
      return worker.pid;
    },
    supervisorLog,
    failedWorkflowTasks: () =>
      [...readFileSync(join(dir, 'apps.log'), 'utf8').matchAll(/Failing workflow task .*?message: "([^"]*)"/g)].map((m) => m[1]),
    async stopTemporal() {
      await temporal?.stop();
      temporal = undefined;
    },
    async startTemporal() {
      temporal = await startTemporalDevServer(temporalOptions);
    },
    async stopPostgres() {
      await stopProcess(postgres);
      postgres = undefined;
    },
    async startPostgres() {
      postgres = await startPostgres(join(dir, 'postgres'), ports.postgres);
    },
    async stopSmtp() {
      await smtp?.stop(0);
      smtp = undefined;
    },
    async startSmtp() {
      smtp = await sink();
    },
    async close() {
      await Promise.all(apps.map((app) => app.stop(10_000)));
      closeSync(output);
      await db.end();
      await connection.close();
      await Promise.all([temporal?.stop(), stopProcess(postgres), smtp?.stop(0)]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The embedded PostgreSQL as a process of its own (tools/stack/postgres-server.ts), on the same data and port every time. */
async function startPostgres(dataDir: string, port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, [join(DIST, 'tools/stack/postgres-server.js'), dataDir, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stderr!.on('data', (chunk) => (output += chunk));
  const ready = new Promise<void>((resolve) => server.stdout!.on('data', (chunk) => String(chunk).includes('ready') && resolve()));
  const exited = once(server, 'exit').then(([code]) => {
    throw new Error(`PostgreSQL exited (${code}) before it was ready:\n${output}`);
  });
  await Promise.race([ready, exited]);
  exited.catch(() => undefined);
  return server;
}

/** SIGTERM (a fast shutdown of PostgreSQL: open connections are ended), resolving once it has exited. */
async function stopProcess(server: ChildProcess | undefined): Promise<void> {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = once(server, 'exit');
  server.kill('SIGTERM');
  await exited;
}

async function createDatabase(serverUrl: string, database: string): Promise<string> {
  const admin = new PgClient({ connectionString: `${serverUrl}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`).finally(() => admin.end());
  return `${serverUrl}/${database}`;
}

async function untilHealthy(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not report healthy within ${timeoutMs / 1000} s`);
}
