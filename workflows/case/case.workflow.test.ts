import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Agency } from '@sagsflow/domain';
import {
  caseStateQuery,
  type CaseWorkflowInput,
  type CreateTaskInput,
  type HandoverResult,
  handoverRequestedSignal,
  involveAgencyUpdate,
  requestHandoverUpdate,
  SearchAttributeKeys,
  setTovholderUpdate,
  staffLeftSignal,
} from '@sagsflow/temporal/shared';
import { createTimeSkippingEnv } from '../../test/support/time-skipping';
import { type ActivityCall, callsOf, completeTask, conformanceProblemsOf, fakeActivityWorker, keepHistory, waitUntil } from '../../test/support/workflow-harness';

type CaseEvent = { type: string; actor: string; data: Record<string, string> };

/**
 * The case workflow as the one writer of a case's owner and tovholder, with its activities faked,
 * on a server whose clock we skip forward.
 */
describe('caseWorkflow (time skipped)', () => {
  let env: TestWorkflowEnvironment;
  let calls: ActivityCall[];

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(() => env?.teardown());
  beforeEach(() => (calls = []));
  afterEach(() => expect(conformanceProblemsOf(calls)).toEqual([]));

  async function withCase<T>(
    fn: (handle: WorkflowHandle) => Promise<T>,
    options: { input?: Partial<CaseWorkflowInput>; overrides?: Record<string, (arg: unknown) => unknown>; workflowsPath?: string } = {},
  ): Promise<T> {
    const { worker, taskQueue } = await fakeActivityWorker(env, calls, options.overrides, options.workflowsPath);
    const caseNumber = `T-${randomUUID().slice(0, 8)}`;
    const input: CaseWorkflowInput = { caseId: randomUUID(), caseNumber, municipality: 'demo', policy: 'legal', ...options.input };
    return worker.runUntil(async () => {
      const handle = await env.client.workflow.start('caseWorkflow', {
        workflowId: `case-${caseNumber}`,
        taskQueue,
        args: [input],
        typedSearchAttributes: [{ key: SearchAttributeKeys.ownerAgency, value: 'RECEPTION' }],
      });
      return fn(handle);
    });
  }

  const tasksOf = (kind: string) => callsOf<CreateTaskInput>(calls, 'createTask').filter((t) => t.kind === kind);
  const events = () => callsOf<CaseEvent>(calls, 'recordCaseEvent');
  const requestHandover = (handle: WorkflowHandle, to: Agency, requestedBy: string, requestId: string = randomUUID()) =>
    handle.executeUpdate(requestHandoverUpdate, { args: [{ requestId, to, reason: 'the case needs them', requestedBy }] });

  /** Owner in the workflow, in Temporal Web, in the read model and on the timeline, all the same. */
  async function expectOwner(handle: WorkflowHandle, owner: Agency): Promise<void> {
    expect((await handle.query(caseStateQuery)).ownerAgency).toBe(owner);
    expect((await handle.describe()).typedSearchAttributes.get(SearchAttributeKeys.ownerAgency)).toBe(owner);
    const readModel = callsOf<{ agency: Agency }>(calls, 'setCaseOwner').at(-1)?.agency ?? 'RECEPTION';
    expect(readModel).toBe(owner);
    const timeline = events().filter((e) => e.type === 'owner.changed').at(-1)?.data.to ?? 'RECEPTION';
    expect(timeline).toBe(owner);
  }

  it('hands the case to the authority on acceptance, keeps it on a decline to PPR, and involves PPR without handing over', async () => {
    await withCase(async (handle) => {
      await expectOwner(handle, 'RECEPTION');

      const asked = await requestHandover(handle, 'AUTHORITY', 'reception1', 'to-authority');
      expect(asked).toMatchObject<Partial<HandoverResult>>({ status: 'pending', owner: 'RECEPTION' });
      const [acceptance] = tasksOf('accept-handover');
      expect(acceptance).toMatchObject({ agency: 'AUTHORITY', processKind: 'case', step: 'accept-handover' });
      expect((await handle.query(caseStateQuery)).pendingHandover).toMatchObject({ from: 'RECEPTION', to: 'AUTHORITY', taskId: acceptance.id });
      expect(callsOf(calls, 'setPendingHandover').at(-1)).toMatchObject({ pending: { to: 'AUTHORITY' } });
      await expectOwner(handle, 'RECEPTION'); // the sender owns it until the receiver accepts

      const second = await requestHandover(handle, 'PPR', 'reception1').catch((e: unknown) => e);
      expect((second as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'HandoverPending' });
      expect(await requestHandover(handle, 'AUTHORITY', 'reception1', 'to-authority')).toMatchObject({ status: 'pending' }); // a retry, answered alike

      await completeTask(handle, acceptance.id, { decision: 'accept' }, 'caseworker1');
      await waitUntil(() => callsOf(calls, 'setCaseOwner').length === 1, 'the new owner in the read model');
      await waitUntil(() => events().some((e) => e.type === 'owner.changed'), 'the owner change on the timeline');
      await expectOwner(handle, 'AUTHORITY');
      expect((await handle.query(caseStateQuery)).pendingHandover).toBeNull();
      expect(events().find((e) => e.type === 'handover.accepted')).toMatchObject({ actor: 'caseworker1', data: { from: 'RECEPTION', to: 'AUTHORITY' } });

      await requestHandover(handle, 'PPR', 'caseworker1', 'to-ppr');
      const toPpr = tasksOf('accept-handover').find((t) => t.agency === 'PPR')!;
      const refused = await completeTask(handle, toPpr.id, { decision: 'decline' }, 'ppr1').catch((e: unknown) => e);
      if (refused instanceof WorkflowUpdateFailedError) expect(refused.cause).toMatchObject({ type: 'InvalidOutcome', message: expect.stringContaining('outcome.reason') });
      await completeTask(handle, toPpr.id, { decision: 'decline', reason: 'not a matter for PPR' }, 'ppr1');
      await waitUntil(() => events().some((e) => e.type === 'handover.declined'), 'the decline on the timeline');
      expect(events().find((e) => e.type === 'handover.declined')).toMatchObject({ actor: 'ppr1', data: { from: 'AUTHORITY', to: 'PPR', reason: 'not a matter for PPR' } });
      expect(callsOf(calls, 'alertLeads')).toContainEqual(expect.objectContaining({ type: 'handover.declined', agencies: ['AUTHORITY'] }));
      await expectOwner(handle, 'AUTHORITY');

      const { taskId } = await handle.executeUpdate(involveAgencyUpdate, {
        args: [{ requestId: 'ppr-assessment', agency: 'PPR', what: 'psychological-educational assessment', requestedBy: 'caseworker1' }],
      });
      expect(tasksOf('contribution')).toEqual([expect.objectContaining({ id: taskId, agency: 'PPR' })]);
      await expectOwner(handle, 'AUTHORITY');
      await completeTask(handle, taskId, { summary: 'assessment attached' }, 'ppr1');
      await waitUntil(() => events().some((e) => e.type === 'involvement.contributed'), 'the contribution on the timeline');
      await waitUntil(() => callsOf(calls, 'alertUser').length > 0, 'the one who asked told');
      expect(callsOf(calls, 'alertUser')).toEqual([expect.objectContaining({ type: 'contribution.received', username: 'caseworker1', data: { agency: 'PPR' } })]);
      await expectOwner(handle, 'AUTHORITY');
      expect(callsOf(calls, 'setCaseOwner')).toHaveLength(1);

      const toAdmin = await requestHandover(handle, 'ADMIN', 'caseworker1').catch((e: unknown) => e);
      expect((toAdmin as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'InvalidHandover', message: expect.stringContaining('ADMIN') });
      const toItself = await requestHandover(handle, 'AUTHORITY', 'caseworker1').catch((e: unknown) => e);
      expect((toItself as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'InvalidHandover' });
      await keepHistory(handle, 'case-handover-decline-involvement');
    });
  });

  it('escalates a hand-over not accepted in time to both agencies’ leads, and an acute move cancels it', async () => {
    await withCase(async (handle) => {
      await requestHandover(handle, 'ADVISORY_TEAM', 'reception1', 'to-advisory');
      const [acceptance] = tasksOf('accept-handover');
      await env.sleep('5 days'); // 2 working days, whatever the weekday
      expect(callsOf(calls, 'escalateTask')).toEqual([acceptance.id]); // the receiving team's lead, through the task
      await waitUntil(() => callsOf(calls, 'alertLeads').length > 0, 'the sender’s lead alerted');
      expect(callsOf(calls, 'alertLeads')).toEqual([expect.objectContaining({ type: 'handover.overdue', agencies: ['RECEPTION'], data: { from: 'RECEPTION', to: 'ADVISORY_TEAM' } })]);
      expect((await handle.describe()).typedSearchAttributes.get(SearchAttributeKeys.overdue)).toBe(true);
      await expectOwner(handle, 'RECEPTION');

      await handle.signal(handoverRequestedSignal, { requestId: 'acute', to: 'AUTHORITY', reason: 'acute notification', requestedBy: 'system', acute: true });
      await waitUntil(() => callsOf(calls, 'setCaseOwner').length === 1, 'the acute move');
      await waitUntil(() => events().some((e) => e.type === 'owner.changed'), 'the acute move on the timeline');
      expect(callsOf(calls, 'cancelTasks')).toEqual([expect.objectContaining({ taskIds: [acceptance.id] })]);
      await expectOwner(handle, 'AUTHORITY');
      expect((await handle.query(caseStateQuery)).pendingHandover).toBeNull();
      expect((await handle.describe()).typedSearchAttributes.get(SearchAttributeKeys.overdue)).toBe(false);
      await keepHistory(handle, 'case-handover-overdue-then-acute');
    });
  });

  it('holds the tovholder: by caseload, chosen by a lead, and reassigned when the person leaves', async () => {
    await withCase(async (handle) => {
      expect(await handle.executeUpdate(setTovholderUpdate, { args: [{ by: 'lead1' }] })).toMatchObject({ username: 'caseworker1', agency: 'AUTHORITY' });
      const chosen = await handle.executeUpdate(setTovholderUpdate, { args: [{ username: 'jobcenter1', by: 'lead1' }] });
      expect(chosen).toMatchObject({ username: 'jobcenter1', agency: 'JOBCENTER_UNG' });
      expect((await handle.query(caseStateQuery)).tovholder).toEqual(chosen);
      expect(callsOf(calls, 'setTovholder').at(-1)).toMatchObject({ tovholder: { username: 'jobcenter1', since: chosen!.since } });
      expect(callsOf(calls, 'alertUser')).toContainEqual(expect.objectContaining({ type: 'tovholder.assigned', username: 'jobcenter1' }));

      await handle.signal(staffLeftSignal, { username: 'someone-else' });
      await handle.signal(staffLeftSignal, { username: 'jobcenter1' });
      await waitUntil(() => callsOf(calls, 'assignCoordinator').length === 2, 'a new tovholder');
      expect(callsOf(calls, 'assignCoordinator').at(-1)).toMatchObject({ exclude: ['jobcenter1'] });
      await waitUntil(() => events().filter((e) => e.type === 'tovholder.changed').length === 3, 'the change on the timeline');
      expect((await handle.query(caseStateQuery)).tovholder).toMatchObject({ username: 'caseworker1', agency: 'AUTHORITY' });
      expect(events().filter((e) => e.type === 'tovholder.changed').map((e) => [e.data.from, e.data.to])).toEqual([
        ['', 'caseworker1'],
        ['caseworker1', 'jobcenter1'],
        ['jobcenter1', 'caseworker1'],
      ]);
      await keepHistory(handle, 'case-tovholder');
    });
  });

  it('refuses a tovholder who may not be one, naming the field', async () => {
    await withCase(
      async (handle) => {
        const refused = await handle.executeUpdate(setTovholderUpdate, { args: [{ username: 'reception1', by: 'lead1' }] }).catch((e: unknown) => e);
        expect((refused as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'InvalidTovholder', message: expect.stringContaining('username') });
        expect((await handle.query(caseStateQuery)).tovholder).toBeNull();
      },
      { overrides: { coordinatorCandidate: () => ({ agency: null }) } },
    );
  });

  it('continues as new with an open task, which is still completable afterwards', async () => {
    await withCase(
      async (handle) => {
        const firstRun = (await handle.describe()).runId;
        const { taskId } = await handle.executeUpdate(involveAgencyUpdate, {
          args: [{ requestId: 'jobcenter-part', agency: 'JOBCENTER_UNG', what: 'youth plan', requestedBy: 'caseworker1' }],
        });
        for (let i = 0; i < 15; i++) await handle.signal(staffLeftSignal, { username: `nobody-${i}` });
        let runId = firstRun;
        for (let i = 0; i < 200 && runId === firstRun; i++) runId = await new Promise((r) => setTimeout(r, 50)).then(async () => (await handle.describe()).runId);
        expect(runId).not.toBe(firstRun);
        const state = await handle.query(caseStateQuery);
        expect(state.openTasks).toEqual([expect.objectContaining({ id: taskId, purpose: { involvement: 'jobcenter-part', requestedBy: 'caseworker1' } })]);

        await completeTask(handle, taskId, { summary: 'youth plan part written' }, 'jobcenter1');
        await waitUntil(() => events().some((e) => e.type === 'involvement.contributed'), 'the contribution after continue-as-new');
        expect((await handle.query(caseStateQuery)).openTasks).toEqual([]);
      },
      { input: { continueAsNewAfterEvents: 20 } },
    );
  });

  it('stops a step that fails for good: no endless retry, an operator alert and Stuck in Temporal Web', async () => {
    await withCase(
      async (handle) => {
        const failed = await requestHandover(handle, 'AUTHORITY', 'reception1').catch((e: unknown) => e);
        expect(failed).toBeInstanceOf(WorkflowUpdateFailedError);
        await waitUntil(() => callsOf(calls, 'alertLeads').length > 0, 'the operator alert');
        expect(callsOf(calls, 'setPendingHandover')).toHaveLength(1);
        expect(callsOf(calls, 'alertLeads')).toEqual([
          expect.objectContaining({ type: 'process.stuck', admins: true, agencies: ['RECEPTION'], data: { step: 'handover', errorType: 'MissingRow' } }),
        ]);
        expect((await handle.describe()).typedSearchAttributes.get(SearchAttributeKeys.stuck)).toBe(true);
        expect((await handle.query(caseStateQuery)).stuck).toBe(true);
        await env.sleep('1 hour');
        expect(callsOf(calls, 'setPendingHandover')).toHaveLength(1);
      },
      { overrides: { setPendingHandover: () => Promise.reject(ApplicationFailure.nonRetryable('no such case', 'MissingRow')) } },
    );
  });

  it('moves a case workflow started before orchestration to today’s code when a new request reaches it', async () => {
    await withCase(
      async (handle) => {
        const firstRun = (await handle.describe()).runId;
        const refused = await requestHandover(handle, 'AUTHORITY', 'reception1').catch((e: unknown) => e);
        expect((refused as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'CaseUpgrading' }); // 503: send again
        await handle.signal(handoverRequestedSignal, { requestId: 'from-a-process', to: 'AUTHORITY', reason: 'triage decision: investigation', requestedBy: 'system' });
        await waitUntil(() => tasksOf('accept-handover').length === 1, 'the hand-over taken up by the current version');
        expect((await handle.describe()).runId).not.toBe(firstRun);
        expect((await handle.query(caseStateQuery)).pendingHandover).toMatchObject({ requestId: 'from-a-process', to: 'AUTHORITY' });
      },
      { workflowsPath: require.resolve('../../test/support/changed-workflows/started-before-orchestration') },
    );
  });
});
