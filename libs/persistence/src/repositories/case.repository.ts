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

/** A known child without a CPR number that an intake's child may be. */
export interface ChildMatch {
  childId: string;
  caseId: string | null;
  caseNumber: string | null;
}

/** What reception said about the known children of the same name and birth date. */
export interface ChildMatchDecision {
  /** This child is the known child with this id. */
  sameAs?: string;
  /** This child is none of the known ones. */
  distinct?: boolean;
}

export type FoundChild = { childId: string } | { matches: ChildMatch[] } | { unknownMatch: true };

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

  /**
   * The child by CPR number, added if not known. A child without one has no key: two children may
   * share name and birth date. So a known child of that name and birth date is never taken
   * silently: unless reception confirmed it (`match.sameAs`) or ruled the known ones out
   * (`match.distinct`), the answer is the known children, for reception to decide.
   */
  async findOrAddChild(em: EntityManager, municipality: string, child: ChildIdentity, match: ChildMatchDecision = {}): Promise<FoundChild> {
    if (child.cpr) {
      const byCpr = () => em.query(`SELECT id FROM children WHERE municipality = $1 AND cpr = $2`, [municipality, child.cpr]);
      const [known] = await byCpr();
      if (known) return { childId: known.id };
      await this.addChild(em, municipality, child);
      return { childId: (await byCpr())[0].id };
    }
    // Concurrent intakes for one such child take turns: the second sees the first's child.
    await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`child:${municipality}:${child.name?.toLowerCase()}:${child.birthDate}`]);
    const matches: ChildMatch[] = await em.query(
      `SELECT ch.id AS "childId", c.id AS "caseId", c.case_number AS "caseNumber"
         FROM children ch LEFT JOIN cases c ON c.child_id = ch.id AND c.status = 'open'
        WHERE ch.municipality = $1 AND ch.cpr IS NULL AND lower(ch.name) = lower($2) AND ch.birth_date = $3
        ORDER BY ch.created_at`,
      [municipality, child.name, child.birthDate],
    );
    if (match.sameAs) return matches.some((m) => m.childId === match.sameAs) ? { childId: match.sameAs } : { unknownMatch: true };
    if (matches.length > 0 && !match.distinct) return { matches };
    return { childId: await this.addChild(em, municipality, child) };
  }

  private async addChild(em: EntityManager, municipality: string, child: ChildIdentity): Promise<string> {
    const id = randomUUID();
    await em.query(
      `INSERT INTO children (id, municipality, cpr, name, birth_date) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (municipality, cpr) WHERE cpr IS NOT NULL DO NOTHING`,
      [id, municipality, child.cpr, child.name, child.birthDate],
    );
    return id;
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
