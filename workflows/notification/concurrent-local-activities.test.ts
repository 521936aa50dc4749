import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { NotificationWorkflowInput } from '@sagsflow/temporal/shared';
import { createTimeSkippingEnv } from '../../test/support/time-skipping';
import { workflowSource } from '../../test/support/workflow-bundle';
import { type ActivityCall, fakeActivityWorker } from '../../test/support/workflow-harness';

/**
 * Found by the fault suite's kill -9 of the worker: a professional's notification runs the receipt
 * letter and the triage side by side, each through local activities. When the receipt's draftLetter
 * finished after the triage's createTask (as under load), the commands were recorded in that order;
 * on replay the SDK resolves local activities in the order they were scheduled, so the same code
 * issued them the other way round and the history no longer replayed (TMPRL1100): every replay — a
 * restarted worker, a workflow evicted from the cache — failed its workflow task for ever. Local
 * activities now run one at a time (SERIAL_LOCAL_ACTIVITIES_PATCH), so a slow one holds back the
 * next instead of finishing after it.
 */
describe('notificationWorkflow with its local activities finishing out of order', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(() => env?.teardown());

  it('replays the history it recorded when one local activity is slow', async () => {
    const calls: ActivityCall[] = [];
    let triageTaskAskedForMeanwhile: boolean | undefined;
    const { worker, taskQueue } = await fakeActivityWorker(env, calls, {
      draftLetter: async () => {
        await new Promise((r) => setTimeout(r, 300));
        triageTaskAskedForMeanwhile = calls.some((c) => c.name === 'createTask');
        return { id: 'letter-1' };
      },
    });
    const input: NotificationWorkflowInput = {
      notificationId: randomUUID(),
      caseId: randomUUID(),
      municipality: 'demo',
      receivedAt: new Date(await env.currentTimeMs()).toISOString(),
      policy: 'legal',
      caseWorkflowId: `case-${randomUUID()}`,
      source: 'professional',
      abuse: false,
      acute: false,
    };
    const workflowId = `notification-${input.notificationId}`;
    const history = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start('notificationWorkflow', { workflowId, taskQueue, args: [input] });
      // Both tasks created and their reminder timers recorded.
      for (;;) {
        const recorded = await handle.fetchHistory();
        if (recorded.events!.filter((e) => e.timerStartedEventAttributes).length === 2) return recorded;
        await new Promise((r) => setTimeout(r, 100));
      }
    });
    await Worker.runReplayHistory(workflowSource(), history, workflowId);
    // The slow draft held the triage's task back: they ran in the order they were asked for.
    expect(triageTaskAskedForMeanwhile).toBe(false);
    expect(calls.filter((c) => c.name === 'createTask')).toHaveLength(2);
  });
});
