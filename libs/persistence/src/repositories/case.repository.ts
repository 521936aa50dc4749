import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Agency } from '@sagsflow/domain';
import { CaseEntity, NotificationEntity } from '../entities';

export type NewNotification = Pick<
  NotificationEntity,
  | 'id'
  | 'source'
  | 'receivedAt'
  | 'concern'
  | 'workflowId'
  | 'professionalKind'
  | 'notifier'
  | 'abuse'
  | 'acute'
  | 'createdBy'
  | 'idempotencyKey'
  | 'requestHash'
>;

export interface ChildIdentity {
  cpr: string | null;
  name: string | null;
  birthDate: string | null;
}

@Injectable()
export class CaseRepository {
  /**
   * Opens a case owned by `ownerAgency`, numbered `<year>-<sequence>`, inside the caller's
   * transaction. For a child, a concurrent opening of their case yields the one that won.
   */
  async openCase(em: EntityManager, municipality: string, ownerAgency: Agency, now: Date, childId: string | null = null): Promise<CaseEntity> {
    const [{ seq }] = await em.query(`SELECT nextval('case_number_seq') AS seq`);
    const id = randomUUID();
    const caseNumber = `${now.getUTCFullYear()}-${String(seq).padStart(6, '0')}`;
    await em.query(
      `INSERT INTO cases (id, case_number, municipality, owner_agency, child_id, workflow_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (municipality, child_id) WHERE status = 'open' DO NOTHING`,
      [id, caseNumber, municipality, ownerAgency, childId, `case-${caseNumber}`],
    );
    const opened = childId ? await this.findOpenCaseOfChild(em, municipality, childId) : await em.findOneBy(CaseEntity, { id });
    return opened!;
  }

  findOpenCaseOfChild(em: EntityManager, municipality: string, childId: string): Promise<CaseEntity | null> {
    return em.findOneBy(CaseEntity, { municipality, childId, status: 'open' });
  }

  /** The child by CPR, or — without one — by name and birth date; added if not known. */
  async findOrAddChild(em: EntityManager, municipality: string, child: ChildIdentity): Promise<string> {
    const find = async (): Promise<string | undefined> => {
      const rows: { id: string }[] = child.cpr
        ? await em.query(`SELECT id FROM children WHERE municipality = $1 AND cpr = $2`, [municipality, child.cpr])
        : await em.query(
            `SELECT id FROM children WHERE municipality = $1 AND cpr IS NULL AND lower(name) = lower($2) AND birth_date = $3`,
            [municipality, child.name, child.birthDate],
          );
      return rows[0]?.id;
    };
    if (!child.cpr) {
      // No unique key holds a child without a CPR number (two children may share name and birth
      // date), so concurrent intakes for one such child take turns: the second finds the first's.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`child:${municipality}:${child.name?.toLowerCase()}:${child.birthDate}`]);
    }
    const known = await find();
    if (known) return known;
    await em.query(
      `INSERT INTO children (id, municipality, cpr, name, birth_date) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (municipality, cpr) WHERE cpr IS NOT NULL DO NOTHING`,
      [randomUUID(), municipality, child.cpr, child.name, child.birthDate],
    );
    return (await find())!;
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

  /**
   * Open cases per person who may coordinate (active caseworkers of the given agencies, zero for
   * those with none), for balancing the tovholder role like caseloads.
   */
  async openCoordinatorLoads(em: EntityManager, agencies: readonly Agency[]): Promise<{ username: string; agency: Agency; openCases: number }[]> {
    const rows: { username: string; agency: Agency; open_cases: string }[] = await em.query(
      `SELECT u.username, u.agency, count(c.id) AS open_cases
         FROM users u LEFT JOIN cases c ON c.coordinator = u.username AND c.status = 'open'
        WHERE u.agency = ANY($1) AND u.role = 'caseworker' AND u.active
        GROUP BY u.username, u.agency`,
      [agencies],
    );
    return rows.map((r) => ({ username: r.username, agency: r.agency, openCases: Number(r.open_cases) }));
  }

  /** Sets or clears the coordinator (tovholder) with the time they became it. */
  async setCoordinator(em: EntityManager, caseId: string, coordinator: { username: string; since: Date } | null): Promise<void> {
    await em.update(CaseEntity, { id: caseId }, { coordinator: coordinator?.username ?? null, coordinatorSince: coordinator?.since ?? null });
  }

  /** Open cases the person coordinates. */
  coordinatedBy(em: EntityManager, username: string): Promise<CaseEntity[]> {
    return em.find(CaseEntity, { where: { coordinator: username, status: 'open' }, order: { caseNumber: 'ASC' } });
  }

  findById(em: EntityManager, caseId: string): Promise<CaseEntity | null> {
    return em.findOneBy(CaseEntity, { id: caseId });
  }

  /** A plain INSERT: `save` would first SELECT the new id to decide between insert and update. */
  async addNotification(em: EntityManager, caseId: string, notification: NewNotification): Promise<void> {
    await em.insert(NotificationEntity, { ...notification, caseId });
  }
}
