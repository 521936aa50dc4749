import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { assertPortFree, freePort } from '../../tools/stack/ports';
import { notificationBody } from '../support/fixtures';

/**
 * The product as `npm start` runs it (the built launcher, embedded PostgreSQL, the Temporal dev
 * server with its Web UI, worker and API as child processes), driven over HTTP only.
 */
const ROOT = resolve(__dirname, '../..');
const CPR = '240915-4567';
const NAME = 'Villads Kjærgaard';
const LAUNCHER = join(ROOT, 'dist/tools/start.js');

type Task = { id: string; caseId: string; kind: string };
const json = async <T>(response: Response | Promise<Response>): Promise<T> => (await (await response).json()) as T;

interface Launched {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

describe('npm start (built launcher)', () => {
  let dataDir: string;
  let ports: { api: number; temporal: number; ui: number; pg: number; smtp: number };
  const api = (path: string) => `http://127.0.0.1:${ports.api}${path}`;

  beforeAll(async () => {
    if (!existsSync(LAUNCHER)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    dataDir = mkdtempSync(join(tmpdir(), 'sagsflow-e2e-'));
    chmodSync(dataDir, 0o755);
    ports = { api: await freePort(), temporal: await freePort(), ui: await freePort(), pg: await freePort(), smtp: await freePort() };
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  function launch(): Promise<Launched> {
    // Debug logging: the most the apps ever log, for the privacy check below.
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'debug', SAGSFLOW_DATA_DIR: dataDir };
    delete env.SMTP_URL;
    delete env.DATABASE_URL;
    delete env.TEMPORAL_ADDRESS;
    Object.assign(env, {
      PORT: String(ports.api),
      TEMPORAL_PORT: String(ports.temporal),
      TEMPORAL_UI_PORT: String(ports.ui),
      EMBEDDED_PG_PORT: String(ports.pg),
      SMTP_SINK_PORT: String(ports.smtp),
    });
    const child = spawn(process.execPath, [LAUNCHER], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    return new Promise((resolveLaunch, reject) => {
      const timer = setInterval(() => {
        if (output.includes('Sagsflow is running')) {
          clearInterval(timer);
          resolveLaunch({ process: child, output: () => output, exited });
        }
      }, 200);
      void exited.then((code) => {
        clearInterval(timer);
        reject(new Error(`launcher exited early (${code}):\n${output}`));
      });
    });
  }

  async function stop(launched: Launched): Promise<void> {
    launched.process.kill('SIGINT');
    expect(await launched.exited).toBe(0);
    expect(launched.output()).toContain('[start] Stopped.');
  }

  /** Signs in through the development login, as a developer trying the product would. */
  async function bearer(username: string): Promise<{ authorization: string }> {
    const res = await fetch(api('/api/auth/dev-login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username }),
    });
    expect(res.status).toBe(200);
    return { authorization: `Bearer ${(await json<{ accessToken: string }>(res)).accessToken}` };
  }

  async function waitForTasks(auth: { authorization: string }): Promise<Task[]> {
    for (let i = 0; i < 100; i++) {
      const tasks = await json<Task[]>(fetch(api('/api/tasks'), { headers: auth }));
      if (tasks.length > 0) return tasks;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('no task appeared');
  }

  it('starts everything, runs the slice, and keeps the workflow and its task across a restart', async () => {
    const first = await launch();
    let workflowId: string;
    try {
      expect(first.output()).toContain(`Temporal Web   http://localhost:${ports.ui}`);
      // The web app's address comes first, and the API serves the app at / and at its deep links.
      expect(first.output().split('Sagsflow is running')[1].trim().split('\n')[2].trim()).toBe(`Sagsflow       http://localhost:${ports.api}/   ← open this`);
      for (const path of ['/', '/cases/00000000-0000-4000-8000-000000000000']) {
        const page = await fetch(api(path));
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('<html lang="da">');
      }
      const health = await fetch(api('/health'));
      expect(health.status).toBe(200);
      expect((await json<{ details: unknown }>(health)).details).toMatchObject({ database: { status: 'up' }, temporal: { status: 'up' } });
      expect((await fetch(`http://127.0.0.1:${ports.ui}/`)).status).toBe(200);
      const openapi = await json<{ paths: Record<string, unknown> }>(fetch(api('/api/docs/openapi.json')));
      expect(Object.keys(openapi.paths)).toEqual(
        expect.arrayContaining(['/api/notifications', '/api/tasks', '/api/tasks/{id}/complete', '/api/events', '/health']),
      );

      const auth = await bearer('reception1');
      const created = await fetch(api('/api/notifications'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify(notificationBody({ child: { cpr: CPR, name: NAME }, concern: `${NAME} (${CPR}) is left alone for days` })),
      });
      expect(created.status).toBe(201);
      const body = await json<{ id: string; workflowId: string; caseId: string }>(created);
      workflowId = body.workflowId;
      const [task] = await waitForTasks(auth);
      expect(task).toMatchObject({ kind: 'triage', caseId: body.caseId });
      // the development mail sink keeps what coordinators would receive
      const mails = () => (existsSync(join(dataDir, 'mail')) ? readdirSync(join(dataDir, 'mail')) : []);
      for (let i = 0; i < 100 && mails().length < 2; i++) await new Promise((r) => setTimeout(r, 100));
      expect(mails()).toHaveLength(2); // reception1 and reception2

      // Temporal Web is pointed at our codec, and what it would ask for decodes there.
      const settings = await json<{ Codec: { Endpoint: string } }>(fetch(`http://127.0.0.1:${ports.ui}/api/v1/settings`));
      expect(settings.Codec.Endpoint).toMatch(new RegExp(`^http://localhost:${ports.api}/codec/`));
      const connection = await Connection.connect({ address: `127.0.0.1:${ports.temporal}` });
      const history = await new Client({ connection }).workflow.getHandle(workflowId).fetchHistory();
      await connection.close();
      const input = history.events![0].workflowExecutionStartedEventAttributes!.input!.payloads![0];
      expect(Buffer.from(input.metadata!.encoding!).toString()).toBe('binary/encrypted');
      const decoded = await fetch(`${settings.Codec.Endpoint}/decode`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: `http://localhost:${ports.ui}`, 'x-namespace': 'default' },
        body: JSON.stringify({
          payloads: [{ metadata: { encoding: Buffer.from(input.metadata!.encoding!).toString('base64'), 'encryption-key-id': Buffer.from(input.metadata!['encryption-key-id']!).toString('base64') }, data: Buffer.from(input.data!).toString('base64') }],
        }),
      });
      expect(decoded.status).toBe(200);
      expect(decoded.headers.get('access-control-allow-origin')).toBe(`http://localhost:${ports.ui}`);
      const [plain] = (await json<{ payloads: { data: string }[] }>(decoded)).payloads;
      expect(JSON.parse(Buffer.from(plain.data, 'base64').toString())).toMatchObject({ notificationId: body.id });
    } finally {
      await stop(first);
    }

    const second = await launch();
    try {
      const tasks = await json<Task[]>(fetch(api('/api/tasks'), { headers: await bearer('reception2') }));
      expect(tasks).toHaveLength(1);
      const connection = await Connection.connect({ address: `127.0.0.1:${ports.temporal}` });
      // Raw describe: this test holds no payload key, and the memo is encrypted.
      const { workflowExecutionInfo } = await connection.workflowService.describeWorkflowExecution({
        namespace: 'default',
        execution: { workflowId: workflowId! },
      });
      await connection.close();
      expect(workflowExecutionInfo?.status).toBe(temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    } finally {
      await stop(second);
    }

    // Everything the launcher, PostgreSQL, Temporal, the worker and the API printed, at debug level.
    const logs = first.output() + second.output();
    expect(logs).toContain('"url":"/api/notifications"'); // the requests themselves were logged
    expect(logs).not.toContain(CPR);
    expect(logs).not.toContain(CPR.replace('-', ''));
    expect(logs).not.toContain(NAME);
    expect(logs).not.toContain('Kjærgaard');
    expect(logs).not.toMatch(/Bearer ey/);
  });

  it('restarts a worker that dies while the rest keeps running, and still stops cleanly', async () => {
    const launched = await launch();
    const pids = (app: string) =>
      [...launched.output().matchAll(new RegExp(`\\[start\\] ${app} running \\(pid (\\d+)\\)`, 'g'))].map((m) => Number(m[1]));
    try {
      const [worker] = pids('worker');
      expect(worker).toBeGreaterThan(0);
      process.kill(worker, 'SIGKILL');
      for (let i = 0; i < 100 && pids('worker').length < 2; i++) await new Promise((r) => setTimeout(r, 100));

      expect(launched.output()).toContain(
        '[start] worker exited unexpectedly (code none / signal SIGKILL); restarting in 1 s (restart #1)',
      );
      const restarted = pids('worker')[1];
      expect(restarted).toBeGreaterThan(0);
      expect(restarted).not.toBe(worker);
      expect(pids('api')).toHaveLength(1); // the API, PostgreSQL and Temporal were left alone
      expect(launched.output()).not.toContain('Stopping');
      expect((await fetch(api('/health'))).status).toBe(200);

      // Only the restarted worker can run the workflow that puts the triage task in the inbox.
      const auth = await bearer('reception1');
      const created = await fetch(api('/api/notifications'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify(notificationBody()),
      });
      expect(created.status).toBe(201);
      const { caseId } = await json<{ caseId: string }>(created);
      let task: Task | undefined;
      for (let i = 0; i < 150 && !task; i++) {
        task = (await json<Task[]>(fetch(api('/api/tasks'), { headers: auth }))).find((t) => t.caseId === caseId);
        if (!task) await new Promise((r) => setTimeout(r, 200));
      }
      expect(task).toMatchObject({ kind: 'triage', caseId });
    } finally {
      await stop(launched);
    }
    expect(launched.output()).not.toContain('did not stop');
    for (const [name, port] of Object.entries(ports)) await expect(assertPortFree(port, name)).resolves.toBeUndefined();
  });

  it('refuses to start an app with a malformed variable, naming it', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'dist/apps/api/src/main.js')], {
      env: { PATH: process.env.PATH, DATABASE_URL: 'mysql://nope', PORT: 'eighty' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL: must start with postgres://');
    expect(result.stderr).toContain('PORT:');
  });
});
