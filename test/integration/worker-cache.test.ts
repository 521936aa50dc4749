import { notificationStateQuery } from '@sagsflow/temporal';
import { TemporalWorkerService } from '../../apps/worker/src/temporal-worker.service';
import { notificationBody } from '../support/fixtures';
import { OpenSuite, openSuite, waitFor } from '../support/stack';

/**
 * The worker's memory is bounded by its cache, not by the number of open cases: it never holds
 * more workflows than configured, and a workflow it has evicted is rebuilt from its history when
 * its next task comes, and carries on correctly.
 */
describe('the worker’s workflow cache', () => {
  const CACHE = 2;
  let suite: OpenSuite;
  let cached: number[];
  let sampler: NodeJS.Timeout;

  beforeAll(async () => {
    suite = await openSuite(['reception1'], { WORKER_MAX_CACHED_WORKFLOWS: String(CACHE), WORKER_WORKFLOW_TASK_SLOTS: String(CACHE) });
    const worker = suite.worker.get(TemporalWorkerService);
    cached = [];
    sampler = setInterval(() => cached.push(worker.status?.numCachedWorkflows ?? NaN), 2);
  });
  afterAll(async () => {
    clearInterval(sampler);
    await suite?.close();
  });

  it('never holds more workflows than its bound, and an evicted workflow completes its next task correctly', async () => {
    // Five children: five case workflows and five notification workflows, each waiting on its triage.
    const notifications: { id: string; workflowId: string }[] = [];
    for (let i = 0; i < 5; i++) notifications.push((await suite.as('reception1').post('/api/notifications', notificationBody()).expect(201)).body);
    const triageOf = async (workflowId: string) =>
      (await suite.stack.db.query(`SELECT id, status FROM tasks WHERE workflow_id = $1 AND kind = 'triage'`, [workflowId])).rows[0];
    for (const n of notifications) await waitFor(async () => (await triageOf(n.workflowId)) !== undefined);

    // The first notification's workflow was pushed out of the cache by the nine after it.
    const first = notifications[0];
    const task = await triageOf(first.workflowId);
    const completed = await suite.as('reception1').post(`/api/tasks/${task.id}/complete`, { outcome: { decision: 'advice' } });
    expect(completed.status).toBe(200);
    const result = await suite.stack.temporal.workflow.getHandle(first.workflowId).result();
    expect(result).toMatchObject({ step: 'done', decision: 'advice' });
    expect((await triageOf(first.workflowId)).status).toBe('completed');
    const state = await suite.stack.temporal.workflow.getHandle(notifications[4].workflowId).query(notificationStateQuery);
    expect(state).toMatchObject({ step: 'triage' }); // the others wait on, untouched

    expect(cached.length).toBeGreaterThan(100);
    expect(Math.max(...cached)).toBe(CACHE); // full, and never over
  });
});
