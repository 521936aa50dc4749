import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@sagsflow/config';
import { CaseRepository, PersistenceModule } from '@sagsflow/persistence';
import { TaskActivities } from '../../activities';
import { createSuiteStack, SuiteStack } from '../support/stack';

describe('TaskActivities.createTask on PostgreSQL', () => {
  let stack: SuiteStack;
  let app: INestApplicationContext;
  let activities: TaskActivities;
  let caseId: string;

  beforeAll(async () => {
    stack = await createSuiteStack();
    @Module({
      imports: [ConfigModule.forRoot(stack.config), PersistenceModule.forRoot(stack.config.DATABASE_URL)],
      providers: [TaskActivities],
    })
    class ActivityTestModule {}
    app = await NestFactory.createApplicationContext(ActivityTestModule, { logger: false });
    activities = app.get(TaskActivities);
    const dataSource = app.get(DataSource);
    caseId = (await app.get(CaseRepository).openCase(dataSource.manager, 'demo', 'RECEPTION', new Date())).id;
  });
  afterAll(async () => {
    await app?.close();
    await stack?.close();
  });

  const input = (key: string) => ({
    key,
    kind: 'triage',
    caseId,
    processKind: 'notification' as const,
    workflowId: 'notification-x',
    step: 'triage',
    agency: 'RECEPTION' as const,
    dueAt: '2026-11-21T09:30:00.000Z',
  });

  it('creates one task per key however often it is retried, also concurrently', async () => {
    const key = `notification-${randomUUID()}/triage`;
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => activities.createTask(input(key))));
    const again = await activities.createTask(input(key));

    expect(new Set([...results, again].map((r) => r.id)).size).toBe(1);
    const rows = await stack.db.query('SELECT id, due_at FROM tasks WHERE key = $1', [key]);
    expect(rows.rowCount).toBe(1);
    expect(rows.rows[0].id).toBe(again.id);
  });

  it('creates separate tasks for separate keys', async () => {
    const a = await activities.createTask(input(`a-${randomUUID()}`));
    const b = await activities.createTask(input(`b-${randomUUID()}`));
    expect(a.id).not.toBe(b.id);
  });
});
