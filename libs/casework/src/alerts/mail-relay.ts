import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sagsflow/config';
import { AlertRepository } from '@sagsflow/persistence';
import { PollingRelay } from '../outbox/polling-relay';
import { alertMail } from './alert-text';
import { Mailer } from './mailer';

/**
 * Sends the e-mail of queued alerts (the alerts table is the queue) with a pooled SMTP connection,
 * in the worker. A failed send is retried with backoff up to an hour apart; a user without an
 * active account is skipped. A relay that dies between sending and marking sends that one e-mail
 * again: at least once.
 */
@Injectable()
export class MailRelay extends PollingRelay {
  protected readonly logger = new Logger(MailRelay.name);
  protected readonly batchSize = 50;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly alerts: AlertRepository,
    private readonly mailer: Mailer,
  ) {
    super();
  }

  protected override get enabled(): boolean {
    return this.mailer.enabled;
  }

  /** Sends one batch of due e-mail; how many alerts it handled. */
  async relayOnce(): Promise<number> {
    const batch = await this.alerts.claimMailBatch(this.batchSize);
    await Promise.all(
      batch.map(async (alert) => {
        if (!alert.email) return this.alerts.markMailed(alert.id, 'skipped', new Date());
        try {
          await this.mailer.send(alertMail(alert, alert.email, this.config.PUBLIC_URL));
          await this.alerts.markMailed(alert.id, 'sent', new Date());
        } catch (error) {
          // Left pending: claimMailBatch already moved its next attempt out.
          this.logger.warn({ err: error, alertId: alert.id, attempt: alert.mailAttempts }, 'E-mail for an alert failed; will retry');
        }
      }),
    );
    return batch.length;
  }
}
