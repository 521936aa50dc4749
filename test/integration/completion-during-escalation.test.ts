import { TestWorkflowEnvironment } from '@temporalio/testing';
import { type CreateTaskInput, processEndedSignal, processStartedSignal } from '@sagsflow/temporal/shared';
import { stackValue } from '../support/stack-env';
import { type ActivityCall, callsOf, completeTask, measureInput, runProcessOnCase, waitUntil } from '../support/workflow-harness';

/**
 * A task due at once is escalated at once; a caseworker who completes it meanwhile must not wait
 * for ever. On the time-skipping test server such an Update now and then never returned (see the
 * measure's workflow test); on a real server it waits for the escalation, then completes. The
 * activities are faked (the escalation made slow), the server is the suite's real one.
 */
describe('a completion that arrives while its task is being escalated', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createFromExistingServer({ address: stackValue('temporalAddress') });
  });
  afterAll(() => env?.teardown());

  it('is taken once the escalation has run, and the measure it ends closes', async () => {
    const calls: ActivityCall[] = [];
    const input = measureInput(new Date(), { alongsideInvestigation: 'investigation-alongside' });
    const followUps = () => callsOf<CreateTaskInput>(calls, 'createTask').filter((t) => t.kind === 'measure-follow-up');
    const slowEscalation = () => new Promise((resolve) => setTimeout(resolve, 800));
    const process = { workflowType: 'measureWorkflow', workflowId: `measure-${input.measureId}`, kind: 'preventive-measure' as const, input, activities: { escalateTask: slowEscalation } };

    await runProcessOnCase(env, calls, process, async (handle, caseHandle) => {
      // The investigation alongside ends: the first follow-up moves to now, so it is due (and escalated) at once.
      await caseHandle.signal(processStartedSignal, { workflowId: 'investigation-alongside', kind: 'investigation' });
      await waitUntil(() => followUps().length === 1, 'the first follow-up');
      await caseHandle.signal(processEndedSignal, { workflowId: 'investigation-alongside', kind: 'investigation', outcome: 'completed' });
      await waitUntil(() => followUps().length === 2, 'the first follow-up moved');
      const moved = followUps()[1];
      await waitUntil(() => callsOf(calls, 'escalateTask').includes(moved.id), 'its escalation under way');

      const completion = await completeTask(handle, moved.id, { decision: 'end', reason: 'undersøgelsen viste, at støtten ikke længere er nødvendig' }, 'caseworker1');
      expect(completion).toMatchObject({ taskId: moved.id, actor: 'caseworker1' });
      const order = calls.map((c) => c.name).filter((name) => name === 'escalateTask' || name === 'recordTaskCompletion');
      expect(order).toEqual(['escalateTask', 'recordTaskCompletion']);
      await waitUntil(() => callsOf<{ status?: string }>(calls, 'recordMeasureProgress').some((p) => p.status === 'closed'), 'the measure closed');
    });
  });
});
