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

  /** Open cases per caseworker of a team (zero for those with none), for caseload balancing. */
  async openCaseloads(em: EntityManager, team: string): Promise<{ username: string; openCases: number }[]> {
    const rows: { username: string; open_cases: string }[] = await em.query(
      `SELECT u.username, count(c.id) AS open_cases
         FROM users u
         LEFT JOIN cases c ON c.responsible_caseworker = u.username AND c.status = 'open'
        WHERE u.team = $1 AND u.role = 'caseworker' AND u.active
        GROUP BY u.username`,
      [team],
    );
    return rows.map((r) => ({ username: r.username, openCases: Number(r.open_cases) }));
  }

  async setResponsibleCaseworker(em: EntityManager, caseId: string, username: string): Promise<void> {
    await em.update(CaseEntity, { id: caseId }, { responsibleCaseworker: username });
  }

  async setCoordinator(em: EntityManager, caseId: string, username: string): Promise<void> {
    await em.update(CaseEntity, { id: caseId }, { coordinator: username });
  }

  findById(em: EntityManager, caseId: string): Promise<CaseEntity | null> {
    return em.findOneBy(CaseEntity, { id: caseId });
  }

  async addNotification(em: EntityManager, caseId: string, notification: NewNotification): Promise<NotificationEntity> {
    return em.save(em.create(NotificationEntity, { ...notification, caseId }));
  }
}
