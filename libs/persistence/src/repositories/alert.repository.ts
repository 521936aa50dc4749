import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AlertEntity } from '../entities';

export type NewAlert = Pick<AlertEntity, 'key' | 'username' | 'type' | 'taskId' | 'caseId' | 'data'>;

@Injectable()
export class AlertRepository {
  constructor(@InjectRepository(AlertEntity) private readonly alerts: Repository<AlertEntity>) {}

  async createOnce(alert: NewAlert): Promise<{ alert: AlertEntity; created: boolean }> {
    const inserted: unknown[] = await this.alerts.query(
      `INSERT INTO alerts (id, key, username, type, task_id, case_id, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (key) DO NOTHING RETURNING id`,
      [randomUUID(), alert.key, alert.username, alert.type, alert.taskId, alert.caseId, alert.data],
    );
    return { alert: await this.alerts.findOneByOrFail({ key: alert.key }), created: inserted.length > 0 };
  }

  async markEmailed(id: string, at: Date): Promise<void> {
    await this.alerts.update({ id }, { emailedAt: at });
  }

  forUser(username: string, limit = 50): Promise<AlertEntity[]> {
    return this.alerts.find({ where: { username }, order: { createdAt: 'DESC' }, take: limit });
  }
}
