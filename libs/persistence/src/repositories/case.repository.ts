import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Agency } from '@sagsflow/domain';
import { CaseEntity, NotificationEntity } from '../entities';

export interface NewNotification {
  id: string;
  source: NotificationEntity['source'];
  receivedAt: Date;
  concern: string;
  workflowId: string;
}

@Injectable()
export class CaseRepository {
  /** Opens a case owned by `ownerAgency`, numbered `<year>-<sequence>`, inside the caller's transaction. */
  async openCase(em: EntityManager, municipality: string, ownerAgency: Agency, now: Date): Promise<CaseEntity> {
    const [{ seq }] = await em.query(`SELECT nextval('case_number_seq') AS seq`);
    const entity = em.create(CaseEntity, {
      id: randomUUID(),
      caseNumber: `${now.getUTCFullYear()}-${String(seq).padStart(6, '0')}`,
      municipality,
      ownerAgency,
    });
    return em.save(entity);
  }

  async addNotification(em: EntityManager, caseId: string, notification: NewNotification): Promise<NotificationEntity> {
    return em.save(em.create(NotificationEntity, { ...notification, caseId }));
  }
}
