import { performance } from 'node:perf_hooks';
import { closedLoop, postNotification, triageTasksCreated } from './support/intake';
import { RunningProduct, startProduct } from './support/product';
import { mb, printTable, quantile, sleep } from './support/stats';

/**
 * What an open case costs as their number grows: school notifications about distinct children are
 * taken in through the API until 1k / 10k / 50k (/ 100k) cases are open, each with a case workflow
 * and a notification workflow waiting on its triage deadline. At each size: the worker's, the
 * API's and the Temporal server's RSS, the Temporal database per case, the intake rate of the last
 * stretch and the inbox p99. The worker's memory should follow its cache bound, not the cases.
 */
const SIZES = (process.env.BENCH_OPEN_CASES ?? '1000,10000,50000').split(',').filter(Boolean).map(Number);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const METRICS = '127.0.0.1:19464';

interface Row {
  openCases: number;
  workerRss: number;
  apiRss: number;
  temporalRss: number;
  cachedWorkflows: number;
  dbBytesPerCase: number;
  intakeRate: number;
  inboxP99: number;
}

/** RSS a few times over some seconds, after the intake has settled: the highest reading. */
async function settledRss(product: RunningProduct): Promise<ReturnType<RunningProduct['rss']>> {
  const readings: ReturnType<RunningProduct['rss']>[] = [];
  for (let i = 0; i < 5; i++) {
    await sleep(2_000);
    readings.push(product.rss());
  }
  return {
    worker: Math.max(...readings.map((r) => r.worker)),
    api: Math.max(...readings.map((r) => r.api)),
    temporal: Math.max(...readings.map((r) => r.temporal)),
  };
}

async function cachedWorkflows(): Promise<number> {
  const text = await (await fetch(`http://${METRICS}/metrics`)).text();
  return Number(/^temporal_sticky_cache_size\{[^}]*\} (\d+)/m.exec(text)?.[1] ?? NaN);
}

async function inboxP99(product: RunningProduct, token: string): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 120; i++) {
    const start = performance.now();
    const res = await fetch(`${product.apiUrl}/api/tasks?scope=team&status=open`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`inbox answered ${res.status}`);
    if (i >= 20) samples.push(performance.now() - start); // the first 20 warm up
  }
  return quantile(samples, 0.99);
}

async function main(): Promise<void> {
  const product = await startProduct({ WORKER_METRICS_ADDRESS: METRICS });
  const rows: Row[] = [];
  try {
    const token = await product.token('reception1');
    let open = 0;
    for (const size of SIZES) {
      const start = Date.now();
      const sent = await closedLoop(size - open, CONCURRENCY, (i) => postNotification(product, token, open + i, 'open'));
      const failed = sent.filter((r) => r.status !== 201);
      if (failed.length > 0) throw new Error(`${failed.length} notifications were refused, e.g. ${failed[0].status}`);
      const created = await triageTasksCreated(product, sent.map((r) => r.notificationId!), 3_600_000);
      if (created.size !== sent.length) throw new Error(`${sent.length - created.size} notifications never got their triage task`);
      const intakeRate = sent.length / ((Math.max(...created.values()) - start) / 1000);
      open = size;
      const rss = await settledRss(product);
      rows.push({
        openCases: size,
        workerRss: rss.worker,
        apiRss: rss.api,
        temporalRss: rss.temporal,
        cachedWorkflows: await cachedWorkflows(),
        dbBytesPerCase: product.temporalDbBytes() / size,
        intakeRate,
        inboxP99: await inboxP99(product, token),
      });
      console.log(`${size} open cases: worker ${mb(rss.worker)} MB, Temporal ${mb(rss.temporal)} MB, intake ${intakeRate.toFixed(1)}/s`);
    }
  } finally {
    await product.stop();
  }
  const first = rows[0];
  console.log('');
  printTable(
    ['open cases', 'worker RSS MB', 'worker slope KB/case', 'API RSS MB', 'Temporal RSS MB', 'cached workflows', 'Temporal DB KB/case', 'intake /s', 'inbox p99 ms'],
    rows.map((r) => [
      r.openCases,
      mb(r.workerRss),
      r === first ? '–' : ((r.workerRss - first.workerRss) / 1024 / (r.openCases - first.openCases)).toFixed(2),
      mb(r.apiRss),
      mb(r.temporalRss),
      r.cachedWorkflows,
      (r.dbBytesPerCase / 1024).toFixed(1),
      r.intakeRate.toFixed(1),
      r.inboxP99.toFixed(0),
    ]),
  );
  const last = rows.at(-1)!;
  const from10k = rows.find((r) => r.openCases >= 10_000);
  if (from10k && from10k !== last) {
    console.log(`\nWorker RSS from ${from10k.openCases} to ${last.openCases} open cases: ${((last.workerRss / from10k.workerRss - 1) * 100).toFixed(1)} %`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
