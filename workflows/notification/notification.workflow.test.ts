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
import { notificationDeadlines, POLICIES } from '@sagsflow/domain';
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

  /** Starts a notification received "now" (server time), and its case, and runs `fn` against it with a live worker. */
  async function withNotification<T>(
    fn: (handle: WorkflowHandle, input: NotificationWorkflowInput) => Promise<T>,
    overrides: Partial<NotificationWorkflowInput> = {},
  ): Promise<T> {
    const record = (name: string, result?: unknown) => async (arg: unknown) => {
      calls.push({ name, at: await env.currentTimeMs(), arg });
      return result;
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
        recordCaseEvent: record('recordCaseEvent'),
        recordTriageDecision: record('recordTriageDecision'),
        draftLetter: record('draftLetter', { id: 'letter-1' }),
        markLetterSent: record('markLetterSent'),
        assignCaseworker: record('assignCaseworker', { username: 'caseworker2', atCap: false }),
        setCaseOwner: record('setCaseOwner'),
        recordMeasure: record('recordMeasure'),
        pickFreshCaseworker: record('pickFreshCaseworker', { username: 'caseworker3' }),
      },
    });
    const receivedAt = new Date(await env.currentTimeMs()).toISOString();
    const caseNumber = `T-${randomUUID().slice(0, 8)}`;
    const input: NotificationWorkflowInput = {
      notificationId: randomUUID(),
      caseId: randomUUID(),
      municipality: 'demo',
      receivedAt,
      policy: 'legal',
      caseWorkflowId: `case-${caseNumber}`,
      source: 'citizen',
      abuse: false,
      acute: false,
      ...overrides,
    };
    return worker.runUntil(async () => {
      await env.client.workflow.start('caseWorkflow', {
        workflowId: input.caseWorkflowId,
        taskQueue: 'notification-test',
        args: [{ caseId: input.caseId, caseNumber, municipality: 'demo', policy: 'legal' }],
      });
      const handle = await env.client.workflow.start('notificationWorkflow', {
        workflowId: `notification-${input.notificationId}`,
        taskQueue: 'notification-test',
        args: [input],
      });
      return fn(handle, input);
    });
  }

  const HOUR = 3_600_000;
  const created = (kind: string) => calls.filter((c) => c.name === 'createTask' && (c.arg as CreateTaskInput).kind === kind).map((c) => c.arg as CreateTaskInput);
  const taskIdOf = (handle: WorkflowHandle, kind = 'triage') =>
    created(kind).find((t) => t.workflowId === handle.workflowId)!.id;
  const complete = (handle: WorkflowHandle, taskId: string, outcome: Record<string, unknown>, actor = 'reception1') =>
    handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, outcome, actor }] });

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
      expect(await handle.result()).toMatchObject({ step: 'done', decision: 'advice', overdue: false });
      expect(calls.map((c) => c.name)).toEqual(['createTask', 'recordTaskCompletion', 'recordTriageDecision', 'recordCaseEvent']);
      const attributes = (await handle.describe()).typedSearchAttributes;
      expect(attributes.get(SearchAttributeKeys.overdue)).toBe(false);
      expect(attributes.get(SearchAttributeKeys.nextDeadline)).toBeUndefined();
    });
  });

  it('rejects a completion without the required outcome field, naming it, and a second completion', async () => {
    await withNotification(async (handle) => {
      await env.sleep('1 hour');
      const completeTriage = (outcome: Record<string, unknown>) =>
        handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: taskIdOf(handle), outcome, actor: 'reception1' }] });

      const missing = await completeTriage({}).catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((missing as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'InvalidOutcome', message: expect.stringContaining('outcome.decision') });

      const results = await Promise.allSettled([completeTriage({ decision: 'close' }), completeTriage({ decision: 'advice' })]);
      const won = results.filter((r): r is PromiseFulfilledResult<TaskCompletion> => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toMatchObject([{ reason: { cause: { type: 'TaskAlreadyCompleted' } } }]);
      expect(await handle.result()).toMatchObject({ decision: won[0].value.outcome.decision });
      // Only the winner reaches the read model. (A local activity runs at least once: here the
      // skipped clock can time out the workflow task it runs in, and the idempotent activity runs again.)
      const recorded = calls.filter((c) => c.name === 'recordTaskCompletion').map((c) => (c.arg as TaskCompletion).outcome.decision);
      expect(recorded.length).toBeGreaterThan(0);
      expect(new Set(recorded)).toEqual(new Set([won[0].value.outcome.decision]));
    });
  });

  it('sends a professional notifier a receipt due within 6 working days, and feedback after the decision', async () => {
    await withNotification(
      async (handle, input) => {
        await env.sleep('1 hour');
        const [receipt] = created('send-receipt');
        const receiptDue = notificationDeadlines(POLICIES.legal).receipt(new Date(input.receivedAt));
        expect(receipt).toMatchObject({ agency: 'RECEPTION', dueAt: receiptDue.toISOString() });
        expect(calls.find((c) => c.name === 'draftLetter')!.arg).toMatchObject({ kind: 'receipt', notificationId: input.notificationId });
        await complete(handle, taskIdOf(handle), { decision: 'close' });
        await waitUntil(() => created('send-feedback').length === 1);
        expect(calls.filter((c) => c.name === 'draftLetter').map((c) => (c.arg as { kind: string; decision?: string }))).toEqual([
          expect.objectContaining({ kind: 'receipt' }),
          expect.objectContaining({ kind: 'feedback', decision: 'close' }),
        ]);
        await complete(handle, receipt.id, {});
        await complete(handle, created('send-feedback')[0].id, {});
        expect(await handle.result()).toMatchObject({ step: 'done', decision: 'close' });
        expect(calls.filter((c) => c.name === 'markLetterSent')).toHaveLength(2);
      },
      { source: 'professional' },
    );
  });

  it('lets an abuse notification only open an investigation, hands it over on acceptance, and asks for a conversation with the child', async () => {
    await withNotification(
      async (handle) => {
        await env.sleep('1 hour');
        const refused = await complete(handle, taskIdOf(handle), { decision: 'close' }).catch((e: WorkflowUpdateFailedError) => e);
        expect((refused as WorkflowUpdateFailedError).cause).toMatchObject({
          type: 'InvalidOutcome',
          message: expect.stringContaining('abuse'),
        });
        await complete(handle, taskIdOf(handle), { decision: 'investigation' });
        await waitUntil(() => created('accept-handover').length === 1);
        const [handover] = created('accept-handover');
        expect(handover).toMatchObject({ agency: 'AUTHORITY', assignee: 'caseworker2' });
        expect(calls.some((c) => c.name === 'setCaseOwner')).toBe(false); // the sender owns it until accepted

        await complete(handle, handover.id, {}, 'caseworker2');
        await waitUntil(() => created('child-conversation').length === 1);
        // The case workflow records the new owner on its own schedule, after the signal.
        await waitUntil(() => calls.some((c) => c.name === 'setCaseOwner'));
        expect(calls.find((c) => c.name === 'setCaseOwner')!.arg).toMatchObject({ agency: 'AUTHORITY' });
        const refusedConversation = await complete(handle, created('child-conversation')[0].id, {}, 'caseworker2').catch((e) => e);
        expect((refusedConversation as WorkflowUpdateFailedError).cause).toMatchObject({ message: expect.stringContaining('outcome.heldOn') });
        await complete(handle, created('child-conversation')[0].id, { heldOn: '2026-11-25' }, 'caseworker2');
        expect(await handle.result()).toMatchObject({ step: 'done', decision: 'investigation', handedOverTo: 'AUTHORITY' });
      },
      { abuse: true },
    );
  });

  /** Polls while the worker runs (activities and signals land asynchronously). */
  async function waitUntil(check: () => boolean): Promise<void> {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
    expect(check()).toBe(true);
  }
});
