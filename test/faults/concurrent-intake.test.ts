import { report, untilCaughtUp } from '../support/fault-audit';
import { SteadyLoad } from '../support/fault-load';
import { FaultStack, startFaultStack } from '../support/fault-stack';
import { childCpr, notificationBody } from '../support/fixtures';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Ten identical intakes at once with one Idempotency-Key (a client retrying in a hurry), and ten at
 * once without a key about one child (ten people notifying), into a running stream.
 */
describe('fault: concurrent intakes', () => {
  let stack: FaultStack;
  beforeAll(async () => {
    stack = await startFaultStack();
  }, 120_000);
  afterAll(() => stack?.close(), 60_000);

  it('makes one notification and one workflow of ten with one key, and one case of ten for one child', async () => {
    const load = new SteadyLoad(stack, await SteadyLoad.signIn(stack), { perSecond: 5, complete: (n) => n % 2 === 0 }).start();
    await pause(3_000);

    const body = notificationBody();
    const sameKey = await Promise.all(Array.from({ length: 10 }, () => load.send(body, { key: 'one-key-for-ten' })));
    const cpr = childCpr();
    const oneChild = await Promise.all(Array.from({ length: 10 }, () => load.send(notificationBody({ child: { cpr } }))));
    const sent = Date.now();
    await pause(2_000);
    await load.stop();

    const [notification] = new Set(sameKey.map((i) => i.answer!.id));
    expect(new Set(sameKey.map((i) => JSON.stringify(i.answer))).size).toBe(1);
    const runs = async (query: string) =>
      (await stack.temporal.workflowService.listWorkflowExecutions({ namespace: stack.namespace, query })).executions ?? [];
    const rows = async (sql: string, values: unknown[]) => (await stack.db.query(sql, values)).rows;
    expect(await rows(`SELECT id FROM notifications WHERE idempotency_key = $1`, ['one-key-for-ten'])).toEqual([{ id: notification }]);

    const [caseId, ...others] = new Set(oneChild.map((i) => i.answer!.caseId));
    expect(others).toEqual([]);
    expect(new Set(oneChild.map((i) => i.answer!.id)).size).toBe(10);
    expect(await rows(`SELECT c.id FROM cases c JOIN children ch ON ch.id = c.child_id WHERE ch.cpr = $1`, [cpr])).toEqual([{ id: caseId }]);

    // Once every workflow owed is there (the outbox may start some a moment after the answer):
    const result = await untilCaughtUp(stack, load, { since: sent });
    expect(await runs(`WorkflowId = "${sameKey[0].answer!.workflowId}"`)).toHaveLength(1);
    expect(await runs(`CaseId = "${caseId}" AND ProcessKind = "notification"`)).toHaveLength(10);
    expect(await runs(`CaseId = "${caseId}" AND ProcessKind = "case" AND ExecutionStatus = "Running"`)).toHaveLength(1);
    report(
      'concurrent intakes',
      [
        `10 with one Idempotency-Key: ${new Set(sameKey.map((i) => i.answer!.id)).size} notification`,
        `10 for one child without a key: ${new Set(oneChild.map((i) => i.answer!.caseId)).size} case`,
        `${load.accepted.length} accepted in all`,
      ],
      result,
    );
    expect(stack.failedWorkflowTasks()).toEqual([]);
    expect(load.failures).toEqual([]);
    expect(result.lost).toEqual([]);
    expect(result.duplicated).toEqual([]);
  }, 120_000);
});
