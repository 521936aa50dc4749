import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { investigationDueAt, POLICIES, type PolicyName } from '@sagsflow/domain';
import { type CreateTaskInput, investigationStateQuery, type InvestigationWorkflowInput } from '@sagsflow/temporal/shared';
import { createTimeSkippingEnv } from '../../test/support/time-skipping';
import {
  type ActivityCall,
  callsOf,
  completeTask,
  conformanceProblemsOf,
  eventually,
  keepHistory,
  refusalOf,
  runProcessOnCase,
  waitUntil,
} from '../../test/support/workflow-harness';

const DAY = 86_400_000;

/** The investigation (børnefaglig undersøgelse) with its activities faked, its case workflow real, on a clock we skip. */
describe('investigationWorkflow (time skipped)', () => {
  let env: TestWorkflowEnvironment;
  let calls: ActivityCall[];

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(() => env?.teardown());
  beforeEach(() => (calls = []));
  afterEach(() => expect(conformanceProblemsOf(calls)).toEqual([]));

  async function withInvestigation<T>(
    fn: (handle: WorkflowHandle, input: InvestigationWorkflowInput) => Promise<T>,
    options: { policy?: PolicyName; input?: Partial<InvestigationWorkflowInput> } = {},
  ): Promise<T> {
    const now = new Date(await env.currentTimeMs());
    const caseNumber = `T-${randomUUID().slice(0, 8)}`;
    const policy = options.policy ?? 'legal';
    const input: InvestigationWorkflowInput = {
      investigationId: randomUUID(),
      caseId: randomUUID(),
      caseWorkflowId: `case-${caseNumber}`,
      municipality: 'demo',
      policy,
      policyValues: POLICIES[policy],
      awareSince: now.toISOString(),
      dueAt: investigationDueAt(now, POLICIES[policy].deadlines.investigation).toISOString(),
      notifierGetsLetters: false,
      caseworker: 'caseworker1',
      startedBy: 'caseworker1',
      ...options.input,
    };
    return runProcessOnCase(env, calls, { workflowType: 'investigationWorkflow', workflowId: `investigation-${input.investigationId}`, kind: 'investigation', input }, (handle) =>
      fn(handle, input),
    );
  }

  const tasks = () => callsOf<CreateTaskInput>(calls, 'createTask');
  const taskOf = (step: string) => tasks().find((t) => t.step === step);
  const complete = (handle: WorkflowHandle, taskId: string, outcome: Record<string, unknown>, actor = 'caseworker1') => completeTask(handle, taskId, outcome, actor);

  const OUTCOMES: Record<string, Record<string, unknown>> = {
    'child-conversation': { heldOn: '2026-12-01', place: 'på skolen', present: 'barnet og rådgiver', childView: 'vil gerne bo hjemme' },
    'parent-involvement': { heldOn: '2026-12-02', parentsView: 'ønsker hjælp' },
    'network-mapping': { network: 'mormor, onkel, fodboldtræner', familyGroupConferenceOffered: true, familyAnswer: 'accepted' },
    'professional-statements': { summary: 'skole og sundhedsplejerske udtaler sig', schoolingNeeds: false, healthExaminationNeeded: false },
    siblings: { consideration: 'lillebror på 3 år er overvejet' },
  };

  async function doSteps(handle: WorkflowHandle, steps: string[] = Object.keys(OUTCOMES)): Promise<void> {
    await waitUntil(() => steps.every((s) => taskOf(s)), 'the steps’ tasks');
    for (const step of steps) await complete(handle, taskOf(step)!.id, OUTCOMES[step]);
  }

  it('runs a full investigation to its conclusion on day 100: every step done, a measure started, the notifier told', async () => {
    await withInvestigation(
      async (handle, input) => {
        const started = await env.currentTimeMs();
        await waitUntil(() => tasks().length === 6, 'five steps and the conclusion');
        expect(taskOf('conclusion')).toMatchObject({ kind: 'investigation-conclusion', agency: 'AUTHORITY', assignee: 'caseworker1', dueAt: input.dueAt, processKind: 'investigation' });
        // The steps are due within 3 months of the start, well before the 4-month conclusion.
        expect(Date.parse(taskOf('child-conversation')!.dueAt)).toBeLessThan(Date.parse(input.dueAt));
        await doSteps(handle);
        expect((await handle.query(investigationStateQuery)).openSteps).toEqual([]);

        await env.sleep(100 * DAY - ((await env.currentTimeMs()) - started));
        await complete(handle, taskOf('conclusion')!.id, {
          decision: 'preventive-measure',
          conclusion: 'familien har brug for støtte i hjemmet',
          measureType: 'family-treatment',
          goal: 'trygge rammer i hjemmet',
        });
        await waitUntil(() => taskOf('send-outcome') !== undefined, 'the outcome letter task');
        expect(callsOf(calls, 'openMeasure')).toEqual([
          expect.objectContaining({ key: `${handle.workflowId}/measure`, caseId: input.caseId, type: 'family-treatment', goal: 'trygge rammer i hjemmet', investigationId: input.investigationId }),
        ]);
        expect(callsOf(calls, 'recordInvestigation')).toContainEqual(expect.objectContaining({ status: 'concluded', decision: 'preventive-measure' }));
        expect(callsOf(calls, 'draftLetter')).toEqual([expect.objectContaining({ kind: 'outcome', decision: 'preventive-measure', notificationId: input.notificationId })]);
        expect(taskOf('send-outcome')).toMatchObject({ agency: 'RECEPTION' });
        await complete(handle, taskOf('send-outcome')!.id, {}, 'reception1');
        const result = await handle.result();
        expect(result).toMatchObject({ decision: 'preventive-measure', overdue: false });
        expect(Date.parse(result.concludedAt!) - started).toBeGreaterThanOrEqual(100 * DAY);
        // Nothing about a missed deadline on day 100.
        expect(callsOf(calls, 'alertLeads')).toEqual([]);
        expect(tasks().map((t) => t.step)).not.toContain('preliminary-assessment');
        const timeline = callsOf<{ type: string; data: Record<string, string> }>(calls, 'recordCaseEvent');
        expect(timeline.filter((e) => e.type === 'investigation.step-done').map((e) => e.data.step).sort()).toEqual(Object.keys(OUTCOMES).sort());
        expect(timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['investigation.concluded', 'letter.outcome.sent']));
        await keepHistory(handle, 'investigation-concluded-measure');
      },
      { input: { notifierGetsLetters: true, notificationId: randomUUID() } },
    );
  });

  it('refuses the conclusion with 422 naming the open child conversation, then takes it once it is done', async () => {
    await withInvestigation(async (handle) => {
      await doSteps(handle, ['parent-involvement', 'network-mapping', 'professional-statements', 'siblings']);
      const conclusion = { decision: 'no-support', conclusion: 'ingen behov for støtte' };
      const refused = await complete(handle, taskOf('conclusion')!.id, conclusion).catch((e: unknown) => e);
      expect(refusalOf(refused)).toMatchObject({ type: 'InvalidOutcome', message: expect.stringContaining('Børnesamtale (child-conversation)') });
      expect(refusalOf(refused)).toMatchObject({ message: expect.not.stringContaining('siblings') });
      expect(callsOf(calls, 'recordTaskCompletion').map((c) => (c as { taskId: string }).taskId)).not.toContain(taskOf('conclusion')!.id);

      await doSteps(handle, ['child-conversation']);
      await complete(handle, taskOf('conclusion')!.id, conclusion);
      expect(await handle.result()).toMatchObject({ decision: 'no-support' });
      expect(callsOf(calls, 'closeCaseIfIdle')).toEqual([expect.objectContaining({ exceptWorkflowId: handle.workflowId })]);
      expect(callsOf(calls, 'draftLetter')).toEqual([]); // a citizen's notification: no letter
    });
  });

  it('asks for Signs of Safety’s three answers where the policy says so (Aalborg), and a family group conference where it is the core method (Haderslev)', async () => {
    await withInvestigation(
      async (handle) => {
        await doSteps(handle);
        const refused = await complete(handle, taskOf('conclusion')!.id, { decision: 'placement', conclusion: 'anbringelse', worries: 'vold i hjemmet' }).catch((e: unknown) => e);
        expect(refusalOf(refused)).toMatchObject({ type: 'InvalidOutcome', message: expect.stringContaining('outcome.strengths is required') });
        await complete(handle, taskOf('conclusion')!.id, { decision: 'placement', conclusion: 'anbringelse', worries: 'vold', strengths: 'mormor', nextSteps: 'anbringelse hos mormor' });
        await waitUntil(() => taskOf('placement-preparation') !== undefined, 'the placement to prepare');
        await complete(handle, taskOf('placement-preparation')!.id, { summary: 'netværksanbringelse undersøgt' });
        expect(await handle.result()).toMatchObject({ decision: 'placement' });
      },
      { policy: 'aalborg' },
    );
    calls = [];
    await withInvestigation(
      async (handle) => {
        await waitUntil(() => taskOf('network-mapping') !== undefined, 'the network task');
        const refused = await complete(handle, taskOf('network-mapping')!.id, { network: 'mormor', familyGroupConferenceOffered: false }).catch((e: unknown) => e);
        expect(refusalOf(refused)).toMatchObject({ type: 'InvalidOutcome', message: expect.stringContaining('familierådslagning') });
      },
      { policy: 'haderslev' },
    );
  });

  it('at 4 months without a conclusion asks for a preliminary assessment and alerts the lead, again every 2 weeks, and still concludes', async () => {
    await withInvestigation(async (handle, input) => {
      await doSteps(handle);
      await env.sleep(Date.parse(input.dueAt) - (await env.currentTimeMs()) + 60_000);
      await waitUntil(() => taskOf('preliminary-assessment') !== undefined, 'the preliminary assessment');
      expect(callsOf(calls, 'alertLeads')).toEqual([expect.objectContaining({ type: 'investigation.overdue', agencies: ['AUTHORITY'], data: { dueAt: input.dueAt } })]);
      expect(callsOf(calls, 'escalateTask')).toContain(taskOf('conclusion')!.id); // and the task itself is escalated
      const preliminary = taskOf('preliminary-assessment')!;
      expect(preliminary).toMatchObject({ kind: 'preliminary-assessment', agency: 'AUTHORITY', assignee: 'caseworker1' });
      expect(Date.parse(preliminary.dueAt) - Date.parse(input.dueAt)).toBeGreaterThanOrEqual(13 * DAY);
      expect(Date.parse(preliminary.dueAt) - Date.parse(input.dueAt)).toBeLessThanOrEqual(14 * DAY + 1);
      expect(callsOf(calls, 'recordInvestigation')).toContainEqual(expect.objectContaining({ preliminaryAssessmentDueAt: preliminary.dueAt }));
      expect((await handle.query(investigationStateQuery)).overdue).toBe(true);
      await complete(handle, preliminary.id, { assessment: 'barnet er ikke i fare; undersøgelsen afsluttes snarest' });

      await env.sleep('15 days');
      await eventually(async () => expect(callsOf(calls, 'alertLeads')).toHaveLength(2));
      await complete(handle, taskOf('conclusion')!.id, { decision: 'no-support', conclusion: 'ingen støtte' });
      expect(await handle.result()).toMatchObject({ decision: 'no-support' });
      await env.sleep('30 days');
      expect(callsOf(calls, 'alertLeads')).toHaveLength(2); // concluded: no more alerts
      await keepHistory(handle, 'investigation-overdue');
    });
  });

  it('involves PPR through the case when the statements show schooling needs: PPR assesses, the case owner never changes', async () => {
    await withInvestigation(async (handle, input) => {
      await doSteps(handle, ['child-conversation', 'parent-involvement', 'network-mapping', 'siblings']);
      await complete(handle, taskOf('professional-statements')!.id, { ...OUTCOMES['professional-statements'], schoolingNeeds: true });
      await waitUntil(() => tasks().some((t) => t.kind === 'contribution'), 'PPR’s task');
      const ppr = tasks().find((t) => t.kind === 'contribution')!;
      expect(ppr).toMatchObject({ agency: 'PPR', processKind: 'case', workflowId: input.caseWorkflowId });
      const early = await complete(handle, taskOf('conclusion')!.id, { decision: 'no-support', conclusion: 'x' }).catch((e: unknown) => e);
      expect(refusalOf(early)).toMatchObject({ message: expect.stringContaining('PPR-vurdering (ppr-assessment)') });

      await completeTask(env.client.workflow.getHandle(input.caseWorkflowId), ppr.id, { summary: 'behov for specialundervisning' }, 'ppr1');
      await eventually(async () => expect((await handle.query(investigationStateQuery)).openSteps).toEqual([]));
      await complete(handle, taskOf('conclusion')!.id, { decision: 'no-support', conclusion: 'støtte i skolen er nok' });
      await handle.result();
      expect(callsOf(calls, 'setCaseOwner')).toEqual([]); // owned by the authority throughout
      const timeline = callsOf<{ type: string; actor: string }>(calls, 'recordCaseEvent');
      expect(timeline).toContainEqual(expect.objectContaining({ type: 'involvement.contributed', actor: 'ppr1' }));
      await keepHistory(handle, 'investigation-ppr');
    });
  });
});
