import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  caseStateQuery,
  completeTaskUpdate,
  type CreateTaskInput,
  notificationReceivedSignal,
  notificationStateQuery,
  type NotificationWorkflowInput,
  processPositionQuery,
  SearchAttributeKeys,
  type TaskCompletion,
} from '@sagsflow/temporal/shared';
import { notificationDeadlines, POLICIES } from '@sagsflow/domain';
import { createTimeSkippingEnv } from '../../test/support/time-skipping';
import { type ActivityCall, callsOf, completeTask, conformanceProblemsOf, eventually, fakeActivityWorker, keepHistory, waitUntil } from '../../test/support/workflow-harness';

/**
 * The notification workflow with its activities mocked (this is the workflow's unit test), on a
 * server whose clock we skip forward. The same flow on the real stack is in test/integration.
 */
describe('notificationWorkflow (time skipped)', () => {
  let env: TestWorkflowEnvironment;
  let calls: ActivityCall[];

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(() => env?.teardown());
  beforeEach(() => (calls = []));
  afterEach(() => expect(conformanceProblemsOf(calls)).toEqual([]));

  /** Starts a notification received "now" (server time), and its case, and runs `fn` against it with a live worker. */
  async function withNotification<T>(
    fn: (handle: WorkflowHandle, input: NotificationWorkflowInput) => Promise<T>,
    overrides: Partial<NotificationWorkflowInput> = {},
    activityOverrides: Record<string, (arg: unknown) => unknown> = {},
    workflowsPath?: string,
  ): Promise<T> {
    const { worker, taskQueue } = await fakeActivityWorker(env, calls, activityOverrides, workflowsPath);
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
        taskQueue,
        args: [{ caseId: input.caseId, caseNumber, municipality: 'demo', policy: 'legal' }],
      });
      const handle = await env.client.workflow.start('notificationWorkflow', {
        workflowId: `notification-${input.notificationId}`,
        taskQueue,
        args: [input],
      });
      await env.client.workflow
        .getHandle(input.caseWorkflowId)
        .signal(notificationReceivedSignal, { notificationId: input.notificationId, workflowId: handle.workflowId, receivedAt });
      return fn(handle, input);
    });
  }

  const HOUR = 3_600_000;
  /** The calls that do the process's work, without the recordings of its position. */
  const work = () => calls.filter((c) => c.name !== 'recordProcessPosition');
  const created = (kind: string) => calls.filter((c) => c.name === 'createTask' && (c.arg as CreateTaskInput).kind === kind).map((c) => c.arg as CreateTaskInput);
  const taskIdOf = (handle: WorkflowHandle, kind = 'triage') =>
    created(kind).find((t) => t.workflowId === handle.workflowId)!.id;
  const complete = (handle: WorkflowHandle, taskId: string, outcome: Record<string, unknown>, actor = 'reception1') => completeTask(handle, taskId, outcome, actor);

  it('creates the triage task, reminds 6 hours before it is due, escalates at 24 hours, and stays overdue', async () => {
    await withNotification(async (handle, input) => {
      const received = Date.parse(input.receivedAt);
      await env.sleep('17 hours');
      expect(work().map((c) => c.name)).toEqual(['createTask']);
      expect(work()[0].arg).toMatchObject({
        key: `${handle.workflowId}/triage`,
        kind: 'triage',
        agency: 'RECEPTION',
        caseId: input.caseId,
        dueAt: new Date(received + 24 * HOUR).toISOString(),
      });
      // a quarter of the window before the due time; the window starts when the task is created
      const remindAt = Date.parse((work()[0].arg as CreateTaskInput).remindAt!);
      expect(remindAt - received).toBeGreaterThanOrEqual(18 * HOUR);
      expect(remindAt - received).toBeLessThan(18 * HOUR + 60_000);

      await env.sleep('2 hours');
      expect(work().map((c) => c.name)).toEqual(['createTask', 'remindTask']);
      expect(work()[1].at - received).toBeGreaterThanOrEqual(18 * HOUR);
      expect((await handle.query(notificationStateQuery)).overdue).toBe(false);

      await env.sleep('6 hours');
      expect(work().map((c) => c.name)).toEqual(['createTask', 'remindTask', 'escalateTask']);
      expect(work()[2].at - received).toBeGreaterThanOrEqual(24 * HOUR);
      expect(work()[2].arg).toBe(taskIdOf(handle));
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
      expect(work().map((c) => c.name)).toEqual(['createTask', 'recordTaskCompletion', 'recordTriageDecision', 'recordCaseEvent']);
      const attributes = (await handle.describe()).typedSearchAttributes;
      expect(attributes.get(SearchAttributeKeys.overdue)).toBe(false);
      expect(attributes.get(SearchAttributeKeys.nextDeadline)).toBeUndefined();
      expect(attributes.get(SearchAttributeKeys.processStep)).toEqual([]);
      expect(await handle.query(processPositionQuery)).toEqual({ kind: 'notification', status: 'completed', active: [], completed: ['triage', 'done'] });
    });
  });

  it('takes the completion an earlier try stored when the read model already holds one (its worker was killed mid-Update)', async () => {
    const stored = { outcome: { decision: 'close' }, actor: 'reception2', completedAt: '2026-11-21T10:00:00.000Z' };
    await withNotification(
      async (handle) => {
        await env.sleep('1 hour');
        const completion = await handle.executeUpdate(completeTaskUpdate, {
          args: [{ taskId: taskIdOf(handle), outcome: { decision: 'close' }, actor: 'reception2' }],
        });
        expect(completion).toEqual({ taskId: taskIdOf(handle), ...stored });
        expect(await handle.result()).toMatchObject({ step: 'done', decision: 'close' });
      },
      {},
      { recordTaskCompletion: (arg) => ({ ...(arg as TaskCompletion), ...stored }) },
    );
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

  it('lets an abuse notification only open an investigation, asks the case workflow for the hand-over, and asks for a conversation with the child', async () => {
    await withNotification(
      async (handle, input) => {
        await env.sleep('1 hour');
        const refused = await complete(handle, taskIdOf(handle), { decision: 'close' }).catch((e: WorkflowUpdateFailedError) => e);
        expect((refused as WorkflowUpdateFailedError).cause).toMatchObject({
          type: 'InvalidOutcome',
          message: expect.stringContaining('abuse'),
        });
        await complete(handle, taskIdOf(handle), { decision: 'investigation' });
        await waitUntil(() => created('accept-handover').length === 1);
        const [handover] = created('accept-handover');
        // The case workflow, the one writer of the owner, holds the acceptance.
        expect(handover).toMatchObject({ agency: 'AUTHORITY', assignee: 'caseworker2', workflowId: input.caseWorkflowId, processKind: 'case' });
        expect(calls.some((c) => c.name === 'setCaseOwner')).toBe(false); // the sender owns it until accepted
        expect((await handle.query(notificationStateQuery)).step).toBe('handover');
        expect(await handle.query(processPositionQuery)).toMatchObject({ status: 'running', active: ['handover'], completed: ['triage'] });
        expect((await handle.describe()).typedSearchAttributes.get(SearchAttributeKeys.processStep)).toEqual(['handover']);

        const caseHandle = env.client.workflow.getHandle(input.caseWorkflowId);
        expect(callsOf(calls, 'openInvestigation')).toEqual([]); // not before the authority has the case
        await complete(caseHandle, handover.id, { decision: 'accept' }, 'caseworker2');
        await waitUntil(() => created('child-conversation').length === 1);
        expect(callsOf(calls, 'setCaseOwner')).toEqual([expect.objectContaining({ agency: 'AUTHORITY' })]);
        // The authority took it on: its investigation starts, counted from the notification's receipt.
        expect(callsOf(calls, 'openInvestigation')).toEqual([
          { key: `${handle.workflowId}/investigation`, caseId: input.caseId, notificationId: input.notificationId, reason: 'triage decision: investigation', startedBy: 'system' },
        ]);
        const conversation = created('child-conversation')[0].id;
        const refusedConversation = await complete(handle, conversation, {}, 'caseworker2').catch((e) => e);
        expect((refusedConversation as WorkflowUpdateFailedError).cause).toMatchObject({ message: expect.stringContaining('outcome.parentSuspected') });
        await complete(handle, conversation, { heldOn: '2026-11-25', parentSuspected: false }, 'caseworker2');
        // The ended process leaves the case's carried state, and a late repeat of the intake's signal does not bring it back.
        await eventually(async () => expect((await caseHandle.query(caseStateQuery)).notifications).toEqual([]));
        await caseHandle.signal(notificationReceivedSignal, { notificationId: input.notificationId, workflowId: handle.workflowId, receivedAt: input.receivedAt });
        await new Promise((r) => setTimeout(r, 500));
        expect((await caseHandle.query(caseStateQuery)).notifications).toEqual([]);
        expect(await handle.result()).toMatchObject({ step: 'done', decision: 'investigation', handedOverTo: 'AUTHORITY' });
        // The notification's own search attribute follows the case's owner.
        expect((await handle.describe()).typedSearchAttributes.get(SearchAttributeKeys.ownerAgency)).toBe('AUTHORITY');
        await keepHistory(handle, 'notification-abuse-investigation-accepted');
        await keepHistory(caseHandle, 'case-of-notification-accepted');
      },
      { abuse: true },
    );
  });

  it('takes acute action at once on an abuse notification in acute danger, and still requires the investigation', async () => {
    await withNotification(
      async (handle, input) => {
        await env.sleep('10 minutes');
        await complete(handle, taskIdOf(handle), { decision: 'acute' });
        await waitUntil(() => created('acute-action').length === 1);
        expect(created('accept-handover')).toEqual([]); // acute: no acceptance
        expect(callsOf(calls, 'setCaseOwner')).toEqual([expect.objectContaining({ agency: 'AUTHORITY' })]);
        const caseState = await env.client.workflow.getHandle(input.caseWorkflowId).query(caseStateQuery);
        expect(caseState.ownerAgency).toBe('AUTHORITY');
        expect(Date.parse(created('acute-action')[0].dueAt) - (await env.currentTimeMs())).toBeLessThanOrEqual(2 * HOUR);
        await complete(handle, created('acute-action')[0].id, { action: 'child placed with grandparents tonight' }, 'caseworker2');
        await waitUntil(() => callsOf<{ type: string }>(calls, 'recordCaseEvent').some((e) => e.type === 'investigation.required'));
        await waitUntil(() => created('child-conversation').length === 1);
        expect(callsOf(calls, 'openInvestigation')).toEqual([expect.objectContaining({ reason: 'triage decision: acute', notificationId: input.notificationId })]);
        await keepHistory(handle, 'notification-abuse-acute');
      },
      { abuse: true, acute: true },
    );
  });

  it('closes its open tasks and tells its case when it is cancelled', async () => {
    await withNotification(
      async (handle, input) => {
        await env.sleep('1 hour');
        await handle.cancel();
        await expect(handle.result()).rejects.toThrow();
        expect(callsOf(calls, 'cancelTasks')).toEqual([{ taskIds: [taskIdOf(handle)], reason: 'process cancelled' }]);
        expect(callsOf(calls, 'recordCaseEvent')).toContainEqual(expect.objectContaining({ type: 'process.cancelled', data: expect.objectContaining({ step: 'triage' }) }));
        await eventually(async () => expect((await env.client.workflow.getHandle(input.caseWorkflowId).query(caseStateQuery)).notifications).toEqual([]));
        await keepHistory(handle, 'notification-cancelled');
      },
    );
  });

  it('fails at once on an error that cannot heal: no endless retry, tasks closed, Stuck and an operator alert', async () => {
    let receipts = 0;
    await withNotification(
      async (handle) => {
        await expect(handle.result()).rejects.toThrow();
        expect(receipts).toBe(1); // not retried
        expect(callsOf(calls, 'alertLeads')).toEqual([
          expect.objectContaining({ type: 'process.stuck', admins: true, agencies: ['RECEPTION'], data: expect.objectContaining({ errorType: 'MissingRow' }) }),
        ]);
        expect((await handle.describe()).typedSearchAttributes.get(SearchAttributeKeys.stuck)).toBe(true);
        expect(callsOf(calls, 'recordCaseEvent')).toContainEqual(expect.objectContaining({ type: 'process.failed' }));
        expect(callsOf<{ taskIds: string[] }>(calls, 'cancelTasks')[0].taskIds).toContain(taskIdOf(handle));
      },
      { source: 'professional' },
      {
        draftLetter: () => {
          receipts++;
          throw ApplicationFailure.nonRetryable('the notification row is gone', 'MissingRow');
        },
      },
    );
  });

  it('fails the conformance check when a workflow skips a step or enters one its map lacks', async () => {
    await withNotification(
      async (handle) => {
        await handle.result();
        expect(conformanceProblemsOf(calls)).toEqual([
          expect.stringContaining('no flow of the map leads to "acute-action"'),
          expect.stringContaining('"call-the-police" is not a step of the map'),
        ]);
        calls = []; // seen: this test's own conformance check has nothing left to find
      },
      {},
      {},
      require.resolve('../../test/support/changed-workflows/drifting'),
    );
  });
});
