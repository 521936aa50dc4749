import { report, untilCaughtUp } from '../support/fault-audit';
import { SteadyLoad } from '../support/fault-load';
import { FaultStack, startFaultStack } from '../support/fault-stack';

const OUTAGE_MS = 30_000;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * PostgreSQL is stopped (a fast shutdown: every open connection is ended) for 30 s and started
 * again on its data while intakes and completions keep coming; the workflows' activities that
 * write the read model fail meanwhile and must retry until they catch up.
 */
describe('fault: PostgreSQL stopped for 30 s', () => {
  let stack: FaultStack;
  beforeAll(async () => {
    stack = await startFaultStack();
  }, 120_000);
  afterAll(() => stack?.close(), 60_000);

  it('answers 503 with Retry-After meanwhile, and loses nothing after', async () => {
    const load = new SteadyLoad(stack, await SteadyLoad.signIn(stack), {
      perSecond: 5,
      professional: (n) => n % 4 === 0,
      complete: (n) => n % 2 === 0,
    }).start();
    await pause(10_000);

    await stack.stopPostgres();
    const stoppedAt = Date.now();
    const acceptedBefore = load.accepted.length;
    await pause(5_000);
    const health = await fetch(stack.url('/health'));
    expect(health.status).toBe(503);
    expect(health.headers.get('retry-after')).toBeTruthy();
    expect(await health.json()).toMatchObject({ error: { database: { status: 'down' } } });
    await pause(stoppedAt + OUTAGE_MS - Date.now());
    const acceptedDuring = load.accepted.length - acceptedBefore;
    await stack.startPostgres();
    const back = Date.now();
    await load.stop();

    const result = await untilCaughtUp(stack, load, { since: back });
    report(
      'PostgreSQL stopped 30 s',
      [
        `${load.accepted.length} cases accepted (${acceptedDuring} while it was down)`,
        `${load.unavailable('intake')} intakes and ${load.unavailable('complete')} completions answered 503 with Retry-After`,
      ],
      result,
    );
    expect(stack.failedWorkflowTasks()).toEqual([]);
    expect(acceptedDuring).toBe(0);
    expect(load.unavailable('intake')).toBeGreaterThan(0);
    expect(load.failures).toEqual([]);
    expect(result.lost).toEqual([]);
    expect(result.duplicated).toEqual([]);
  }, 240_000);
});
