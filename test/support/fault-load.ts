import { randomUUID } from 'node:crypto';
import type { FaultStack } from './fault-stack';
import { notificationBody, professionalNotificationBody } from './fixtures';

/** One notification the load sends, and what became of it. */
export interface Intake {
  key: string;
  professional: boolean;
  /** The load triages it (citizen: close, professional: advice); otherwise its task stays open. */
  complete: boolean;
  body: Record<string, unknown>;
  answer?: { id: string; caseId: string; workflowId: string };
  /** Its triage was completed: answered 200, or 409 after an attempt whose answer was lost. */
  completed?: boolean;
}

/** An HTTP answer the load got, for the suites' checks on what the API said during a fault. */
export interface Answer {
  at: number;
  route: 'intake' | 'complete';
  /** The Idempotency-Key of the intake it was about. */
  intake: string;
  status: number;
  /** How long the answer took. */
  ms: number;
  retryAfter: string | null;
  /** The error's message, for an answer of 500 or more. */
  message?: string;
}

export interface LoadOptions {
  /** New notifications per second. */
  perSecond: number;
  /** Which of them are from a professional (receipt and feedback letters). */
  professional?: (n: number) => boolean;
  /** Which of them the load triages. */
  complete?: (n: number) => boolean;
  /** The notification's body, for a suite that needs its own (e.g. short deadlines). */
  body?: (n: number, professional: boolean) => Record<string, unknown>;
}

const REQUEST_TIMEOUT_MS = 30_000;
const COMPLETERS = 4;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A steady stream of intakes and completions, as the people using the product make them: each
 * notification is sent with its own Idempotency-Key and sent again with the same key, after
 * Retry-After, until it is answered 201; each triage task the load means to complete is completed
 * as reception2 once it is in the database, and again while the answer is 503 or lost.
 */
export class SteadyLoad {
  readonly intakes: Intake[] = [];
  readonly answers: Answer[] = [];
  private sending?: Promise<void>;
  private completing?: Promise<void>;
  private readonly pending = new Set<Promise<void>>();
  /** Intakes a completer is completing now. */
  private readonly claimed = new Set<Intake>();
  private stopped = false;
  /** Set by stop(): nothing is retried any more. */
  private gaveUp = false;

  constructor(
    private readonly stack: FaultStack,
    readonly tokens: { reception1: string; reception2: string },
    private readonly options: LoadOptions,
  ) {}

  /** Signs in the two reception users the load acts as. */
  static async signIn(stack: FaultStack): Promise<{ reception1: string; reception2: string }> {
    const token = async (username: string) => {
      const res = await fetch(stack.url('/api/auth/dev-login'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username }),
      });
      return ((await res.json()) as { accessToken: string }).accessToken;
    };
    return { reception1: await token('reception1'), reception2: await token('reception2') };
  }

  get accepted(): Intake[] {
    return this.intakes.filter((i) => i.answer);
  }

  /** Accepted and not yet done by the load: their processes are still at work or waiting for it. */
  get inFlight(): number {
    return this.intakes.filter((i) => i.answer && !(i.completed && !i.professional)).length;
  }

  /** Answers that were neither what the request asked for nor a 503 saying when to retry. */
  get failures(): Answer[] {
    return this.answers.filter((a) => a.status >= 500 && !(a.status === 503 && a.retryAfter));
  }

  /** How many answers were 503 with Retry-After (on `route`, or on any). */
  unavailable(route?: Answer['route']): number {
    return this.answers.filter((a) => a.status === 503 && a.retryAfter && (!route || a.route === route)).length;
  }

  start(): this {
    this.sending = this.sendSteadily();
    this.completing = Promise.all(Array.from({ length: COMPLETERS }, () => this.completeSteadily())).then(() => undefined);
    return this;
  }

  /** Sends one more notification now (outside the steady rate) and resolves once it is accepted. */
  send(body: Record<string, unknown>, options: { complete?: boolean; key?: string } = {}): Promise<Intake> {
    const intake: Intake = { key: options.key ?? randomUUID(), professional: body.source === 'professional', complete: options.complete ?? false, body };
    this.intakes.push(intake);
    return this.track(this.sendUntilAccepted(intake)).then(() => intake);
  }

  /**
   * Stops sending new notifications and waits until every one sent is accepted and every
   * completion the load began has its answer, or `timeoutMs` has passed; then stops retrying. What
   * is still unanswered then is for the comparison to name.
   */
  async stop(timeoutMs = 60_000): Promise<void> {
    this.stopped = true;
    await this.sending;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && (this.pending.size > 0 || this.intakes.some((i) => i.complete && i.answer && !i.completed))) await pause(100);
    this.gaveUp = true;
    await Promise.all([this.completing, ...this.pending]);
  }

  private async sendSteadily(): Promise<void> {
    const { perSecond, professional = () => false, complete = () => true, body } = this.options;
    const started = Date.now();
    for (let n = 0; !this.stopped; n++) {
      const isProfessional = professional(n);
      const content = body?.(n, isProfessional) ?? (isProfessional ? professionalNotificationBody() : notificationBody());
      void this.send(content, { complete: complete(n) });
      // On schedule, however long each answer takes: a fault does not slow the people sending.
      await pause(Math.max(0, started + ((n + 1) * 1000) / perSecond - Date.now()));
    }
  }

  private async sendUntilAccepted(intake: Intake): Promise<void> {
    for (let attempt = 0; !this.gaveUp; attempt++) {
      const res = await this.request('intake', intake, '/api/notifications', this.tokens.reception1, intake.body, { 'Idempotency-Key': intake.key });
      if (res?.status === 201) {
        intake.answer = (await res.json()) as Intake['answer'];
        return;
      }
      await pause(retryDelay(res, attempt));
    }
  }

  private async completeSteadily(): Promise<void> {
    while (!this.gaveUp) {
      const next = await this.nextToComplete();
      if (!next) {
        await pause(250);
        continue;
      }
      const { intake, taskId } = next;
      for (let attempt = 0; !intake.completed && !this.gaveUp; attempt++) {
        const outcome = { decision: intake.professional ? 'advice' : 'close' };
        const res = await this.request('complete', intake, `/api/tasks/${taskId}/complete`, this.tokens.reception2, { outcome });
        if (res?.status === 200 || res?.status === 409) intake.completed = true;
        else await pause(retryDelay(res, attempt));
      }
      this.claimed.delete(intake);
    }
  }

  /** A triage task of the load's that is in the database and not yet being completed by another completer. */
  private async nextToComplete(): Promise<{ intake: Intake; taskId: string } | undefined> {
    const waiting = this.intakes.filter((i) => i.complete && i.answer && !i.completed && !this.claimed.has(i));
    if (waiting.length === 0) return undefined;
    const byCase = new Map(waiting.map((i) => [i.answer!.caseId, i]));
    const found = await this.stack.db
      .query<{ id: string; case_id: string }>(`SELECT id, case_id FROM tasks WHERE kind = 'triage' AND status = 'open' AND case_id = ANY($1) LIMIT 20`, [
        [...byCase.keys()],
      ])
      .then((r) => r.rows, () => []); // PostgreSQL may be down: the people wait too
    for (const row of found) {
      const intake = byCase.get(row.case_id)!;
      if (this.claimed.has(intake)) continue;
      this.claimed.add(intake);
      return { intake, taskId: row.id };
    }
    return undefined;
  }

  private async request(route: Answer['route'], intake: Intake, path: string, token: string, body: object, headers: Record<string, string> = {}): Promise<Response | undefined> {
    const started = Date.now();
    try {
      const res = await fetch(this.stack.url(path), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const message = res.status >= 500 ? ((await res.clone().json().catch(() => ({}))) as { message?: string }).message : undefined;
      this.answers.push({ at: Date.now(), route, intake: intake.key, status: res.status, ms: Date.now() - started, retryAfter: res.headers.get('retry-after'), ...(message ? { message } : {}) });
      return res;
    } catch {
      return undefined; // no answer (timed out, connection refused): sent again, as a person would
    }
  }

  private track(promise: Promise<void>): Promise<void> {
    this.pending.add(promise);
    return promise.finally(() => this.pending.delete(promise));
  }
}

/** Retry-After when the API gave one, else a short pause; longer with each attempt, at most 5 s. */
function retryDelay(res: Response | undefined, attempt: number): number {
  const asked = Number(res?.headers.get('retry-after') ?? 1) * 1000;
  return Math.min(Math.max(asked, 250 * 2 ** attempt), 5_000);
}
