import { performance } from 'node:perf_hooks';
import type { RunningProduct } from './product';
import { sleep } from './stats';

/** The i-th of 3.7 million distinct, valid child CPR numbers (born 2010–2020), so every notification opens its own case. */
export function nthChildCpr(i: number): string {
  const serial = i % 1000;
  const day = Math.floor(i / 1000) % 28;
  const month = Math.floor(i / 28_000) % 12;
  const year = Math.floor(i / 336_000) % 11;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(day + 1)}${two(month + 1)}${two(year + 10)}-4${String(serial).padStart(3, '0')}`;
}

/** A school's notification about the i-th child: the common case, with a receipt and feedback due. */
export function notificationFor(i: number): object {
  return {
    source: 'professional',
    professionalKind: 'school',
    notifier: { name: 'Lærer Hansen', email: 'hansen@skole.example' },
    receivedAt: new Date().toISOString(),
    child: { cpr: nthChildCpr(i) },
    concern: 'Comes to school hungry',
    abuse: false,
    acute: false,
  };
}

export interface Sent {
  i: number;
  status: number;
  sentAt: number; // ms since epoch
  answerMs: number;
  notificationId?: string;
}

/** POSTs notification i and times the answer. A 503 (load shed) is counted, not retried. */
export async function postNotification(product: RunningProduct, token: string, i: number, runId: string): Promise<Sent> {
  const sentAt = Date.now();
  const start = performance.now();
  const res = await fetch(`${product.apiUrl}/api/notifications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': `${runId}-${i}` },
    body: JSON.stringify(notificationFor(i)),
  });
  const body = (await res.json().catch(() => ({}))) as { id?: string };
  return { i, status: res.status, sentAt, answerMs: performance.now() - start, notificationId: body.id };
}

/** Runs `count` requests with at most `concurrency` in flight. */
export async function closedLoop<T>(count: number, concurrency: number, send: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) results.push(await send(next++));
    }),
  );
  return results;
}

/** Sends at a fixed offered rate for `seconds`, whatever the answers' latency (open loop). */
export async function openLoop<T>(ratePerSecond: number, seconds: number, send: (i: number) => Promise<T>): Promise<T[]> {
  const pending: Promise<T>[] = [];
  const start = performance.now();
  const total = Math.round(ratePerSecond * seconds);
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / ratePerSecond;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(send(i));
  }
  return Promise.all(pending);
}

/**
 * When each notification's triage task appeared in the read model (the inbox), in ms since epoch,
 * waiting until all are there or `timeoutMs` passes.
 */
export async function triageTasksCreated(product: RunningProduct, notificationIds: string[], timeoutMs = 600_000): Promise<Map<string, number>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await product.db.query<{ id: string; created: Date }>(
      `SELECT n.id, t.created_at AS created FROM notifications n JOIN tasks t ON t.workflow_id = n.workflow_id AND t.kind = 'triage'
        WHERE n.id = ANY($1::uuid[])`,
      [notificationIds],
    );
    if (rows.length === notificationIds.length || Date.now() > deadline) return new Map(rows.map((r) => [r.id, r.created.getTime()]));
    await sleep(250);
  }
}
