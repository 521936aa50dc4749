import { report, untilCaughtUp } from '../support/fault-audit';
import { SteadyLoad } from '../support/fault-load';
import { FaultStack, startFaultStack } from '../support/fault-stack';
import { waitFor } from '../support/wait';

/**
 * The worker is killed (SIGKILL: no shutdown, activities and workflow tasks cut off mid-way) while
 * 200 cases are in flight and intakes and completions keep coming; its supervisor restarts it.
 */
describe('fault: kill -9 of the worker', () => {
  let stack: FaultStack;
  beforeAll(async () => {
    stack = await startFaultStack();
  }, 120_000);
  afterAll(() => stack?.close(), 60_000);

  it('loses and duplicates nothing across the restart', async () => {
    const load = new SteadyLoad(stack, await SteadyLoad.signIn(stack), {
      perSecond: 15,
      professional: (n) => n % 4 === 0,
      complete: (n) => n % 2 === 0,
    }).start();
    await waitFor(() => load.inFlight >= 200, 60_000);
    const inFlight = load.inFlight;
    const killed = stack.workerPid!;
    process.kill(killed, 'SIGKILL');
    await waitFor(() => stack.workerPid !== undefined && stack.workerPid !== killed);
    const back = Date.now();
    await load.stop();

    const result = await untilCaughtUp(stack, load, { since: back });
    report('worker kill -9', [`${inFlight} cases in flight`, `${load.accepted.length} accepted`, `${load.unavailable()} answered 503`], result);
    expect(stack.supervisorLog).toContain(`worker exited unexpectedly (code none / signal SIGKILL); restarting in 1 s (restart #1)`);
    expect(stack.failedWorkflowTasks()).toEqual([]);
    expect(result.lost).toEqual([]);
    expect(result.duplicated).toEqual([]);
    expect(load.failures).toEqual([]);
  }, 180_000);
});
