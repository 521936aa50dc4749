import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { notificationBody } from '../support/fixtures';
import { createSuiteStack, login, startApi, startWorker, SuiteStack, waitFor } from '../support/stack';

/**
 * Who may call what: every endpoint, as every seeded user and without a token. This table is the
 * authorisation design in one place; change it together with the @Allow / @Public declarations.
 */
const USERS = ['reception1', 'reception2', 'caseworker1', 'caseworker2', 'caseworker3', 'lead1', 'committee1', 'advisor1', 'ppr1', 'jobcenter1', 'admin1'] as const;
type User = (typeof USERS)[number];
const RECEPTION: User[] = ['reception1', 'reception2'];
const AUTHORITY: User[] = ['caseworker1', 'caseworker2', 'caseworker3', 'lead1'];
const STAFF: User[] = USERS.filter((u) => u !== 'admin1');

/** `ok` for the listed users, 403 for everyone else. */
const only = (users: User[], ok = 200): Record<User, number> =>
  Object.fromEntries(USERS.map((u) => [u, users.includes(u) ? ok : 403])) as Record<User, number>;

interface Fixture {
  task: string;
  claimedBy1: string;
  case: string;
}

interface Row {
  endpoint: string;
  method: 'get' | 'post' | 'put' | 'patch';
  path: (f: Fixture) => string;
  body?: object;
  /** A fresh fixture for each user, for calls that change what the next user would see. */
  fresh?: boolean;
  expected: Record<User, number>;
  anonymous: number;
}

const codecBody = { payloads: [{ metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: Buffer.from('1').toString('base64') }] };

const TABLE: Row[] = [
  { endpoint: 'GET /health', method: 'get', path: () => '/health', expected: only([...USERS]), anonymous: 200 },
  { endpoint: 'GET /api/auth/me', method: 'get', path: () => '/api/auth/me', expected: only([...USERS]), anonymous: 401 },
  { endpoint: 'POST /api/notifications', method: 'post', path: () => '/api/notifications', body: notificationBody(), expected: only(['reception1', 'reception2', 'caseworker1', 'caseworker2', 'caseworker3', 'lead1', 'advisor1', 'ppr1', 'jobcenter1'], 201), anonymous: 401 },
  { endpoint: 'GET /api/tasks', method: 'get', path: () => '/api/tasks', expected: only(STAFF), anonymous: 401 },
  { endpoint: 'GET /api/tasks/:id', method: 'get', path: (f) => `/api/tasks/${f.task}`, expected: only([...RECEPTION, ...AUTHORITY]), anonymous: 401 },
  { endpoint: 'POST /api/tasks/:id/complete', method: 'post', path: (f) => `/api/tasks/${f.task}/complete`, body: { outcome: { decision: 'advice' } }, fresh: true, expected: only([...RECEPTION, ...AUTHORITY]), anonymous: 401 },
  { endpoint: 'POST /api/tasks/:id/claim', method: 'post', path: (f) => `/api/tasks/${f.task}/claim`, fresh: true, expected: only([...RECEPTION, ...AUTHORITY]), anonymous: 401 },
  { endpoint: 'POST /api/tasks/:id/release', method: 'post', path: (f) => `/api/tasks/${f.claimedBy1}/release`, fresh: true, expected: only(['reception1', 'lead1']), anonymous: 401 },
  { endpoint: 'POST /api/tasks/:id/reassign', method: 'post', path: (f) => `/api/tasks/${f.task}/reassign`, body: { to: 'reception2' }, fresh: true, expected: only(['lead1']), anonymous: 401 },
  { endpoint: 'POST /api/tasks/:id/comments', method: 'post', path: (f) => `/api/tasks/${f.task}/comments`, body: { text: 'Called the school' }, fresh: true, expected: only([...RECEPTION, ...AUTHORITY], 201), anonymous: 401 },
  { endpoint: 'GET /api/cases/:id', method: 'get', path: (f) => `/api/cases/${f.case}`, expected: only([...RECEPTION, ...AUTHORITY]), anonymous: 401 },
  { endpoint: 'GET /api/cases/:id/processes', method: 'get', path: (f) => `/api/cases/${f.case}/processes`, expected: only([...RECEPTION, ...AUTHORITY]), anonymous: 401 },
  { endpoint: 'POST /api/cases/:id/investigations', method: 'post', path: (f) => `/api/cases/${f.case}/investigations`, body: { reason: 'Bekymring for trivsel' }, fresh: true, expected: only(AUTHORITY, 201), anonymous: 401 },
  { endpoint: 'POST /api/cases/:id/measures', method: 'post', path: (f) => `/api/cases/${f.case}/measures`, body: { type: 'mentor', goal: 'Fremmøde i skolen', startsOn: '2026-12-01' }, fresh: true, expected: only(AUTHORITY, 201), anonymous: 401 },
  { endpoint: 'POST /api/cases/:id/handovers', method: 'post', path: (f) => `/api/cases/${f.case}/handovers`, body: { to: 'AUTHORITY', reason: 'Needs an investigation' }, fresh: true, expected: only(RECEPTION, 202), anonymous: 401 },
  { endpoint: 'POST /api/cases/:id/involvements', method: 'post', path: (f) => `/api/cases/${f.case}/involvements`, body: { agency: 'PPR', what: 'PPR assessment' }, fresh: true, expected: only(RECEPTION, 202), anonymous: 401 },
  { endpoint: 'PUT /api/cases/:id/tovholder', method: 'put', path: (f) => `/api/cases/${f.case}/tovholder`, body: { username: 'caseworker1' }, expected: only(['lead1']), anonymous: 401 },
  { endpoint: 'GET /api/processes', method: 'get', path: () => '/api/processes', expected: only(STAFF), anonymous: 401 },
  { endpoint: 'GET /api/processes/:kind/bpmn', method: 'get', path: () => '/api/processes/notification/bpmn', expected: only(STAFF), anonymous: 401 },
  { endpoint: 'PATCH /api/staff/:username', method: 'patch', path: () => '/api/staff/caseworker3', body: { active: true }, expected: only(['admin1']), anonymous: 401 },
  { endpoint: 'GET /api/alerts', method: 'get', path: () => '/api/alerts', expected: only([...USERS]), anonymous: 401 },
  { endpoint: 'GET /api/alerts/unread', method: 'get', path: () => '/api/alerts/unread', expected: only([...USERS]), anonymous: 401 },
  { endpoint: 'POST /api/alerts/read', method: 'post', path: () => '/api/alerts/read', body: {}, expected: only([...USERS]), anonymous: 401 },
  { endpoint: 'GET /api/audit', method: 'get', path: () => '/api/audit', expected: only(['admin1']), anonymous: 401 },
  { endpoint: 'POST /codec/decode', method: 'post', path: () => '/codec/decode', body: codecBody, expected: only(['admin1']), anonymous: 401 },
];

describe('who may call what', () => {
  let stack: SuiteStack;
  let api: INestApplication;
  let worker: Awaited<ReturnType<typeof startWorker>>;
  const tokens = {} as Record<User, string>;
  let shared: Fixture;

  beforeAll(async () => {
    stack = await createSuiteStack();
    worker = await startWorker(stack.config);
    api = await startApi(stack.config);
    for (const user of USERS) tokens[user] = await login(api, user);
    shared = await fixture();
  });
  afterAll(async () => {
    await api?.close();
    await worker?.stop();
    await stack?.close();
  });

  /** A notification's case, its open triage task, and a second task claimed by reception1. */
  async function fixture(): Promise<Fixture> {
    const triage = async () => {
      const res = await request(api.getHttpServer()).post('/api/notifications').auth(tokens.reception1, { type: 'bearer' }).send(notificationBody()).expect(201);
      let id = '';
      await waitFor(async () => {
        id = (await stack.db.query(`SELECT id FROM tasks WHERE workflow_id = $1 AND kind = 'triage'`, [res.body.workflowId])).rows[0]?.id ?? '';
        return id !== '';
      });
      return { id, caseId: res.body.caseId as string };
    };
    const [first, second] = await Promise.all([triage(), triage()]);
    await request(api.getHttpServer()).post(`/api/tasks/${second.id}/claim`).auth(tokens.reception1, { type: 'bearer' }).expect(200);
    return { task: first.id, case: first.caseId, claimedBy1: second.id };
  }

  const call = (row: Row, f: Fixture, token?: string) => {
    const req = request(api.getHttpServer())[row.method](row.path(f));
    if (token) req.auth(token, { type: 'bearer' });
    return row.body ? req.send(row.body) : req;
  };

  it.each(TABLE.map((row) => [row.endpoint, row] as const))('%s', async (_endpoint, row) => {
    const actual = {} as Record<User, number>;
    for (const user of USERS) actual[user] = (await call(row, row.fresh ? await fixture() : shared, tokens[user])).status;
    expect(actual).toEqual(row.expected);
    expect((await call(row, shared)).status).toBe(row.anonymous);
  });

  it('lets an agency read a task, and its outcome in the inbox, while the case is shared with it, not after the case moved on', async () => {
    const as = (user: User) => ({
      get: (path: string) => request(api.getHttpServer()).get(path).auth(tokens[user], { type: 'bearer' }),
      post: (path: string, body: object) => request(api.getHttpServer()).post(path).auth(tokens[user], { type: 'bearer' }).send(body),
    });
    const taskOf = async (caseId: string, kind: string, agency: string) => {
      let id = '';
      await waitFor(async () => {
        id = (await stack.db.query(`SELECT id FROM tasks WHERE case_id = $1 AND kind = $2 AND agency = $3 AND status = 'open'`, [caseId, kind, agency])).rows[0]?.id ?? '';
        return id !== '';
      });
      return id;
    };
    const completedInInbox = async (user: User, taskId: string) =>
      ((await as(user).get('/api/tasks?scope=agency&status=completed').expect(200)).body as { id: string }[]).some((t) => t.id === taskId);
    const ownerIs = (caseId: string, agency: string) =>
      waitFor(async () => (await stack.db.query(`SELECT owner_agency FROM cases WHERE id = $1`, [caseId])).rows[0].owner_agency === agency);
    const { caseId } = (await as('reception1').post('/api/notifications', notificationBody()).expect(201)).body;

    // PPR, asked to contribute, reads its task while the work is open, and not once it is done.
    const contribution = (await as('reception1').post(`/api/cases/${caseId}/involvements`, { agency: 'PPR', what: 'PPR assessment' }).expect(202)).body.taskId;
    await as('ppr1').get(`/api/tasks/${contribution}`).expect(200);
    await as('ppr1').post(`/api/tasks/${contribution}/complete`, { outcome: { summary: 'Ingen særlige behov' } }).expect(200);
    await as('ppr1').get(`/api/tasks/${contribution}`).expect(403);
    expect(await completedInInbox('ppr1', contribution)).toBe(false);

    // The advisory team reads its hand-over task while it owns the case, and not after it moved on to the authority.
    await as('reception1').post(`/api/cases/${caseId}/handovers`, { to: 'ADVISORY_TEAM', reason: 'Rådgivning til familien' }).expect(202);
    const accepted = await taskOf(caseId, 'accept-handover', 'ADVISORY_TEAM');
    await as('advisor1').post(`/api/tasks/${accepted}/complete`, { outcome: { decision: 'accept' } }).expect(200);
    await ownerIs(caseId, 'ADVISORY_TEAM');
    await as('advisor1').get(`/api/tasks/${accepted}`).expect(200);
    expect(await completedInInbox('advisor1', accepted)).toBe(true);
    await as('advisor1').post(`/api/cases/${caseId}/handovers`, { to: 'AUTHORITY', reason: 'Behov for en børnefaglig undersøgelse' }).expect(202);
    await as('lead1').post(`/api/tasks/${await taskOf(caseId, 'accept-handover', 'AUTHORITY')}/complete`, { outcome: { decision: 'accept' } }).expect(200);
    await ownerIs(caseId, 'AUTHORITY');
    await as('advisor1').get(`/api/tasks/${accepted}`).expect(403);
    expect(await completedInInbox('advisor1', accepted)).toBe(false);
  });

  it('streams events only to signed-in users', async () => {
    for (const user of USERS) {
      const controller = new AbortController();
      const res = await fetch(`${await api.getUrl()}/api/events`, { headers: { authorization: `Bearer ${tokens[user]}` }, signal: controller.signal });
      expect(res.status).toBe(200);
      controller.abort();
    }
    expect((await fetch(`${await api.getUrl()}/api/events`)).status).toBe(401);
  });

  it('lets anyone use the development login (outside production), and nothing else without a token', async () => {
    await request(api.getHttpServer()).post('/api/auth/dev-login').send({ username: 'ppr1' }).expect(200);
  });
});
