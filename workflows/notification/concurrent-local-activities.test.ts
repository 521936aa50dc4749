import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { NotificationWorkflowInput } from '@sagsflow/temporal/shared';
import { workflowBundlerOptions, WORKFLOWS_PATH } from '../../apps/worker/src/workflow-bundle';
import { createTimeSkippingEnv } from '../../test/support/time-skipping';
import { type ActivityCall, fakeActivityWorker } from '../../test/support/workflow-harness';

/**
 * KNOWN BUG, pinned (found by the fault suite's kill -9 of the worker): a professional's
 * notification runs the receipt letter and the triage side by side, each through local activities.
 * When the receipt's draftLetter finishes after the triage's createTask (as under load), the
 * workflow's commands are recorded in that order (the triage's reminder timer, then the receipt
 * task's search-attribute upsert); on replay the SDK resolves the local activities in the order they
 * were scheduled, so the same code issues the upsert first and the history no longer replays
 * (TMPRL1100). Any replay — a restarted worker, a workflow evicted from the cache — then fails its
 * workflow task for ever. This test asserts the bug as it is: once the local activities of one
 * workflow can no longer complete out of order (run one at a time behind a patch, say), it fails,
 * and is to become the test that the history replays.
 */
describe('notificationWorkflow with its local activities finishing out of order', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(() => env?.teardown());

  it('cannot replay the history it recorded (the known bug)', async () => {
    const calls: ActivityCall[] = [];
    const { worker, taskQueue } = await fakeActivityWorker(env, calls, {
      draftLetter: async () => {
        await new Promise((r) => setTimeout(r, 300));
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
    await expect(Worker.runReplayHistory({ workflowsPath: WORKFLOWS_PATH, bundlerOptions: workflowBundlerOptions }, history, workflowId)).rejects.toThrow(
      /Nondeterminism error: UpsertWorkflowSearchAttributesMachine does not handle HistoryEvent\(id: \d+, TimerStarted\)/,
    );
  });
});
