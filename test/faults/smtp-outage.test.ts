import { report, untilCaughtUp } from '../support/fault-audit';
import { SteadyLoad } from '../support/fault-load';
import { FaultStack, startFaultStack } from '../support/fault-stack';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The SMTP server is down for the whole stream of intakes and completions: raising an alert never
 * waits for e-mail, so every process goes on; the queued e-mail goes out once it is back.
 */
describe('fault: the SMTP server down for the whole run', () => {
  let stack: FaultStack;
  beforeAll(async () => {
    stack = await startFaultStack();
  }, 120_000);
  afterAll(() => stack?.close(), 60_000);

  it('lets every workflow proceed, and delivers every e-mail once after it returns', async () => {
    await stack.stopSmtp();
    const load = new SteadyLoad(stack, await SteadyLoad.signIn(stack), {
      perSecond: 5,
      professional: (n) => n % 4 === 0,
      complete: (n) => n % 2 === 0,
    }).start();
    await pause(15_000);
    const loadEnd = Date.now();
    await load.stop();
    const proceeded = await untilCaughtUp(stack, load, { since: loadEnd, except: /^e-mail / });
    expect(proceeded.lost).toEqual([]);
    expect(stack.mail).toEqual([]);
    const { rows } = await stack.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM alerts WHERE mail_status = 'pending' AND mail_attempts > 0`);

    await stack.startSmtp();
    const back = Date.now();
    const result = await untilCaughtUp(stack, load, { since: back });
    report(
      'SMTP down for the run',
      [`${load.accepted.length} cases accepted`, `every process on in ${proceeded.seconds.toFixed(1)} s without it`, `${rows[0].n} e-mails queued and tried meanwhile`, `${stack.mail.length} delivered after`],
      result,
    );
    expect(stack.failedWorkflowTasks()).toEqual([]);
    expect(rows[0].n).toBeGreaterThan(0);
    expect(load.failures).toEqual([]);
    expect(result.lost).toEqual([]);
    expect(result.duplicated).toEqual([]);
    expect(result.resent).toBe(0);
  }, 240_000);
});
