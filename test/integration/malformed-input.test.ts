import fc from 'fast-check';
import request from 'supertest';
import { MEASURE_TYPES } from '@sagsflow/domain';
import { notificationBody } from '../support/fixtures';
import { OpenSuite, openSuite, waitFor } from '../support/stack';

/**
 * Random bodies per endpoint: three times fast-check's default. At 1,000 this suite alone took a
 * minute of CPU (each refusal passes the API's whole pipeline), the longest of the integration run.
 */
const RUNS = 300;

/** Random objects that use an endpoint's own field names with values of any type, plus stray fields. */
const bodies = (fields: string[]) =>
  fc
    .tuple(
      fc.record(Object.fromEntries(fields.map((f) => [f, fc.anything()])), { requiredKeys: [] }),
      fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.anything(), { maxKeys: 3 }),
      fc.boolean(),
    )
    .map(([known, stray, withStray]) => (withStray ? { ...stray, ...known } : known));

const USERNAME = /^[a-z0-9._-]{1,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const only = (body: object, keys: string[]) => Object.keys(body).every((k) => keys.includes(k));
/** What a trimmed, non-empty text field accepts (a length limit is left out: random strings are short). */
const text = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/** Each endpoint with a body, and the (rare) random bodies that would be well-formed for it. */
const ENDPOINTS: {
  name: string;
  method?: 'post' | 'put' | 'patch';
  path: (ids: Ids) => string;
  user: string;
  fields: string[];
  wellFormed: (b: Record<string, unknown>) => boolean;
}[] = [
  { name: 'POST /api/notifications', path: () => '/api/notifications', user: 'reception1', fields: Object.keys(notificationBody()), wellFormed: () => false },
  { name: 'POST /api/auth/dev-login', path: () => '/api/auth/dev-login', user: 'reception1', fields: ['username'], wellFormed: (b) => only(b, ['username']) && typeof b.username === 'string' && USERNAME.test(b.username) },
  { name: 'POST /api/tasks/:id/complete', path: (ids) => `/api/tasks/${ids.task}/complete`, user: 'reception1', fields: ['outcome'], wellFormed: (b) => only(b, ['outcome']) && typeof (b.outcome as { decision?: unknown })?.decision === 'string' },
  { name: 'POST /api/tasks/:id/reassign', path: (ids) => `/api/tasks/${ids.task}/reassign`, user: 'lead1', fields: ['to'], wellFormed: (b) => only(b, ['to']) && typeof b.to === 'string' && USERNAME.test(b.to) },
  { name: 'POST /api/tasks/:id/comments', path: (ids) => `/api/tasks/${ids.task}/comments`, user: 'reception1', fields: ['text'], wellFormed: (b) => only(b, ['text']) && typeof b.text === 'string' && b.text.length > 0 },
  { name: 'POST /api/cases/:id/investigations', path: (ids) => `/api/cases/${ids.case}/investigations`, user: 'caseworker1', fields: ['reason', 'awareSince'], wellFormed: (b) => only(b, ['reason', 'awareSince']) && text(b.reason) && (b.awareSince == null || (typeof b.awareSince === 'string' && !Number.isNaN(Date.parse(b.awareSince)))) },
  { name: 'POST /api/cases/:id/measures', path: (ids) => `/api/cases/${ids.case}/measures`, user: 'caseworker1', fields: ['type', 'goal', 'startsOn'], wellFormed: (b) => only(b, ['type', 'goal', 'startsOn']) && (MEASURE_TYPES as readonly unknown[]).includes(b.type) && text(b.goal) && typeof b.startsOn === 'string' },
  { name: 'POST /api/cases/:id/handovers', path: (ids) => `/api/cases/${ids.case}/handovers`, user: 'reception1', fields: ['to', 'reason'], wellFormed: (b) => only(b, ['to', 'reason']) && typeof b.to === 'string' && text(b.reason) },
  { name: 'POST /api/cases/:id/involvements', path: (ids) => `/api/cases/${ids.case}/involvements`, user: 'reception1', fields: ['agency', 'what'], wellFormed: (b) => only(b, ['agency', 'what']) && typeof b.agency === 'string' && text(b.what) },
  { name: 'PUT /api/cases/:id/tovholder', method: 'put', path: (ids) => `/api/cases/${ids.case}/tovholder`, user: 'lead1', fields: ['username'], wellFormed: (b) => only(b, ['username']) && typeof b.username === 'string' && USERNAME.test(b.username) },
  { name: 'POST /api/alerts/read', path: () => '/api/alerts/read', user: 'reception1', fields: ['ids'], wellFormed: (b) => only(b, ['ids']) && (b.ids === undefined || (Array.isArray(b.ids) && b.ids.length <= 200 && b.ids.every((id) => typeof id === 'string' && UUID.test(id)))) },
  { name: 'PATCH /api/staff/:username', method: 'patch', path: () => '/api/staff/caseworker3', user: 'admin1', fields: ['active'], wellFormed: (b) => only(b, ['active']) && typeof b.active === 'boolean' },
  { name: 'POST /codec/decode', path: () => '/codec/decode', user: 'admin1', fields: ['payloads'], wellFormed: (b) => only(b, ['payloads']) && Array.isArray(b.payloads) && b.payloads.length === 0 },
];

interface Ids {
  task: string;
  case: string;
}

describe('malformed bodies (property-based, fast-check)', () => {
  let suite: OpenSuite;
  let ids: Ids;

  beforeAll(async () => {
    suite = await openSuite(['reception1', 'lead1', 'caseworker1', 'admin1']);
    const res = await request(suite.api.getHttpServer()).post('/api/notifications').auth(suite.tokens.reception1, { type: 'bearer' }).send(notificationBody()).expect(201);
    await waitFor(async () => (await suite.stack.db.query(`SELECT 1 FROM tasks WHERE workflow_id = $1`, [res.body.workflowId])).rowCount === 1);
    ids = { task: (await suite.stack.db.query(`SELECT id FROM tasks WHERE workflow_id = $1`, [res.body.workflowId])).rows[0].id, case: res.body.caseId };
    // Let the setup's own effects settle (both receptionists alerted) before counting footprints.
    await waitFor(async () => (await suite.stack.db.query(`SELECT 1 FROM alerts WHERE task_id = $1`, [ids.task])).rowCount === 2);
  });
  afterAll(async () => {
    await suite?.close();
  });

  /** Everything a request could store or start. */
  async function footprint() {
    const counts = await suite.stack.db.query(`
      SELECT (SELECT count(*) FROM notifications) AS notifications, (SELECT count(*) FROM tasks) AS tasks,
             (SELECT count(*) FROM task_events) AS task_events, (SELECT count(*) FROM alerts) AS alerts,
             (SELECT count(*) FROM measures) AS measures, (SELECT count(*) FROM investigations) AS investigations,
             (SELECT count(*) FROM case_events) AS case_events,
             (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM children) AS children`);
    const workflows = (await suite.stack.temporal.workflow.count()).count;
    return { ...counts.rows[0], workflows };
  }

  it.each(ENDPOINTS.map((e) => [e.name, e] as const))('%s: never a 5xx, always a 4xx naming a field, nothing stored or started', async (_name, endpoint) => {
    const before = await footprint();
    await fc.assert(
      // What goes over the wire is JSON: judge well-formedness on the body as the server will see it.
      fc.asyncProperty(bodies(endpoint.fields).map((b) => JSON.parse(JSON.stringify(b)) as Record<string, unknown>).filter((b) => !endpoint.wellFormed(b)), async (body) => {
        const res = await request(suite.api.getHttpServer())[endpoint.method ?? 'post'](endpoint.path(ids)).auth(suite.tokens[endpoint.user], { type: 'bearer' }).send(body);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.body).toMatchObject({ statusCode: res.status, error: expect.any(String), message: expect.any(String) });
        expect(res.body.fields?.length).toBeGreaterThan(0);
        expect(res.body.fields.every((f: { field: unknown }) => typeof f.field === 'string' && f.field.length > 0)).toBe(true);
        expect(JSON.stringify(res.body)).not.toMatch(/\n\s+at /); // never a stack trace
      }),
      { numRuns: RUNS },
    );
    expect(await footprint()).toEqual(before);
  });

  it('refuses a body that is not a JSON object, or not JSON, or too large, with a 4xx', async () => {
    const post = (body: string) =>
      request(suite.api.getHttpServer()).post('/api/notifications').auth(suite.tokens.reception1, { type: 'bearer' }).set('content-type', 'application/json').send(body);
    for (const body of ['[1,2]', '"text"', '42', '{"source":', 'null']) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
    }
    const huge = await post(JSON.stringify(notificationBody({ concern: 'x'.repeat(200_000) })));
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  it('refuses a CPR number whose birth date lies in the future (010150-5000: born 2050) with a 400 naming child.cpr, nothing stored or started', async () => {
    const before = await footprint();
    const res = await request(suite.api.getHttpServer())
      .post('/api/notifications')
      .auth(suite.tokens.reception1, { type: 'bearer' })
      .send(notificationBody({ child: { cpr: '010150-5000' } }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', fields: [{ field: 'child.cpr', rules: ['isCpr'] }] });
    expect(res.body.message).toContain('child.cpr impossible birth date: it lies in the future');
    expect(JSON.stringify(res.body)).not.toContain('010150'); // a CPR number is never repeated
    expect(await footprint()).toEqual(before);
  });

  it.each(['toString', 'constructor', 'valueOf'])('refuses a field named like what every object inherits (%s) as unknown, found by the property test once', async (field) => {
    const res = await request(suite.api.getHttpServer())
      .post('/codec/decode')
      .auth(suite.tokens.admin1, { type: 'bearer' })
      .send({ [field]: [], payloads: [] });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, fields: [{ field, rules: ['whitelistValidation'] }] });
  });
});
