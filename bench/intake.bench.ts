import { performance } from 'node:perf_hooks';
import { closedLoop, openLoop, postNotification, Sent, triageTasksCreated } from './support/intake';
import { RunningProduct, startProduct } from './support/product';
import { printTable, quantile, sleep } from './support/stats';

/**
 * Intake, end to end, against the engine's own start rate in the same run:
 * - raw: empty workflow starts (`client.workflow.start` on a queue nobody polls) at a fixed
 *   concurrency — what the Temporal server alone accepts on this machine;
 * - end to end: school notifications POSTed to the API (transaction, case workflow
 *   signal-with-start, notification workflow, activities) until the triage task is in the inbox,
 *   at the same concurrency and at fixed offered rates.
 * The ratio end-to-end / raw says how much of the engine the product uses, on any machine.
 */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const COUNT = Number(process.env.BENCH_INTAKE_COUNT ?? 1_000);
const RATES = (process.env.BENCH_RATES ?? '20,43').split(',').filter(Boolean).map(Number);
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 30);

async function rawStartRate(product: RunningProduct): Promise<number> {
  const start = performance.now();
  await closedLoop(COUNT, CONCURRENCY, (i) =>
    product.temporal.workflow.start('benchEmptyWorkflow', { taskQueue: 'bench-unpolled', workflowId: `bench-raw-${i}`, args: [] }),
  );
  return COUNT / ((performance.now() - start) / 1000);
}

interface Row {
  run: string;
  offered: string;
  sent: number;
  shed: number;
  rate: number;
  httpP50: number;
  httpP99: number;
  taskP50: number;
  taskP99: number;
}

async function measure(product: RunningProduct, run: string, offered: string, results: Sent[], firstSent: number): Promise<Row> {
  const ok = results.filter((r) => r.status === 201 && r.notificationId);
  const created = await triageTasksCreated(product, ok.map((r) => r.notificationId!));
  const delays = ok.filter((r) => created.has(r.notificationId!)).map((r) => created.get(r.notificationId!)! - r.sentAt);
  const last = Math.max(...created.values());
  const unexpected = results.filter((r) => r.status !== 201 && r.status !== 503);
  if (unexpected.length > 0) throw new Error(`${unexpected.length} answers were neither 201 nor 503, e.g. ${unexpected[0].status}`);
  if (created.size !== ok.length) throw new Error(`${ok.length - created.size} accepted notifications never got their triage task`);
  return {
    run,
    offered,
    sent: results.length,
    shed: results.length - ok.length,
    rate: created.size / ((last - firstSent) / 1000),
    httpP50: quantile(ok.map((r) => r.answerMs), 0.5),
    httpP99: quantile(ok.map((r) => r.answerMs), 0.99),
    taskP50: quantile(delays, 0.5),
    taskP99: quantile(delays, 0.99),
  };
}

async function main(): Promise<void> {
  const product = await startProduct();
  try {
    const token = await product.token('reception1');
    const rows: Row[] = [];
    let next = 0;
    const send = (runId: string) => () => postNotification(product, token, next++, runId);

    // Warm up both paths (JIT, connection pools, the worker's first bundle load).
    const warm = await closedLoop(50, CONCURRENCY, send('warm'));
    await triageTasksCreated(product, warm.map((r) => r.notificationId!)); // settled before the raw run
    const raw = await rawStartRate(product);

    const closedStart = Date.now();
    rows.push(await measure(product, 'closed loop', `concurrency ${CONCURRENCY}`, await closedLoop(COUNT, CONCURRENCY, send('closed')), closedStart));
    for (const rate of RATES) {
      await sleep(2_000);
      const start = Date.now();
      rows.push(await measure(product, 'open loop', `${rate}/s for ${RATE_SECONDS} s`, await openLoop(rate, RATE_SECONDS, send(`rate${rate}`)), start));
    }

    console.log(`\nRaw empty-workflow starts: ${raw.toFixed(1)}/s (concurrency ${CONCURRENCY}, ${COUNT} starts)\n`);
    printTable(
      ['run', 'offered', 'sent', 'shed (503)', 'end-to-end /s', 'ratio to raw', 'HTTP p50 ms', 'HTTP p99 ms', 'task p50 ms', 'task p99 ms'],
      rows.map((r) => [
        r.run,
        r.offered,
        r.sent,
        r.shed,
        r.rate.toFixed(1),
        (r.rate / raw).toFixed(2),
        r.httpP50.toFixed(0),
        r.httpP99.toFixed(0),
        r.taskP50.toFixed(0),
        r.taskP99.toFixed(0),
      ]),
    );
    console.log('\n"task" is the time from sending the request until the triage task is in the inbox (read model).');
  } finally {
    await product.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
