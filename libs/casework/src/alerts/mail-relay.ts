import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sagsflow/config';
import { AlertRepository } from '@sagsflow/persistence';
import { alertMail } from './alert-text';
import { Mailer } from './mailer';

const BATCH = 50;
const IDLE_POLL_MS = 1_000;

/**
 * Sends the e-mail of queued alerts (the alerts table is the queue) with a pooled SMTP connection,
 * in the worker. A failed send is retried with backoff up to an hour apart; a user without an
 * active account is skipped. Several workers may relay at once (rows are claimed, SKIP LOCKED).
 * A relay that dies between sending and marking sends that one e-mail again: at least once.
 */
@Injectable()
export class MailRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailRelay.name);
  private running?: Promise<void>;
  private stopped = false;
  private idle?: { timer: NodeJS.Timeout; resume: () => void };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly alerts: AlertRepository,
    private readonly mailer: Mailer,
  ) {}

  onApplicationBootstrap(): void {
    if (this.mailer.enabled) this.running = this.loop();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.idle) {
      clearTimeout(this.idle.timer);
      this.idle.resume();
    }
    await this.running;
  }

  /** Sends one batch of due e-mail; how many alerts it handled. */
  async relayOnce(): Promise<number> {
    const batch = await this.alerts.claimMailBatch(BATCH);
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

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const handled = await this.relayOnce().catch((error: unknown) => {
        this.logger.error({ err: error }, 'E-mail relay could not read its queue');
        return 0;
      });
      if (handled < BATCH) await new Promise<void>((resume) => (this.idle = { timer: setTimeout(resume, IDLE_POLL_MS), resume }));
    }
  }
}
