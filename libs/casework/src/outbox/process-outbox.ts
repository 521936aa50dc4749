import { Global, Inject, Injectable, Logger, Module } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdConflictPolicy, WorkflowIdReusePolicy, WorkflowNotFoundError } from '@temporalio/client';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@sagsflow/config';
import { type JsonObject, OutboxRepository } from '@sagsflow/persistence';
import { TemporalClient } from '@sagsflow/temporal';
import { type TemporalCall, typedSearchAttributes } from './temporal-call';

/** How long the relay leaves a new entry to the request that made it. */
const RELAY_GRACE_MS = 5_000;
/** How long a request waits for Temporal after its commit before it answers anyway. */
const DISPATCH_WAIT_MS = 3_000;

/**
 * The API never calls Temporal inside a database transaction: it adds the calls it owes to the
 * outbox in the transaction, and makes them after the commit ({@link dispatch}). Whatever a crash
 * or an unreachable Temporal leaves owed, the worker's {@link OutboxRelay} makes later. Every call
 * is idempotent, so making one twice is harmless.
 */
@Injectable()
export class ProcessOutbox {
  private readonly logger = new Logger(ProcessOutbox.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly entries: OutboxRepository,
    private readonly temporal: TemporalClient,
  ) {}

  /** Owes the calls, in the caller's transaction; `id` is the request's own (idempotent) id. */
  add(em: EntityManager, id: string, caseId: string | null, calls: TemporalCall[]): Promise<void> {
    return this.entries.add(em, { id, caseId, calls: calls as unknown as JsonObject[] }, RELAY_GRACE_MS);
  }

  /**
   * Right after the commit: makes the calls, waiting a few seconds at most. A failure is the
   * relay's to heal, not the request's: the request's rows are committed, its workflows will follow.
   */
  async dispatch(id: string, calls: TemporalCall[]): Promise<void> {
    try {
      await this.perform(calls, DISPATCH_WAIT_MS);
      await this.entries.markDone(id);
    } catch (error) {
      this.logger.warn({ err: error, outboxId: id }, 'Temporal calls after commit failed; the outbox relay will make them');
    }
  }

  /**
   * Makes the calls (at once: they are independent) within `withinMs`: a deadline, not a race, so
   * no call is left retrying in the background after its caller gave up.
   */
  async perform(calls: TemporalCall[], withinMs: number): Promise<void> {
    await this.temporal.withDeadline(Date.now() + withinMs, () => Promise.all(calls.map((call) => this.call(call))));
  }

  private async call(call: TemporalCall): Promise<void> {
    const client = this.temporal.workflow;
    try {
      if (call.kind === 'signal') {
        await client.getHandle(call.workflowId).signal(call.signal, ...call.args);
        return;
      }
      const options = {
        workflowId: call.workflowId,
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        args: call.args,
        typedSearchAttributes: typedSearchAttributes(call.searchAttributes),
        memo: call.memo,
        // An id is never reused: a workflow that already ended is this call's work done, not a reason to start another.
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      };
      if (call.kind === 'start') {
        await client.start(call.workflowType, { ...options, workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING });
      } else {
        await client.signalWithStart(call.workflowType, { ...options, signal: call.signal, signalArgs: call.signalArgs });
      }
    } catch (error) {
      // Already started and ended, or ended before the signal came: nothing is owed any more.
      if (error instanceof WorkflowExecutionAlreadyStartedError || error instanceof WorkflowNotFoundError) return;
      throw error;
    }
  }
}

@Global()
@Module({ providers: [ProcessOutbox], exports: [ProcessOutbox] })
export class ProcessOutboxModule {}
