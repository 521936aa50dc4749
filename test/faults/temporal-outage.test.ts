import { report, untilCaughtUp } from '../support/fault-audit';
import { SteadyLoad } from '../support/fault-load';
import { FaultStack, startFaultStack } from '../support/fault-stack';
import { notificationBody } from '../support/fixtures';
import { waitFor } from '../support/wait';

const OUTAGE_MS = 30_000;
const DAY_MS = 24 * 3_600_000;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const slowest = (answers: { ms: number }[]) => `${(Math.max(0, ...answers.map((a) => a.ms)) / 1000).toFixed(1)} s at most`;

/**
 * The Temporal server is stopped for 30 s and started again on its own data while intakes and
 * completions keep coming. Triage deadlines a few seconds away (a notification received 24 hours
 * ago, less a few seconds: no test option needed) put reminders and escalations inside the outage.
 */
describe('fault: the Temporal server stopped for 30 s', () => {
  let stack: FaultStack;
  beforeAll(async () => {
    stack = await startFaultStack();
  }, 120_000);
  afterAll(() => stack?.close(), 60_000);

  it('fires every timer after it, answers 503 meanwhile and loses no intake', async () => {
    const load = new SteadyLoad(stack, await SteadyLoad.signIn(stack), {
      perSecond: 5,
      professional: (n) => n % 4 === 0,
      complete: (n) => n % 2 === 0,
    }).start();
    // Due 25 s from now, reminded 6 s before (a quarter of the window): both while Temporal is down.
    const timed = await Promise.all(
      Array.from({ length: 10 }, () => load.send(notificationBody({ receivedAt: new Date(Date.now() - DAY_MS + 25_000).toISOString() }))),
    );
    // Their timers started: the workflow task that created each triage task is in its history.
    const timerStarted = async (workflowId: string) => {
      const { history } = await stack.temporal.workflowService.getWorkflowExecutionHistory({ namespace: stack.namespace, execution: { workflowId } });
      return (history?.events ?? []).some((e) => e.timerStartedEventAttributes);
    };
    await waitFor(async () => (await Promise.all(timed.map((i) => timerStarted(i.answer!.workflowId)))).every(Boolean));

    await stack.stopTemporal();
    const stoppedAt = Date.now();
    const acceptedBefore = load.accepted.length;
    await pause(5_000);
    const health = await fetch(stack.url('/health'));
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ error: { temporal: { status: 'down' } } });
    await pause(stoppedAt + OUTAGE_MS - Date.now());
    const acceptedDuring = load.accepted.length - acceptedBefore;
    await stack.startTemporal();
    const back = Date.now();
    await load.stop();

    const { rows } = await stack.db.query<{ id: string }>(`SELECT id FROM tasks WHERE kind = 'triage' AND workflow_id = ANY($1)`, [
      timed.map((i) => i.answer!.workflowId),
    ]);
    const ids = rows.map((t) => t.id);
    const timers = async () => {
      const { rows: alerts } = await stack.db.query<{ task_id: string; type: string; username: string }>(
        `SELECT task_id, type, username FROM alerts WHERE task_id = ANY($1) AND type IN ('task.reminder', 'task.escalated')`,
        [ids],
      );
      const fired = new Set(alerts.map((r) => `${r.type} to ${r.username} of ${r.task_id}`));
      const due = ids.flatMap((id) => [`task.reminder to reception1 of ${id}`, `task.reminder to reception2 of ${id}`, `task.escalated to lead1 of ${id}`]);
      return due.filter((timer) => !fired.has(timer));
    };
    const result = await untilCaughtUp(stack, load, { since: back, owed: timers });
    report(
      'Temporal stopped 30 s',
      [
        `${load.accepted.length} cases accepted (${acceptedDuring} while it was down, answered in ${slowest(load.answers.filter((a) => a.route === 'intake' && a.at > stoppedAt && a.at < back))})`,
        `${load.unavailable('complete')} completions answered 503 (in ${slowest(load.answers.filter((a) => a.route === 'complete' && a.status === 503))})`,
        `${ids.length * 3} reminders and escalations due while it was down`,
      ],
      result,
    );
    expect(stack.failedWorkflowTasks()).toEqual([]);
    expect(acceptedDuring).toBeGreaterThan(0);
    expect(load.unavailable('complete')).toBeGreaterThan(0);
    expect(load.unavailable('intake')).toBe(0); // intake needs PostgreSQL only
    expect(load.failures).toEqual([]);
    expect(result.lost).toEqual([]);
    expect(result.duplicated).toEqual([]);
  }, 240_000);
});
