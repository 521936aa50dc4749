import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  completeTaskUpdate,
  type CreateTaskInput,
  notificationStateQuery,
  type NotificationWorkflowInput,
  SearchAttributeKeys,
  type TaskCompletion,
} from '@sagsflow/temporal/shared';
import { workflowBundlerOptions, WORKFLOWS_PATH } from '../../apps/worker/src/workflow-bundle';
import { createTimeSkippingEnv } from '../../test/support/time-skipping';

/**
 * The notification workflow with its activities mocked (this is the workflow's unit test), on a
 * server whose clock we skip forward. The same flow on the real stack is in test/integration.
 */
describe('notificationWorkflow (time skipped)', () => {
  let env: TestWorkflowEnvironment;
  type Call = { name: string; at: number; arg: unknown };
  let calls: Call[];

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(() => env?.teardown());
  beforeEach(() => (calls = []));

  /** Starts a notification received "now" (server time) and runs `fn` against it with a live worker. */
  async function withNotification<T>(fn: (handle: WorkflowHandle, input: NotificationWorkflowInput) => Promise<T>): Promise<T> {
    const record = (name: string) => async (arg: unknown) => {
      calls.push({ name, at: await env.currentTimeMs(), arg });
    };
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'notification-test',
      workflowsPath: WORKFLOWS_PATH,
      bundlerOptions: workflowBundlerOptions,
      activities: {
        createTask: async (input: CreateTaskInput) => {
          await record('createTask')(input);
          return { id: input.id };
        },
        remindTask: record('remindTask'),
        escalateTask: record('escalateTask'),
        recordTaskCompletion: record('recordTaskCompletion'),
      },
    });
    const receivedAt = new Date(await env.currentTimeMs()).toISOString();
    const input: NotificationWorkflowInput = {
      notificationId: randomUUID(),
      caseId: randomUUID(),
      municipality: 'demo',
      receivedAt,
      policy: 'legal',
    };
    return worker.runUntil(async () => {
      const handle = await env.client.workflow.start('notificationWorkflow', {
        workflowId: `notification-${input.notificationId}`,
        taskQueue: 'notification-test',
        args: [input],
      });
      return fn(handle, input);
    });
  }

  const HOUR = 3_600_000;
  const taskIdOf = (handle: WorkflowHandle) =>
    (calls.find((c) => c.name === 'createTask' && (c.arg as CreateTaskInput).workflowId === handle.workflowId)!.arg as CreateTaskInput).id;

  it('creates the triage task, reminds 6 hours before it is due, escalates at 24 hours, and stays overdue', async () => {
    await withNotification(async (handle, input) => {
      const received = Date.parse(input.receivedAt);
      await env.sleep('17 hours');
      expect(calls.map((c) => c.name)).toEqual(['createTask']);
      expect(calls[0].arg).toMatchObject({
        key: `${handle.workflowId}/triage`,
        kind: 'triage',
        agency: 'RECEPTION',
        caseId: input.caseId,
        dueAt: new Date(received + 24 * HOUR).toISOString(),
      });
      // a quarter of the window before the due time; the window starts when the task is created
      const remindAt = Date.parse((calls[0].arg as CreateTaskInput).remindAt!);
      expect(remindAt - received).toBeGreaterThanOrEqual(18 * HOUR);
      expect(remindAt - received).toBeLessThan(18 * HOUR + 60_000);

      await env.sleep('2 hours');
      expect(calls.map((c) => c.name)).toEqual(['createTask', 'remindTask']);
      expect(calls[1].at - received).toBeGreaterThanOrEqual(18 * HOUR);
      expect((await handle.query(notificationStateQuery)).overdue).toBe(false);

      await env.sleep('6 hours');
      expect(calls.map((c) => c.name)).toEqual(['createTask', 'remindTask', 'escalateTask']);
      expect(calls[2].at - received).toBeGreaterThanOrEqual(24 * HOUR);
      expect(calls[2].arg).toBe(taskIdOf(handle));
      expect((await handle.query(notificationStateQuery)).overdue).toBe(true);
      expect((await handle.describe()).typedSearchAttributes.get(SearchAttributeKeys.overdue)).toBe(true);
    });
  });

  it('ends with the triage decision when the task is completed, clearing the deadline', async () => {
    await withNotification(async (handle) => {
      await env.sleep('1 hour');
      const completion: TaskCompletion = await handle.executeUpdate(completeTaskUpdate, {
        args: [{ taskId: taskIdOf(handle), outcome: { decision: 'advice' }, actor: 'reception1' }],
      });
      expect(completion).toMatchObject({ taskId: taskIdOf(handle), actor: 'reception1', outcome: { decision: 'advice' } });
      expect(await handle.result()).toMatchObject({ step: 'triaged', decision: 'advice', overdue: false });
      expect(calls.map((c) => c.name)).toEqual(['createTask', 'recordTaskCompletion']);
      const attributes = (await handle.describe()).typedSearchAttributes;
      expect(attributes.get(SearchAttributeKeys.overdue)).toBe(false);
      expect(attributes.get(SearchAttributeKeys.nextDeadline)).toBeUndefined();
    });
  });

  it('rejects a completion without the required outcome field, naming it, and a second completion', async () => {
    await withNotification(async (handle) => {
      await env.sleep('1 hour');
      const complete = (outcome: Record<string, unknown>) =>
        handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: taskIdOf(handle), outcome, actor: 'reception1' }] });

      const missing = await complete({}).catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((missing as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'InvalidOutcome', message: expect.stringContaining('outcome.decision') });

      const results = await Promise.allSettled([complete({ decision: 'close' }), complete({ decision: 'investigation' })]);
      const won = results.filter((r): r is PromiseFulfilledResult<TaskCompletion> => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toMatchObject([{ reason: { cause: { type: 'TaskAlreadyCompleted' } } }]);
      expect(await handle.result()).toMatchObject({ decision: won[0].value.outcome.decision });
      expect(calls.filter((c) => c.name === 'recordTaskCompletion')).toHaveLength(1);
    });
  });
});
