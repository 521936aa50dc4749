import { INestApplication } from '@nestjs/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import request from 'supertest';
import { notificationBody } from '../support/fixtures';
import { SearchAttributeKeys } from '@sagsflow/temporal';
import { readMail } from '../support/mail';
import { createSuiteStack, login, startApi, startWorker, SuiteStack, waitFor } from '../support/stack';
import { createTimeSkippingEnv } from '../support/time-skipping';

/**
 * Reminder and escalation at the policy's times, with the real worker, PostgreSQL and SMTP, on
 * Temporal's time-skipping server: a day passes in seconds.
 */
describe('task deadlines on the real stack (time skipped)', () => {
  let env: TestWorkflowEnvironment;
  let stack: SuiteStack;
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let api: INestApplication;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    stack = await createSuiteStack({}, { address: env.connection.options.address, namespace: env.namespace ?? 'default' });
    worker = await startWorker(stack.config);
    api = await startApi(stack.config);
  });
  afterAll(async () => {
    await api?.close();
    await worker?.stop();
    await stack?.close();
    await env?.teardown();
  });

  const alerts = async (taskId: string) =>
    (await stack.db.query('SELECT type, username FROM alerts WHERE task_id = $1 ORDER BY type, username', [taskId])).rows;
  const subjects = () => stack.mail.messages.map((m) => `${m.to[0]}: ${readMail(m).subject}`);

  it('reminds the team 6 hours before the 24-hour triage deadline and escalates to the lead when it passes', async () => {
    const token = await login(api, 'reception1');
    const created = await request(api.getHttpServer())
      .post('/api/notifications')
      .auth(token, { type: 'bearer' })
      .send(notificationBody({ receivedAt: new Date(await env.currentTimeMs()).toISOString() }))
      .expect(201);
    let taskId = '';
    await waitFor(async () => {
      taskId = (await stack.db.query('SELECT id FROM tasks WHERE case_id = $1', [created.body.caseId])).rows[0]?.id ?? '';
      return taskId !== '';
    });
    await waitFor(async () => (await alerts(taskId)).length === 2);

    await env.sleep('17 hours');
    expect(await alerts(taskId)).toEqual([
      { type: 'task.assigned', username: 'reception1' },
      { type: 'task.assigned', username: 'reception2' },
    ]);

    await env.sleep('2 hours');
    await waitFor(async () => (await alerts(taskId)).length === 4);
    expect(await alerts(taskId)).toContainEqual({ type: 'task.reminder', username: 'reception1' });
    await waitFor(() => subjects().includes('reception2@demo.sagsflow.local: Påmindelse: Vurdering af underretning'));
    expect(subjects()).not.toContainEqual(expect.stringContaining('Frist overskredet'));

    await env.sleep('6 hours');
    await waitFor(async () => (await alerts(taskId)).some((a) => a.type === 'task.escalated'));
    expect((await alerts(taskId)).filter((a) => a.type === 'task.escalated')).toEqual([{ type: 'task.escalated', username: 'lead1' }]);
    await waitFor(() => subjects().includes('lead1@demo.sagsflow.local: Frist overskredet: Vurdering af underretning'));
    const history = await stack.db.query('SELECT type FROM task_events WHERE task_id = $1 ORDER BY id', [taskId]);
    expect(history.rows.map((r) => r.type)).toEqual(['created', 'reminded', 'escalated']);
    const description = await stack.temporal.workflow.getHandle(created.body.workflowId).describe();
    expect(description.typedSearchAttributes.get(SearchAttributeKeys.overdue)).toBe(true);
  });
});
