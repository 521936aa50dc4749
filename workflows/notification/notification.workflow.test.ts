import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { WorkflowHandle } from '@temporalio/client';
import type { CreateTaskInput } from '@sagsflow/persistence';
import { notificationStateQuery, NotificationWorkflowInput, SearchAttributeKeys } from '@sagsflow/temporal/shared';
import { workflowBundlerOptions, WORKFLOWS_PATH } from '../../apps/worker/src/workflow-bundle';
import { createTimeSkippingEnv } from '../../test/support/time-skipping';

/** The notification workflow with its activity mocked, on a server whose clock we skip forward. */
describe('notificationWorkflow (time skipped)', () => {
  let env: TestWorkflowEnvironment;
  const created: CreateTaskInput[] = [];

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(() => env?.teardown());

  /** Starts a notification received "now" (server time) and runs `fn` against it with a live worker. */
  async function withNotification<T>(
    fn: (handle: WorkflowHandle, input: NotificationWorkflowInput) => Promise<T>,
  ): Promise<T> {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'notification-test',
      workflowsPath: WORKFLOWS_PATH,
      bundlerOptions: workflowBundlerOptions,
      activities: {
        createTask: async (input: CreateTaskInput) => {
          created.push(input);
          return { id: `task-${created.length}` };
        },
      },
    });
    const receivedAt = new Date(await env.currentTimeMs()).toISOString();
    const input = { notificationId: randomUUID(), caseId: randomUUID(), municipality: 'demo', receivedAt };
    return worker.runUntil(async () => {
      const handle = await env.client.workflow.start('notificationWorkflow', {
        workflowId: `notification-${input.notificationId}`,
        taskQueue: 'notification-test',
        args: [input],
      });
      return fn(handle, input);
    });
  }

  it('creates a triage task for reception due 24 hours after receipt, and marks itself overdue when it passes', async () => {
    await withNotification(async (handle, input) => {
      const workflowId = handle.workflowId;
      await env.sleep('23 hours');
      const before = await handle.query(notificationStateQuery);
      expect(before.overdue).toBe(false);
      const task = created.find((t) => t.workflowId === workflowId);
      expect(task).toMatchObject({
        key: `${workflowId}/triage`,
        kind: 'triage',
        agency: 'RECEPTION',
        caseId: input.caseId,
        dueAt: new Date(Date.parse(input.receivedAt) + 24 * 3_600_000).toISOString(),
      });
      expect(before.triageTaskId).toMatch(/^task-/);

      await env.sleep('2 hours');
      const after = await handle.query(notificationStateQuery);
      expect(after.overdue).toBe(true);
      const description = await handle.describe();
      expect(description.typedSearchAttributes.get(SearchAttributeKeys.overdue)).toBe(true);
    });
  });

  it('is still running and overdue four months later, with the time skipped rather than waited for', async () => {
    await withNotification(async (handle) => {
      await env.sleep('120 days');
      expect((await handle.query(notificationStateQuery)).overdue).toBe(true);
      expect((await handle.describe()).status.name).toBe('RUNNING');
    });
  });
});
