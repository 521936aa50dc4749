import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '../libs/persistence/src/data-source';
import { TaskEntity, TaskEventEntity } from '../libs/persistence/src/entities';
import { InboxQuery, TaskRepository } from '../libs/persistence/src/repositories/task.repository';
import { seedDemoMunicipality } from '../libs/persistence/src/seed/demo-municipality';
import { freePort } from '../tools/stack/ports';
import { startEmbeddedPostgres } from '../tools/stack/postgres';
import { quantile } from './support/stats';

/**
 * Inbox query latency (p50/p99) at 100,000 tasks, against the same queries at 1,000 tasks and a
 * bare `SELECT 1` round trip measured in the same run: the ratios say how well the indexes hold
 * up as the task table grows, independent of how fast this machine is.
 */
const SIZES = [1_000, 100_000];
const WARMUP = 20;
const RUNS = Number(process.env.BENCH_RUNS ?? 300);

const USERS = {
  reception1: { username: 'reception1', team: 'reception', agency: 'RECEPTION' as const },
  caseworker1: { username: 'caseworker1', team: 'family', agency: 'AUTHORITY' as const },
};
const QUERIES: [string, Omit<InboxQuery, 'pageSize'>][] = [
  ['mine, open, page 1', { scope: 'mine', user: USERS.caseworker1, status: 'open', page: 1 }],
  ['team, open, page 1', { scope: 'team', user: USERS.reception1, status: 'open', page: 1 }],
  ['agency, open, page 1', { scope: 'agency', user: USERS.caseworker1, status: 'open', page: 1 }],
  ['agency, open, page 20', { scope: 'agency', user: USERS.caseworker1, status: 'open', page: 20 }],
  ['agency, open, due in 7 days', { scope: 'agency', user: USERS.caseworker1, status: 'open', page: 1, dueBefore: new Date(Date.now() + 7 * 86_400_000) }],
  ['agency, completed, page 1', { scope: 'agency', user: USERS.caseworker1, status: 'completed', page: 1 }],
];

async function fill(db: DataSource, tasks: number): Promise<void> {
  await db.query(`TRUNCATE tasks, cases CASCADE`);
  await db.query(
    `INSERT INTO cases (id, case_number, municipality, owner_agency)
     SELECT gen_random_uuid(), 'B-' || n, 'demo', 'AUTHORITY' FROM generate_series(1, $1) n`,
    [Math.ceil(tasks / 10)],
  );
  // A realistic mix: 3 in 10 open, across reception and the authority, a third of them assigned.
  await db.query(
    `WITH c AS (SELECT id, row_number() OVER () AS rn FROM cases)
     INSERT INTO tasks (id, key, kind, case_id, process_kind, workflow_id, step, agency, team, assignee, due_at, status)
     SELECT gen_random_uuid(), 'bench/' || n, 'triage', c.id, 'notification', 'notification-' || n, 'triage',
            CASE WHEN n % 2 = 0 THEN 'RECEPTION' ELSE 'AUTHORITY' END,
            CASE WHEN n % 2 = 0 THEN 'reception' ELSE 'family' END,
            CASE WHEN n % 3 = 0 THEN (CASE WHEN n % 2 = 0 THEN 'reception' ELSE 'caseworker' END) || (1 + n % 3)::text END,
            now() + ((n % 2000) - 500) * interval '1 hour',
            CASE WHEN n % 10 < 3 THEN 'open' ELSE 'completed' END
       FROM generate_series(1, $1) n JOIN c ON c.rn = 1 + (n - 1) / 10`,
    [tasks],
  );
  await db.query('ANALYZE');
}

async function measure(fn: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return { p50: quantile(samples, 0.5), p99: quantile(samples, 0.99) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sagsflow-bench-'));
  chmodSync(dir, 0o755);
  const postgres = await startEmbeddedPostgres({ dataDir: dir, port: await freePort() });
  try {
    const url = await postgres.createDatabase('bench');
    await runMigrations(url);
    const db = await new DataSource(dataSourceOptions(url)).initialize();
    await seedDemoMunicipality(db);
    const repo = new TaskRepository(db.getRepository(TaskEntity), db.getRepository(TaskEventEntity));
    const floor = await measure(() => db.query('SELECT 1'));
    const results: Record<number, Record<string, { p50: number; p99: number }>> = {};
    for (const size of SIZES) {
      await fill(db, size);
      results[size] = {};
      for (const [name, query] of QUERIES) results[size][name] = await measure(() => repo.inbox({ ...query, pageSize: 50 }));
    }
    const [small, large] = SIZES;
    const ms = (v: number) => v.toFixed(2).padStart(7);
    console.log(`\nInbox query latency, ${RUNS} runs each (ms); baseline SELECT 1: p50 ${floor.p50.toFixed(2)} ms\n`);
    console.log(`${'query'.padEnd(30)} ${'p50@1k'.padStart(7)} ${'p50@100k'.padStart(8)} ${'p99@100k'.padStart(8)} ${'×1k'.padStart(6)} ${'×SELECT1'.padStart(9)}`);
    for (const [name] of QUERIES) {
      const s = results[small][name];
      const l = results[large][name];
      console.log(
        `${name.padEnd(30)} ${ms(s.p50)} ${ms(l.p50).padStart(8)} ${ms(l.p99).padStart(8)} ${(l.p50 / s.p50).toFixed(1).padStart(6)} ${(l.p50 / floor.p50).toFixed(1).padStart(9)}`,
      );
    }
    await db.destroy();
  } finally {
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
