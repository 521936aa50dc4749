import { Injectable, Logger } from '@nestjs/common';
import { OutboxRepository } from '@sagsflow/persistence';
import { AlertService } from '../alerts/alert.service';
import { PollingRelay } from './polling-relay';
import { ProcessOutbox } from './process-outbox';
import type { TemporalCall } from './temporal-call';

/** After this many failed attempts (about three minutes) the administrators are alerted, once. */
const ALERT_AFTER_ATTEMPTS = 10;
const PURGE_EVERY_MS = 60_000;
const CALL_WITHIN_MS = 10_000;

/**
 * Makes, in the worker, the Temporal calls that requests committed but could not make themselves
 * (Temporal unreachable, the API stopped between commit and call). Retries with backoff for as long
 * as it takes; a call still failing after a few minutes is an operator's to look at.
 */
@Injectable()
export class OutboxRelay extends PollingRelay {
  protected readonly logger = new Logger(OutboxRelay.name);
  protected readonly batchSize = 20;
  private purgedAt = 0;

  constructor(
    private readonly outbox: ProcessOutbox,
    private readonly entries: OutboxRepository,
    private readonly alerts: AlertService,
  ) {
    super();
  }

  async relayOnce(): Promise<number> {
    if (Date.now() - this.purgedAt > PURGE_EVERY_MS) {
      await this.entries.purgeDone();
      this.purgedAt = Date.now();
    }
    const due = await this.entries.claimDue(this.batchSize);
    await Promise.all(
      due.map(async (entry) => {
        try {
          await this.outbox.perform(entry.calls as unknown as TemporalCall[], CALL_WITHIN_MS);
          await this.entries.markDone(entry.id);
        } catch (error) {
          const errorType = error instanceof Error ? error.name : 'Error';
          await this.entries.markFailed(entry.id, error instanceof Error ? error.message : String(error));
          this.logger.warn({ err: error, outboxId: entry.id, attempt: entry.attempts }, 'Owed Temporal calls failed; will retry');
          if (entry.attempts !== ALERT_AFTER_ATTEMPTS) return;
          await this.alerts.sendToLeads(
            [],
            { key: `outbox/${entry.id}`, type: 'process.start-delayed', caseId: entry.caseId, taskId: null, data: { errorType } },
            true,
          );
        }
      }),
    );
    return due.length;
  }
}
