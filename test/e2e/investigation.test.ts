import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { investigationDueAt } from '@sagsflow/domain';
import { freePort } from '../../tools/stack/ports';
import { childCpr, notificationBody } from '../support/fixtures';

/**
 * A notification through to a preventive measure on the product as `npm start` runs it, over HTTP
 * only: triage `investigation` → hand-over accepted → the investigation starts by itself → its
 * steps done → concluded `preventive-measure` → the measure runs; the case's timeline shows each step.
 */
const ROOT = resolve(__dirname, '../..');
const LAUNCHER = join(ROOT, 'dist/tools/start.js');

type Task = { id: string; caseId: string; kind: string; assignee: string | null };
type Json = Record<string, unknown>;

describe('notification → investigation → preventive measure (built launcher)', () => {
  let dataDir: string;
  let launcher: ChildProcess;
  let output = '';
  let port: number;
  const api = (path: string) => `http://127.0.0.1:${port}${path}`;

  beforeAll(async () => {
    if (!existsSync(LAUNCHER)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    dataDir = mkdtempSync(join(tmpdir(), 'sagsflow-e2e-'));
    chmodSync(dataDir, 0o755);
    port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', SAGSFLOW_DATA_DIR: dataDir };
    for (const name of ['SMTP_URL', 'DATABASE_URL', 'TEMPORAL_ADDRESS']) delete env[name];
    Object.assign(env, {
      PORT: String(port),
      TEMPORAL_PORT: String(await freePort()),
      TEMPORAL_UI_PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freePort()),
      SMTP_SINK_PORT: String(await freePort()),
    });
    launcher = spawn(process.execPath, [LAUNCHER], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    launcher.stdout!.on('data', (d) => (output += d));
    launcher.stderr!.on('data', (d) => (output += d));
    for (let i = 0; i < 900 && !output.includes('Sagsflow is running'); i++) {
      if (launcher.exitCode !== null) throw new Error(`launcher exited early:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    if (!output.includes('Sagsflow is running')) throw new Error(`launcher did not start:\n${output}`);
  });

  afterAll(async () => {
    if (launcher && launcher.exitCode === null) {
      const exited = new Promise((r) => launcher.once('exit', r));
      launcher.kill('SIGINT');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  const tokens = new Map<string, string>();
  async function as(username: string): Promise<{ authorization: string }> {
    if (!tokens.has(username)) {
      const res = await fetch(api('/api/auth/dev-login'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username }) });
      expect(res.status).toBe(200);
      tokens.set(username, ((await res.json()) as { accessToken: string }).accessToken);
    }
    return { authorization: `Bearer ${tokens.get(username)}` };
  }
  async function call<T = Json>(username: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(api(path), { method, headers: { 'content-type': 'application/json', ...(await as(username)) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }
  /** Polls until `find` returns something: the processes move on their own, a moment after each request. */
  async function until<T>(what: string, find: () => Promise<T | undefined>): Promise<T> {
    for (let i = 0; i < 150; i++) {
      const found = await find();
      if (found !== undefined) return found;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`Timed out waiting for ${what}`);
  }
  const taskOf = (username: string, caseId: string, kind: string) =>
    until(`a ${kind} task`, async () => (await call<Task[]>(username, 'GET', '/api/tasks?scope=agency')).body.find((t) => t.caseId === caseId && t.kind === kind));
  async function complete(caseId: string, kind: string, outcome: Json, by = 'caseworker1'): Promise<void> {
    const task = await taskOf(by, caseId, kind);
    const res = await call(task.assignee ?? by, 'POST', `/api/tasks/${task.id}/complete`, { outcome });
    expect({ kind, status: res.status }).toEqual({ kind, status: 200 });
  }

  it('runs the whole path, and the case shows the investigation, the measure and every step', async () => {
    // A child of 8: under 15, so the parents' involvement asks for no young person's own view.
    const created = await call<{ caseId: string; id: string }>('reception1', 'POST', '/api/notifications', notificationBody({ child: { cpr: childCpr(8) } }));
    expect(created.status).toBe(201);
    const { caseId } = created.body;
    const receivedAt = (await call<{ notifications: { receivedAt: string }[] }>('reception1', 'GET', `/api/cases/${caseId}`)).body.notifications[0].receivedAt;

    await complete(caseId, 'triage', { decision: 'investigation' }, 'reception1');
    await complete(caseId, 'accept-handover', { decision: 'accept' });

    // Nobody starts it: the accepted hand-over does, with the deadline from the notification's receipt.
    const investigation = await until('the investigation', async () => {
      const found = (await call<{ investigations: Json[] }>('caseworker1', 'GET', `/api/cases/${caseId}`)).body.investigations?.[0];
      return found?.status === 'open' ? found : undefined;
    });
    expect(investigation.dueAt).toBe(investigationDueAt(new Date(receivedAt)).toISOString());
    const twice = await call('caseworker1', 'POST', `/api/cases/${caseId}/investigations`, { reason: 'endnu en' });
    expect(twice.status).toBe(409);

    await complete(caseId, 'investigation-child-conversation', { heldOn: '2026-11-20', place: 'skolen', present: 'barnet og rådgiver', childView: 'vil gerne have hjælp' });
    await complete(caseId, 'parent-involvement', { heldOn: '2026-11-21', parentsView: 'ønsker støtte' });
    await complete(caseId, 'network-mapping', { network: 'mormor og træner', familyGroupConferenceOffered: false });
    await complete(caseId, 'professional-statements', { summary: 'skolen er bekymret', schoolingNeeds: false, healthExaminationNeeded: false });
    await complete(caseId, 'siblings-considered', { consideration: 'ingen søskende' });
    await complete(caseId, 'investigation-conclusion', { decision: 'preventive-measure', conclusion: 'støtte i hjemmet', measureType: 'family-treatment', goal: 'trygge rammer' });

    const view = await until('the measure running', async () => {
      const { body } = await call<{ investigations: Json[]; measures: Json[]; timeline: { type: string; data: Json }[] }>('caseworker1', 'GET', `/api/cases/${caseId}`);
      const measure = body.measures.find((m) => m.type === 'family-treatment');
      return measure?.nextFollowUpAt ? { ...body, measure } : undefined;
    });
    expect(view.investigations[0]).toMatchObject({ status: 'concluded', decision: 'preventive-measure' });
    expect(view.measure).toMatchObject({ status: 'open', goal: 'trygge rammer', workflowId: expect.stringMatching(/^measure-/) });
    expect(view.measure.planDueAt).toEqual(expect.any(String));
    const types = view.timeline.map((e) => e.type);
    for (const type of ['triage.decided', 'handover.requested', 'handover.accepted', 'owner.changed', 'investigation.started', 'investigation.concluded', 'measure.started']) {
      expect(types).toContain(type);
    }
    const steps = view.timeline.filter((e) => e.type === 'investigation.step-done').map((e) => e.data.step);
    expect(steps.sort()).toEqual(['child-conversation', 'network-mapping', 'parent-involvement', 'professional-statements', 'siblings']);
    expect(types.indexOf('investigation.started')).toBeGreaterThan(types.indexOf('handover.accepted'));
    expect(types.indexOf('measure.started')).toBeGreaterThan(types.indexOf('investigation.concluded'));

    // Both processes are on their maps, where the case page draws them.
    const processes = (await call<{ kind: string; status: string; active: string[] }[]>('caseworker1', 'GET', `/api/cases/${caseId}/processes`)).body;
    expect(processes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'investigation', status: 'completed' }),
        expect.objectContaining({ kind: 'preventive-measure', status: 'running', active: expect.arrayContaining(['child-plan', 'follow-up']) }),
      ]),
    );
  });
});
