import { randomBytes } from 'node:crypto';
import { INestApplication, INestApplicationContext, Module, Provider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { Client as PgClient } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CaseworkModule, ProcessOutboxModule } from '@sagsflow/casework';
import { AppConfig, ConfigModule, loadConfig } from '@sagsflow/config';
import { dataSourceOptions, PersistenceModule, runMigrations, seedDemoMunicipality } from '@sagsflow/persistence';
import { dataConverterFor, registerSearchAttributes, TemporalClientModule } from '@sagsflow/temporal';
import { createApi } from '../../apps/api/src/bootstrap';
import { TemporalWorkerService } from '../../apps/worker/src/temporal-worker.service';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { grantApplicationRole } from '../../libs/persistence/src/database-roles';
import { newPayloadKey } from '../../tools/stack/payload-keys';
import { freePort } from '../../tools/stack/ports';
import { ensureApplicationRole } from '../../tools/stack/postgres';
import { RunningSmtpSink, startSmtpSink } from '../../tools/stack/smtp-sink';
import { stackValue } from './stack-env';
import { runBundlePath } from './workflow-bundle';

/**
 * A suite's own slice of the shared stack: a fresh database with migrations applied and the demo
 * municipality seeded, a fresh Temporal namespace with our search attributes, and an SMTP sink
 * that catches its e-mail. Nothing leaks between suites. As in production, the apps connect as the
 * application role (`config.DATABASE_URL`), which owns nothing and may only add to the audit log;
 * the server's own user migrates (`config.MIGRATION_DATABASE_URL`).
 */
export interface SuiteStack {
  config: AppConfig;
  temporal: Client;
  /** The suite's own look into the database, as the migration role: it may also inject faults. */
  db: PgClient;
  mail: RunningSmtpSink;
  close(): Promise<void>;
}

export interface SuiteTemporal {
  /** Another Temporal server (the time-skipping one) instead of the shared dev server. */
  address: string;
  /** A namespace that already exists there. */
  namespace: string;
}

export async function createSuiteStack(
  overrides: Partial<Record<keyof AppConfig, string>> = {},
  temporalServer?: SuiteTemporal,
): Promise<SuiteStack> {
  const id = randomBytes(4).toString('hex');
  const adminUrl = new URL(stackValue('postgresAdminUrl'));
  const database = `sagsflow_test_${id}`;
  const admin = new PgClient({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const migrationUrl = Object.assign(new URL(adminUrl.toString()), { pathname: `/${database}` }).toString();
  const databaseUrl = await ensureApplicationRole(adminUrl.toString(), database);
  await runMigrations(migrationUrl);
  await grantApplicationRole(migrationUrl, databaseUrl);
  const seeding = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  await seedDemoMunicipality(seeding).finally(() => seeding.destroy());
  const mail = await startSmtpSink({ port: await freePort() });

  const address = temporalServer?.address ?? stackValue('temporalAddress');
  const namespace = temporalServer?.namespace ?? `suite-${id}`;
  const connection = await Connection.connect({ address });
  if (!temporalServer) await createNamespace(connection, namespace);

  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    MIGRATION_DATABASE_URL: migrationUrl,
    TEMPORAL_ADDRESS: address,
    TEMPORAL_NAMESPACE: namespace,
    TEMPORAL_TASK_QUEUE: `queue-${id}`,
    TEMPORAL_WORKFLOW_BUNDLE: runBundlePath(),
    SMTP_URL: mail.url,
    TEMPORAL_PAYLOAD_KEYS: newPayloadKey('test1'),
    // Suites sign in and register notifications far faster than people do; rate limits have their own test.
    RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
    RATE_LIMIT_INTAKE_PER_MINUTE: '100000',
    ...overrides,
  });
  const db = new PgClient({ connectionString: migrationUrl });
  db.on('error', () => undefined); // a suite may drop its own database on purpose
  await db.connect();
  return {
    config,
    temporal: new Client({ connection, namespace, dataConverter: dataConverterFor(config) }),
    db,
    mail,
    async close() {
      await db.end();
      await connection.close();
      await mail.stop();
    },
  };
}

async function createNamespace(connection: Connection, namespace: string): Promise<void> {
  await connection.workflowService.registerNamespace({
    namespace,
    workflowExecutionRetentionPeriod: msToTs('1 day'),
  });
  // The frontend learns of a new namespace through its registry cache: wait until it answers.
  for (let attempt = 0; ; attempt++) {
    try {
      await registerSearchAttributes(connection, namespace);
      await connection.workflowService.listWorkflowExecutions({ namespace, pageSize: 1 });
      return;
    } catch (error) {
      if (attempt > 100) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** The worker app exactly as `apps/worker` runs it. */
export async function startWorker(config: AppConfig): Promise<INestApplicationContext & { stop(): Promise<void> }> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error', 'warn'] });
  await app.init();
  const running = app.get(TemporalWorkerService).running;
  return Object.assign(app, {
    async stop() {
      await app.close();
      await running;
    },
  });
}

/** The casework services and the given providers on a suite's stack: no HTTP, no Temporal worker (a lazy Temporal client, for the outbox). */
export async function startCasework(config: AppConfig, providers: Provider[]): Promise<INestApplicationContext> {
  @Module({
    imports: [ConfigModule.forRoot(config), PersistenceModule.forRoot(config.DATABASE_URL), CaseworkModule, TemporalClientModule, ProcessOutboxModule],
    providers,
  })
  class CaseworkTestModule {}
  const app = await NestFactory.createApplicationContext(CaseworkTestModule, { logger: false });
  await app.init();
  return app;
}

/** The API exactly as `apps/api` runs it, listening on a free port. */
export async function startApi(config: AppConfig): Promise<INestApplication> {
  const app = await createApi(config);
  await app.listen(0, '127.0.0.1');
  return app;
}

/** A bearer token for a demo user, from the development login. */
export async function login(api: INestApplication, username: string): Promise<string> {
  const res = await request(api.getHttpServer()).post('/api/auth/dev-login').send({ username }).expect(200);
  return res.body.accessToken;
}

export { waitFor } from './wait';

/** Requests as a signed-in demo user. */
export interface SignedInRequests {
  get(path: string): request.Test;
  post(path: string, body?: object, headers?: Record<string, string>): request.Test;
  put(path: string, body?: object): request.Test;
  patch(path: string, body?: object): request.Test;
}

/** A suite's whole product: its stack, the worker, the API, and demo users signed in. */
export interface OpenSuite {
  stack: SuiteStack;
  worker: INestApplicationContext;
  api: INestApplication;
  tokens: Record<string, string>;
  as(user: string): SignedInRequests;
  close(): Promise<void>;
}

export async function openSuite(users: string[], overrides: Parameters<typeof createSuiteStack>[0] = {}): Promise<OpenSuite> {
  const stack = await createSuiteStack(overrides);
  const worker = await startWorker(stack.config);
  const api = await startApi(stack.config);
  const tokens: Record<string, string> = {};
  for (const user of users) tokens[user] = await login(api, user);
  return {
    stack,
    worker,
    api,
    tokens,
    as: (user) => ({
      get: (path) => request(api.getHttpServer()).get(path).auth(tokens[user], { type: 'bearer' }),
      post: (path, body = {}, headers = {}) =>
        request(api.getHttpServer()).post(path).auth(tokens[user], { type: 'bearer' }).set(headers).send(body),
      put: (path, body = {}) => request(api.getHttpServer()).put(path).auth(tokens[user], { type: 'bearer' }).send(body),
      patch: (path, body = {}) => request(api.getHttpServer()).patch(path).auth(tokens[user], { type: 'bearer' }).send(body),
    }),
    async close() {
      await settledWithin('the API', api.close());
      await settledWithin('the worker', worker.stop());
      await stack.close();
    },
  };
}

/**
 * Waits for an app to shut down, at most 30 s. One that takes longer is reported, not waited for
 * for ever, so the suite still releases its database, Temporal connection and SMTP sink, and
 * jest can end.
 */
async function settledWithin(what: string, closing: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), 30_000)));
  const outcome = await Promise.race([closing.then(() => 'closed' as const), late]).finally(() => clearTimeout(timer));
  if (outcome === 'late') console.error(`[suite] ${what} did not shut down within 30 s`);
}
