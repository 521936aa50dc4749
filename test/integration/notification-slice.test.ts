import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { notificationStateQuery } from '@sagsflow/temporal';
import { notificationBody } from '../support/fixtures';
import { createSuiteStack, login, startApi, startWorker, SuiteStack, waitFor } from '../support/stack';

describe('notification slice on the real stack', () => {
  let stack: SuiteStack;
  let api: INestApplication;
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let token: string;

  beforeAll(async () => {
    stack = await createSuiteStack();
    worker = await startWorker(stack.config);
    api = await startApi(stack.config);
    token = await login(api, 'reception1');
  });

  afterAll(async () => {
    await api?.close();
    await worker?.stop();
    await stack?.close();
  });

  const countWorkflows = async () =>
    (await stack.temporal.workflow.count(`TaskQueue = "${stack.config.TEMPORAL_TASK_QUEUE}"`)).count;

  async function waitForTasks(expected: number) {
    for (let i = 0; i < 100; i++) {
      const res = await request(api.getHttpServer()).get('/api/tasks').auth(token, { type: 'bearer' }).expect(200);
      if (res.body.length >= expected) return res.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`expected ${expected} tasks`);
  }

  it('starts a notification workflow that creates a triage task for reception due 24 hours after receipt', async () => {
    const receivedAt = '2026-11-20T09:30:00.000Z';
    const res = await request(api.getHttpServer())
      .post('/api/notifications')
      .auth(token, { type: 'bearer' })
      .send(notificationBody({ receivedAt, concern: 'The child comes to school hungry' }))
      .expect(201);

    expect(res.body).toEqual({ id: expect.any(String), caseId: expect.any(String), workflowId: `notification-${res.body.id}` });

    const [task] = await waitForTasks(1);
    expect(task).toMatchObject({
      id: expect.any(String),
      kind: 'triage',
      caseId: res.body.caseId,
      agency: 'RECEPTION',
      assignee: null,
      dueAt: '2026-11-21T09:30:00.000Z',
      status: 'open',
    });

    const handle = stack.temporal.workflow.getHandle(res.body.workflowId);
    const description = await handle.describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.typedSearchAttributes.get({ name: 'CaseId', type: 'KEYWORD' } as never)).toBe(res.body.caseId);
    // the workflow learns the task id when it processes the activity's result, just after the row exists
    await waitFor(async () => (await handle.query(notificationStateQuery)).triageTaskId === task.id);
    expect(await handle.query(notificationStateQuery)).toMatchObject({ step: 'triage', triageTaskId: task.id });
  });

  it('refuses a request without a valid bearer token, starting nothing', async () => {
    const before = await countWorkflows();
    const body = notificationBody();
    await request(api.getHttpServer()).post('/api/notifications').send(body).expect(401);
    await request(api.getHttpServer()).post('/api/notifications').auth('not-a-jwt', { type: 'bearer' }).send(body).expect(401);
    await request(api.getHttpServer()).get('/api/tasks').expect(401);
    expect(await countWorkflows()).toBe(before);
  });

  it.each([
    ['source', notificationBody({ source: 'pigeon' })],
    ['receivedAt', notificationBody({ receivedAt: '2999-01-01T00:00:00Z' })],
    ['receivedAt', notificationBody({ receivedAt: 'yesterday' })],
    ['concern', notificationBody({ concern: undefined })],
    ['concern', notificationBody({ concern: '' })],
    ['unexpected', notificationBody({ unexpected: 1 })],
    ['child.cpr', notificationBody({ child: { cpr: '300290-1234' } })],
    ['child.cpr', notificationBody({ child: { cpr: '12345' } })],
    ['child.name', notificationBody({ child: { birthDate: '2015-01-01' } })],
    ['child.birthDate', notificationBody({ child: { name: 'Ida', birthDate: '2999-01-01' } })],
    ['child', notificationBody({ child: undefined })],
    ['abuse', notificationBody({ abuse: 'maybe' })],
    ['acute', notificationBody({ acute: undefined })],
    ['professionalKind', notificationBody({ source: 'professional', notifier: { name: 'A' } })],
    ['notifier', notificationBody({ source: 'professional', professionalKind: 'school' })],
    ['notifier', notificationBody({ source: 'anonymous', notifier: { name: 'A' } })],
  ])('rejects a malformed %s with 400 naming it, storing and starting nothing', async (field, body) => {
    const workflowsBefore = await countWorkflows();
    const notificationsBefore = (await stack.db.query('SELECT count(*)::int AS n FROM notifications')).rows[0].n;

    const res = await request(api.getHttpServer()).post('/api/notifications').auth(token, { type: 'bearer' }).send(body).expect(400);

    expect(res.body.statusCode).toBe(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(res.body.message).toContain(field.split('.').at(-1));
    expect((await stack.db.query('SELECT count(*)::int AS n FROM notifications')).rows[0].n).toBe(notificationsBefore);
    expect(await countWorkflows()).toBe(workflowsBefore);
  });
});
