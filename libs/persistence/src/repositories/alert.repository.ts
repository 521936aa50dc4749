import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AlertEntity } from '../entities';

export type NewAlert = Pick<AlertEntity, 'key' | 'username' | 'type' | 'taskId' | 'caseId' | 'data'>;

@Injectable()
export class AlertRepository {
  constructor(@InjectRepository(AlertEntity) private readonly alerts: Repository<AlertEntity>) {}

  /**
   * Stores the alerts that do not exist yet (by key), in one statement, and returns those it
   * created. `mail` queues them for the e-mail relay; without it they are never e-mailed.
   */
  async createMany(alerts: NewAlert[], mail: boolean): Promise<AlertEntity[]> {
    if (alerts.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.alerts.query(
      `INSERT INTO alerts (id, key, username, type, task_id, case_id, data, mail_status)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::jsonb[], $8::text[])
       ON CONFLICT (key) DO NOTHING
       RETURNING id, key, username, type, task_id AS "taskId", case_id AS "caseId", data, created_at AS "createdAt"`,
      [
        alerts.map(() => randomUUID()),
        alerts.map((a) => a.key),
        alerts.map((a) => a.username),
        alerts.map((a) => a.type),
        alerts.map((a) => a.taskId),
        alerts.map((a) => a.caseId),
        alerts.map((a) => JSON.stringify(a.data)),
        alerts.map(() => (mail ? 'pending' : 'skipped')),
      ],
    );
    return rows.map((row) => Object.assign(new AlertEntity(), row));
  }

  /**
   * Claims up to `limit` alerts whose e-mail is due, for one relay: their next attempt moves out by
   * a backoff (so a relay that dies mid-batch leaves them for another, later) and their attempt
   * count goes up. SKIP LOCKED lets several workers relay at once without sending anything twice.
   */
  async claimMailBatch(limit: number): Promise<(AlertEntity & { email: string | null })[]> {
    // TypeORM answers an UPDATE … RETURNING with [rows, count].
    const [rows] = await this.alerts.query(
      `UPDATE alerts a
          SET mail_attempts = a.mail_attempts + 1,
              mail_next_attempt_at = now() + least(interval '1 hour', interval '10 seconds' * power(2, a.mail_attempts))
         FROM (SELECT id FROM alerts WHERE mail_status = 'pending' AND mail_next_attempt_at <= now()
                ORDER BY mail_next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
        WHERE a.id = due.id
        RETURNING a.id, a.type, a.task_id AS "taskId", a.data, a.mail_attempts AS "mailAttempts",
                  (SELECT u.email FROM users u WHERE u.username = a.username AND u.active) AS email`,
      [limit],
    );
    return rows;
  }

  async markMailed(id: string, status: 'sent' | 'skipped', at: Date): Promise<void> {
    await this.alerts.update({ id }, { mailStatus: status, emailedAt: status === 'sent' ? at : null });
  }

  forUser(username: string, limit = 50): Promise<AlertEntity[]> {
    return this.alerts.find({ where: { username }, order: { createdAt: 'DESC' }, take: limit });
  }

  /** How many of the user's alerts are unread. */
  async unreadCount(username: string): Promise<number> {
    const [{ count }]: { count: number }[] = await this.alerts.query(
      `SELECT count(*)::int AS count FROM alerts WHERE username = $1 AND read_at IS NULL`,
      [username],
    );
    return count;
  }

  /**
   * Marks the user's alerts read, those of `ids` or all, and returns how many stay unread. Only the
   * user's own alerts match, so another user's id changes nothing.
   */
  async markRead(username: string, ids: readonly string[] | undefined): Promise<number> {
    await this.alerts.query(
      `UPDATE alerts SET read_at = now() WHERE username = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2))`,
      [username, ids ?? null],
    );
    // Counted afresh (not in the same statement) so a concurrent marking is not counted as unread.
    return this.unreadCount(username);
  }
}
