import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AlertEntity, AlertRepository, NewAlert } from '@sagsflow/persistence';
import { alertSubject } from './alert-text';
import { Mailer } from './mailer';

/** Postgres channel that carries new alerts from workers to every API instance's SSE streams. */
export const ALERT_CHANNEL = 'sagsflow_alerts';

/** What goes over the channel and out to browsers: identifiers and task facts only. */
export interface AlertEvent {
  id: string;
  username: string;
  type: AlertEntity['type'];
  /** The alert's headline in Danish (alert-text.ts), for a notice in the web app. */
  subject: string;
  taskId: string | null;
  caseId: string | null;
  data: AlertEntity['data'];
  createdAt: string;
}

export function toAlertEvent(alert: Pick<AlertEntity, 'id' | 'username' | 'type' | 'taskId' | 'caseId' | 'data' | 'createdAt'>): AlertEvent {
  return {
    id: alert.id,
    username: alert.username,
    type: alert.type,
    subject: alertSubject(alert),
    taskId: alert.taskId,
    caseId: alert.caseId,
    data: alert.data,
    createdAt: alert.createdAt.toISOString(),
  };
}

@Injectable()
export class AlertService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly alerts: AlertRepository,
    private readonly mailer: Mailer,
  ) {}

  /**
   * Records the alert once (by key) and publishes it live the first time. E-mail is queued, not
   * sent here: the worker's {@link MailRelay} sends it, so a slow or absent SMTP server never holds
   * up the workflow that raised the alert, and a retried activity neither duplicates nor loses it.
   */
  async send(alert: NewAlert): Promise<void> {
    await this.sendAll([alert]);
  }

  /** The same alert for each user (keyed per user), in one round trip. */
  async sendToAll(usernames: string[], alert: Omit<NewAlert, 'username'>): Promise<void> {
    await this.sendAll(usernames.map((username) => ({ ...alert, username, key: `${alert.key}/${username}` })));
  }

  /**
   * The alert to the lead of each agency's default team, and to every active administrator when
   * `admins` (an operator must act). Keyed per user, like `sendToAll`.
   */
  async sendToLeads(agencies: readonly string[], alert: Omit<NewAlert, 'username'>, admins = false): Promise<void> {
    // The default team is the agency's first by id, as UserRepository.defaultTeamOf has it; UNION drops repeats.
    const rows: { username: string }[] = await this.dataSource.query(
      `SELECT lead_username AS username FROM (SELECT DISTINCT ON (agency) lead_username FROM teams WHERE agency = ANY($1) ORDER BY agency, id) AS defaults
        WHERE lead_username IS NOT NULL
       UNION
       SELECT username FROM users WHERE $2 AND agency = 'ADMIN' AND active`,
      [agencies, admins],
    );
    await this.sendToAll(rows.map((r) => r.username), alert);
  }

  private async sendAll(alerts: NewAlert[]): Promise<void> {
    const created = await this.alerts.createMany(alerts, this.mailer.enabled);
    if (created.length === 0) return;
    await this.dataSource.query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [
      ALERT_CHANNEL,
      created.map((stored) => JSON.stringify(toAlertEvent(stored))),
    ]);
  }
}
