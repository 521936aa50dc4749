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
  const supervisorLog: string[] = [];
  const mail: SunkMail[] = [];
  const output = openSync(join(dir, 'apps.log'), 'a');
  // What is running now; a server that is stopped on purpose is undefined until it starts again.
  const running: { temporal?: RunningDevServer; postgres?: ChildProcess; smtp?: RunningSmtpSink; apps: SupervisedApp[]; db?: Pool; connection?: Connection } = { apps: [] };
  const stopAll = async () => {
    await Promise.all(running.apps.map((app) => app.stop(10_000)));
    await running.db?.end();
    await running.connection?.close();
    await Promise.all([running.temporal?.stop(), stopProcess(running.postgres), running.smtp?.stop(0)]);
    closeSync(output);
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    // Each port is taken just before its server starts (the Temporal dev server takes more ports of
    // its own), and kept: a restart is the same server coming back, on the same data.
    const temporalOptions = { port: await freePort(), dbFilename: join(dir, 'temporal.db') };
    running.temporal = await startTemporalDevServer(temporalOptions);
    const postgresArgs = [join(dir, 'postgres'), await freePort()] as const;
    running.postgres = await startPostgres(...postgresArgs);
    const smtpPort = await freePort();
    const sink = async () => {
      const started = await startSmtpSink({ port: smtpPort });
      started.events.on('mail', (message: SunkMail) => mail.push(message));
      return started;
    };
    running.smtp = await sink();

    const databaseUrl = await createDatabase(`postgres://sagsflow:sagsflow@127.0.0.1:${postgresArgs[1]}`, 'sagsflow');
    const apiPort = await freePort();
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      PORT: String(apiPort),
      PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: running.temporal.address,
      TEMPORAL_WORKFLOW_BUNDLE: join(DIST, 'workflow-bundle.js'),
      TEMPORAL_PAYLOAD_KEYS: newPayloadKey('faults1'),
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      // The load is many users' worth from one address and one user; rate limits have their own test.
      RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
      RATE_LIMIT_INTAKE_PER_MINUTE: '100000',
    };
    await promisify(execFile)(process.execPath, [join(DIST, 'tools/prepare.js')], { env });

    const log = (message: string) => supervisorLog.push(message);
    running.apps = (['worker', 'api'] as const).map(
      (name) => new SupervisedApp({ name, command: process.execPath, args: [join(DIST, 'apps', name, 'src', 'main.js')], env, log, output }),
    );
    running.apps.forEach((app) => app.start());
    const [worker] = running.apps;
    const url = (path: string) => `http://127.0.0.1:${apiPort}${path}`;
    await untilHealthy(url('/health'));

    running.db = new Pool({ connectionString: databaseUrl, max: 4 });
    running.db.on('error', () => undefined); // idle connections die with PostgreSQL on purpose
    running.connection = await Connection.connect({ address: running.temporal.address });
    return {
      url,
      db: running.db,
      temporal: running.connection,
      namespace: 'default',
      mail,
      get workerPid() {
        return worker.pid;
      },
      supervisorLog,
      failedWorkflowTasks: () =>
        [...readFileSync(join(dir, 'apps.log'), 'utf8').matchAll(/Failing workflow task .*?message: "([^"]*)"/g)].map((m) => m[1]),
      async stopTemporal() {
        await running.temporal?.stop();
        running.temporal = undefined;
      },
      async startTemporal() {
        running.temporal = await startTemporalDevServer(temporalOptions);
      },
      async stopPostgres() {
        await stopProcess(running.postgres);
        running.postgres = undefined;
      },
      async startPostgres() {
        running.postgres = await startPostgres(...postgresArgs);
      },
      async stopSmtp() {
        await running.smtp?.stop(0);
        running.smtp = undefined;
      },
      async startSmtp() {
        running.smtp = await sink();
      },
      close: stopAll,
    };
  } catch (error) {
    // Nothing of a stack that did not come up is left running.
    await stopAll();
    throw error;
  }
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
