import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseRepository } from '@sagsflow/persistence';
import type { CreateTaskInput } from '@sagsflow/temporal/shared';
import { TaskActivities } from '../../activities';
import { createSuiteStack, startCasework, SuiteStack } from '../support/stack';

/** The task activities on PostgreSQL and SMTP, called the way Temporal retries them. */
describe('TaskActivities (idempotent under retries)', () => {
  let stack: SuiteStack;
  let app: INestApplicationContext;
  let activities: TaskActivities;
  let caseId: string;

  beforeAll(async () => {
    stack = await createSuiteStack();
    app = await startCasework(stack.config, [TaskActivities]);
    activities = app.get(TaskActivities);
    caseId = (await app.get(CaseRepository).openCase(app.get(DataSource).manager, 'demo', 'RECEPTION', new Date())).id;
  });
  afterAll(async () => {
    await app?.close();
    await stack?.close();
  });

  const input = (key: string, id = randomUUID()): CreateTaskInput => ({
    id,
    key,
    kind: 'triage',
    caseId,
    processKind: 'notification',
    workflowId: 'notification-x',
    step: 'triage',
    agency: 'RECEPTION',
    dueAt: '2026-11-21T09:30:00.000Z',
  });
  const count = async (sql: string, params: unknown[]) => (await stack.db.query(sql, params)).rows[0].n as number;

  it('creates one task, one history entry and one alert per team member however often it is retried', async () => {
    const key = `notification-${randomUUID()}/triage`;
    const id = randomUUID();
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => activities.createTask(input(key, id))));
    const again = await activities.createTask(input(key, id));

    expect(new Set([...results, again].map((r) => r.id)).size).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM tasks WHERE key = $1', [key])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM task_events WHERE task_id = $1 AND type = 'created'`, [again.id])).toBe(1);
    const alerts = await stack.db.query('SELECT username FROM alerts WHERE task_id = $1 ORDER BY username', [again.id]);
    expect(alerts.rows.map((r) => r.username)).toEqual(['reception1', 'reception2']);
    const task = await stack.db.query('SELECT team, escalate_to FROM tasks WHERE id = $1', [again.id]);
    expect(task.rows[0]).toEqual({ team: 'reception', escalate_to: 'lead1' });
  });

  it('reminds and escalates once, and records a completion once', async () => {
    const { id } = await activities.createTask(input(`notification-${randomUUID()}/triage`));
    await Promise.all([activities.remindTask(id), activities.remindTask(id)]);
    await Promise.all([activities.escalateTask(id), activities.escalateTask(id)]);
    const completion = { taskId: id, outcome: { decision: 'close' }, actor: 'reception1', completedAt: new Date().toISOString() };
    await Promise.all([activities.recordTaskCompletion(completion), activities.recordTaskCompletion(completion)]);

    const types = await stack.db.query('SELECT type FROM task_events WHERE task_id = $1 ORDER BY id', [id]);
    expect(types.rows.map((r) => r.type)).toEqual(['created', 'reminded', 'escalated', 'completed']);
    expect(await count(`SELECT count(*)::int AS n FROM alerts WHERE task_id = $1 AND type = 'task.escalated'`, [id])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM alerts WHERE task_id = $1 AND type = 'task.reminder'`, [id])).toBe(2);
  });

  it('does not remind or escalate a task that is already completed', async () => {
    const { id } = await activities.createTask(input(`notification-${randomUUID()}/triage`));
    await activities.recordTaskCompletion({ taskId: id, outcome: { decision: 'close' }, actor: 'reception2', completedAt: new Date().toISOString() });
    await activities.remindTask(id);
    await activities.escalateTask(id);
    expect(await count(`SELECT count(*)::int AS n FROM alerts WHERE task_id = $1 AND type <> 'task.assigned'`, [id])).toBe(0);
  });

  it('hands a later try the completion an earlier one stored, and refuses a cancelled task', async () => {
    const { id } = await activities.createTask(input(`notification-${randomUUID()}/triage`));
    const first = { taskId: id, outcome: { decision: 'advice' }, actor: 'reception1', completedAt: '2026-11-21T10:00:00.000Z' };
    expect(await activities.recordTaskCompletion(first)).toBeUndefined();
    // The same Update delivered again after its worker was killed: the workflow's clock has moved on.
    const redelivered = { ...first, completedAt: '2026-11-21T10:00:12.000Z' };
    expect(await activities.recordTaskCompletion(redelivered)).toEqual(first);

    const { id: cancelled } = await activities.createTask(input(`notification-${randomUUID()}/triage`));
    await activities.cancelTasks({ taskIds: [cancelled], reason: 'process failed' });
    await expect(activities.recordTaskCompletion({ ...first, taskId: cancelled })).rejects.toThrow(`Task ${cancelled} is not open`);
  });
});
