import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { addDuration, childPlanDueAt, POLICIES, type PolicyName } from '@sagsflow/domain';
import {
  type CaseProcessState,
  caseStateQuery,
  type CreateTaskInput,
  measureStateQuery,
  type MeasureWorkflowInput,
  processEndedSignal,
  processStartedSignal,
} from '@sagsflow/temporal/shared';
import { createTimeSkippingEnv } from '../../test/support/time-skipping';
import {
  type ActivityCall,
  callsOf,
  completeTask,
  conformanceProblemsOf,
  eventually,
  keepHistory,
  measureInput,
  refusalOf,
  runProcessOnCase,
  waitUntil,
} from '../../test/support/workflow-harness';

const DAY = 86_400_000;

/** The preventive measure and its follow-ups over years, with its activities faked and its case workflow real. */
describe('measureWorkflow (time skipped)', () => {
  let env: TestWorkflowEnvironment;
  let calls: ActivityCall[];

  // A server per test: after one measure has run for years, the next test's clock did not skip.
  beforeEach(async () => {
    calls = [];
    env = await createTimeSkippingEnv();
  });
  afterEach(() => env?.teardown());
  afterEach(() => expect(conformanceProblemsOf(calls)).toEqual([]));

  async function withMeasure<T>(
    fn: (handle: WorkflowHandle, input: MeasureWorkflowInput, caseHandle: WorkflowHandle) => Promise<T>,
    options: { policy?: PolicyName; input?: Partial<MeasureWorkflowInput> } = {},
  ): Promise<T> {
    const input = measureInput(new Date(await env.currentTimeMs()), { policy: options.policy, ...options.input });
    return runProcessOnCase(env, calls, { workflowType: 'measureWorkflow', workflowId: `measure-${input.measureId}`, kind: 'preventive-measure', input }, (handle, caseHandle) =>
      fn(handle, input, caseHandle),
    );
  }

  /**
   * Waits until the case workflow has handled a signal: skipping the clock while the server still
   * has that signal's workflow task in hand hung the test server now and then.
   */
  const handled = (caseHandle: WorkflowHandle, check: (state: CaseProcessState) => boolean | undefined) =>
    eventually(async () => expect(check(await caseHandle.query(caseStateQuery))).toBe(true));
  const followUps = () => callsOf<CreateTaskInput>(calls, 'createTask').filter((t) => t.kind === 'measure-follow-up');
  const complete = (handle: WorkflowHandle, taskId: string, outcome: Record<string, unknown>) => completeTask(handle, taskId, outcome, 'caseworker1');
  /** Skips to an hour before `dueAt`. */
  const skipTo = async (dueAt: string) => env.sleep(Math.max(0, Date.parse(dueAt) - (await env.currentTimeMs()) - 3_600_000));

  it('follows a measure up over two years on Hvidovre’s profile: after 4 weeks, then every 2 months, with a step down', async () => {
    await withMeasure(
      async (handle, input) => {
        await waitUntil(() => followUps().length === 1, 'the first follow-up');
        const plan = callsOf<CreateTaskInput>(calls, 'createTask').find((t) => t.kind === 'child-plan')!;
        expect(plan.dueAt).toBe(childPlanDueAt(POLICIES.hvidovre, new Date(input.decidedAt)).toISOString());
        // A child of 8 takes part in the plan (BL §91).
        const noPart = await complete(handle, plan.id, { goals: 'trivsel i skolen' }).catch((e: unknown) => e);
        expect(refusalOf(noPart)).toMatchObject({ type: 'InvalidOutcome', message: expect.stringContaining('outcome.childParticipation') });
        await complete(handle, plan.id, { goals: 'trivsel i skolen', childParticipation: 'barnet tegnede sit netværk' });

        const first = followUps()[0];
        expect(first.dueAt).toBe(addDuration(new Date(input.decidedAt), { weeks: 4 }).toISOString());
        await skipTo(first.dueAt);
        const loose = await complete(handle, first.id, {
          decision: 'continue',
          reason: 'god udvikling',
          cadenceInterval: 3,
          cadenceUnit: 'months',
          cadenceJustification: 'stabil familie',
        }).catch((e: unknown) => e);
        expect(refusalOf(loose)).toMatchObject({ message: expect.stringContaining("looser than the municipality's every 2 months") });
        const noWhy = await complete(handle, first.id, { decision: 'continue', reason: 'god udvikling', cadenceInterval: 2, cadenceUnit: 'months' }).catch((e: unknown) => e);
        expect(refusalOf(noWhy)).toMatchObject({ message: expect.stringContaining('outcome.cadenceJustification') });
        await complete(handle, first.id, { decision: 'continue', reason: 'god udvikling', cadenceInterval: 2, cadenceUnit: 'months', cadenceJustification: 'Hvidovres kadence' });

        // Two years of follow-ups, each due 2 months after the one before was held; a step down at the fifth.
        const decidedAt = Date.parse(input.decidedAt);
        for (let n = 1; (await env.currentTimeMs()) - decidedAt < 2 * 365 * DAY; n++) {
          await waitUntil(() => followUps().length === n + 1, `follow-up ${n + 1}`);
          const [previous, next] = followUps().slice(-2);
          const held = callsOf<{ taskId: string; completedAt?: string }>(calls, 'recordTaskCompletion').find((c) => c.taskId === previous.id)!;
          expect(next.dueAt).toBe(addDuration(new Date(held.completedAt!), { months: 2 }).toISOString());
          await skipTo(next.dueAt);
          const outcome = n === 4 ? { decision: 'step-down', reason: 'mindre indgribende er nok', measureType: 'contact-person' } : { decision: 'continue', reason: 'fortsat behov' };
          await complete(handle, next.id, outcome);
        }
        expect(followUps().length).toBeGreaterThanOrEqual(12);
        const state = await handle.query(measureStateQuery);
        expect(state).toMatchObject({ type: 'contact-person', cadence: { months: 2 }, status: 'running' });
        expect(callsOf(calls, 'recordMeasureProgress')).toContainEqual(expect.objectContaining({ type: 'contact-person' }));
        expect(callsOf<{ type: string; data: Record<string, string> }>(calls, 'recordCaseEvent')).toContainEqual(
          expect.objectContaining({ type: 'measure.stepped', data: { decision: 'step-down', from: 'family-treatment', to: 'contact-person' } }),
        );

        const last = followUps().at(-1)!;
        await waitUntil(() => callsOf(calls, 'recordMeasureProgress').some((p) => (p as { nextFollowUpAt?: string }).nextFollowUpAt === last.dueAt), 'the next follow-up recorded');
        await complete(handle, last.id, { decision: 'end', reason: 'målet er nået' });
        expect(await handle.result()).toMatchObject({ status: 'ended', type: 'contact-person' });
        expect(callsOf(calls, 'recordMeasureProgress').at(-1)).toMatchObject({ status: 'closed', nextFollowUpAt: null });
        await keepHistory(handle, 'measure-hvidovre-two-years');
      },
      { policy: 'hvidovre' },
    );
  });

  it('continues as new between follow-ups once its history is long, carrying its type, cadence and count into the next run', async () => {
    await withMeasure(
      async (handle) => {
        const runOf = async () => (await env.client.workflow.getHandle(handle.workflowId).describe()).runId;
        const firstRun = await runOf();
        await waitUntil(() => callsOf<CreateTaskInput>(calls, 'createTask').some((t) => t.kind === 'child-plan'), 'the plan');
        const plan = callsOf<CreateTaskInput>(calls, 'createTask').find((t) => t.kind === 'child-plan')!;
        await complete(handle, plan.id, { goals: 'trivsel i skolen', childParticipation: 'barnet tegnede sit netværk' });
        await waitUntil(() => followUps().length === 1, 'the first follow-up');
        await skipTo(followUps()[0].dueAt);
        await complete(handle, followUps()[0].id, { decision: 'continue', reason: 'god udvikling', cadenceInterval: 6, cadenceUnit: 'weeks', cadenceJustification: 'tæt opfølgning' });

        const runs = new Set([firstRun]);
        for (let n = 1; n <= 5; n++) {
          await waitUntil(() => followUps().length === n + 1, `follow-up ${n + 1}`);
          const [previous, next] = followUps().slice(-2);
          const held = callsOf<{ taskId: string; completedAt?: string }>(calls, 'recordTaskCompletion').find((c) => c.taskId === previous.id)!;
          expect(next.dueAt).toBe(addDuration(new Date(held.completedAt!), { weeks: 6 }).toISOString());
          runs.add(await runOf());
          await skipTo(next.dueAt);
          await complete(handle, next.id, n === 1 ? { decision: 'step-down', reason: 'mindre er nok', measureType: 'contact-person' } : { decision: 'continue', reason: 'fortsat behov' });
        }
        expect(runs.size).toBeGreaterThan(2); // it continued as new more than once
        const first = await env.client.workflow.getHandle(handle.workflowId, firstRun).describe();
        expect(first.status.name).toBe('CONTINUED_AS_NEW');
        await keepHistory(env.client.workflow.getHandle(handle.workflowId, firstRun), 'measure-continued-as-new');

        await waitUntil(() => followUps().length === 7, 'follow-up 7');
        expect(await handle.query(measureStateQuery)).toMatchObject({ type: 'contact-person', cadence: { weeks: 6 }, status: 'running' });
        expect((await handle.query(measureStateQuery)).followUps).toHaveLength(6);
        expect(new Set(followUps().map((t) => t.id)).size).toBe(7); // no task made twice
        await complete(handle, followUps()[6].id, { decision: 'end', reason: 'målet er nået' });
        expect(await env.client.workflow.getHandle(handle.workflowId).result()).toMatchObject({ status: 'ended', type: 'contact-person' });
        // Only the end told the case: no run's close looked like the process ending, or failing.
        const types = callsOf<{ type: string }>(calls, 'recordCaseEvent').map((e) => e.type);
        expect(types.filter((t) => t === 'measure.ended')).toHaveLength(1);
        expect(types).not.toContain('process.failed');
      },
      { policy: 'hvidovre', input: { continueAsNewAfterEvents: 60 } },
    );
  });

  it('on the legal profile: the first follow-up at 3 months', async () => {
    await withMeasure(async (_handle, input) => {
      await waitUntil(() => followUps().length === 1, 'the first follow-up');
      expect(followUps()[0].dueAt).toBe(addDuration(new Date(input.decidedAt), { months: 3 }).toISOString());
    });
  });

  it('on the legal profile: the first follow-up sooner, when an investigation running alongside ends first', async () => {
    await withMeasure(
      async (handle, input, caseHandle) => {
        await caseHandle.signal(processStartedSignal, { workflowId: 'investigation-alongside', kind: 'investigation' });
        await waitUntil(() => followUps().length === 1, 'the first follow-up');
        await handled(caseHandle, (state) => state.processes?.some((p) => p.workflowId === 'investigation-alongside'));
        // The investigation ends (without skipping the clock, which now and then hung the test server
        // right after a signal): the case tells the measure, whose first follow-up is due now.
        await caseHandle.signal(processEndedSignal, { workflowId: 'investigation-alongside', kind: 'investigation', outcome: 'completed' });
        await waitUntil(() => followUps().length === 2, 'the first follow-up moved');
        const [planned, moved] = followUps();
        expect(callsOf<{ taskIds: string[] }>(calls, 'cancelTasks')).toContainEqual(expect.objectContaining({ taskIds: [planned.id] }));
        const endedAt = Date.parse(moved.dueAt);
        expect(endedAt).toBeGreaterThanOrEqual(Date.parse(input.decidedAt));
        expect(endedAt).toBeLessThan(Date.parse(planned.dueAt) - 80 * DAY); // not 3 months on
        // Due at once, so escalated at once; completed after that (an Update arriving while the
        // escalation ran hung the time-skipping server now and then; on a real server it does not:
        // test/integration/completion-during-escalation.test.ts).
        await waitUntil(() => callsOf(calls, 'escalateTask').includes(moved.id), 'the moved follow-up escalated');
        await complete(handle, moved.id, { decision: 'end', reason: 'undersøgelsen viste, at støtten ikke længere er nødvendig' });
        await waitUntil(() => callsOf<{ status?: string }>(calls, 'recordMeasureProgress').some((p) => p.status === 'closed'), 'the measure closed');
        expect(callsOf(calls, 'cancelTasks').length).toBeGreaterThanOrEqual(2); // and the plan, never made, is closed
      },
      { input: { alongsideInvestigation: 'investigation-alongside' } },
    );
  });

  it('an investigation other than the one alongside does not move the first follow-up', async () => {
    await withMeasure(
      async (handle, _input, caseHandle) => {
        await caseHandle.signal(processStartedSignal, { workflowId: 'investigation-other', kind: 'investigation' });
        await waitUntil(() => followUps().length === 1, 'the first follow-up');
        await caseHandle.signal(processEndedSignal, { workflowId: 'investigation-other', kind: 'investigation', outcome: 'completed' });
        await handled(caseHandle, (state) => state.endedProcesses?.includes('investigation-other'));
        await new Promise((r) => setTimeout(r, 1_000)); // time for a relayed signal to land, if one were sent
        expect(followUps()).toHaveLength(1);
      },
      { input: { alongsideInvestigation: 'investigation-alongside' } },
    );
  });
});
