import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@sagsflow/config';
import { AlertEntity, AlertRepository, NewAlert, UserRepository } from '@sagsflow/persistence';
import { alertMail } from './alert-text';
import { Mailer } from './mailer';

/** Postgres channel that carries new alerts from workers to every API instance's SSE streams. */
export const ALERT_CHANNEL = 'sagsflow_alerts';

/** What goes over the channel and out to browsers: identifiers and task facts only. */
export interface AlertEvent {
  id: string;
  username: string;
  type: AlertEntity['type'];
  taskId: string | null;
  caseId: string | null;
  data: AlertEntity['data'];
  createdAt: string;
}

export function toAlertEvent(alert: AlertEntity): AlertEvent {
  return {
    id: alert.id,
    username: alert.username,
    type: alert.type,
    taskId: alert.taskId,
    caseId: alert.caseId,
    data: alert.data,
    createdAt: alert.createdAt.toISOString(),
  };
}

@Injectable()
export class AlertService {
  private readonly logger = new Logger(AlertService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly alerts: AlertRepository,
    private readonly users: UserRepository,
    private readonly mailer: Mailer,
  ) {}

  /**
   * Records the alert once (by key), publishes it live the first time, and e-mails it unless that
   * already happened — so a retried activity neither duplicates the alert nor loses the e-mail.
   */
  async send(alert: NewAlert): Promise<AlertEntity> {
    const { alert: stored, created } = await this.alerts.createOnce(alert);
    if (created) {
      await this.dataSource.query('SELECT pg_notify($1, $2)', [ALERT_CHANNEL, JSON.stringify(toAlertEvent(stored))]);
    }
    if (!stored.emailedAt && this.mailer.enabled) {
      const user = await this.users.findActive(stored.username);
      if (user) {
        await this.mailer.send(alertMail(stored, user.email, this.config.PUBLIC_URL));
        await this.alerts.markEmailed(stored.id, new Date());
      } else {
        this.logger.warn({ alertId: stored.id }, 'Alert for an unknown or inactive user was not e-mailed');
      }
    }
    return stored;
  }

  async sendToAll(usernames: string[], alert: Omit<NewAlert, 'username' | 'key'> & { key: string }): Promise<void> {
    for (const username of usernames) await this.send({ ...alert, username, key: `${alert.key}/${username}` });
  }
}
