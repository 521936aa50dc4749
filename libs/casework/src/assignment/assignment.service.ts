import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@sagsflow/config';
import { type Agency, chooseCaseworker, POLICIES } from '@sagsflow/domain';
import { CaseRepository, UserRepository } from '@sagsflow/persistence';
import { AlertService } from '../alerts/alert.service';

export interface Assignment {
  username: string | null;
  /** Everyone was at the policy's cap; the lead has been told. */
  atCap: boolean;
}

/** The coordinator (tovholder) a case has after assignment, with the agency they coordinate for. */
export interface CoordinatorAssignment extends Assignment {
  agency: Agency | null;
}

/** Who is responsible for a case: caseload balancing within a team, and the coordinator (tovholder). */
@Injectable()
export class AssignmentService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly users: UserRepository,
    private readonly alerts: AlertService,
  ) {}

  /**
   * Gives the case a responsible caseworker from the agency's team by caseload (see chooseCaseworker). Runs
   * under a per-team lock so two concurrent assignments cannot both take the last place below the
   * cap; a case that already has a caseworker keeps them (idempotent).
   */
  async assignCaseworker(caseId: string, agency: Agency, exclude: string[] = []): Promise<Assignment> {
    const team = (await this.users.defaultTeamOf(agency))?.id;
    if (!team) return { username: null, atCap: false };
    const cap = POLICIES[this.config.POLICY].caseloadCap;
    const result = await this.dataSource.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`caseload:${team}`]);
      const existing = await this.cases.findById(em, caseId);
      if (!existing) throw new Error(`Case ${caseId} does not exist`);
      if (existing.responsibleCaseworker && !exclude.includes(existing.responsibleCaseworker)) {
        return { username: existing.responsibleCaseworker, atCap: false };
      }
      const choice = chooseCaseworker(await this.cases.openCaseloads(em, team), cap, exclude);
      if (choice.username) await this.cases.setResponsibleCaseworker(em, caseId, choice.username);
      return { username: choice.username ?? null, atCap: choice.atCap };
    });
    if (result.atCap) {
      const lead = (await this.users.findTeam(team))?.leadUsername;
      if (lead) {
        await this.alerts.send({
          key: `case/${caseId}/caseload-at-cap/${team}`,
          username: lead,
          type: 'caseload.at-cap',
          taskId: null,
          caseId,
          data: { team, cap, assignedTo: result.username },
        });
      }
    }
    return result;
  }

  /**
   * Gives the case a coordinator (tovholder) from the agencies the policy makes eligible, by the
   * same balancing over how many open cases each already coordinates, when it has none or its
   * coordinator is in `exclude` (someone who left); a case with an acceptable one keeps them
   * (idempotent). One lock for all coordinators, so concurrent assignments see each other's load.
   */
  async assignCoordinator(caseId: string, exclude: string[] = []): Promise<CoordinatorAssignment> {
    const policy = POLICIES[this.config.POLICY];
    return this.dataSource.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['coordinators']);
      const existing = await this.cases.findById(em, caseId);
      if (!existing) throw new Error(`Case ${caseId} does not exist`);
      if (existing.coordinator && !exclude.includes(existing.coordinator)) {
        const agency = (await this.users.find(existing.coordinator))?.agency ?? null;
        return { username: existing.coordinator, agency, atCap: false };
      }
      const loads = await this.cases.openCoordinatorLoads(em, policy.coordinatorAgencies);
      const choice = chooseCaseworker(loads, policy.caseloadCap, exclude);
      await this.cases.setCoordinator(em, caseId, choice.username ? { username: choice.username, since: new Date() } : null);
      if (!choice.username) return { username: null, agency: null, atCap: false };
      return { username: choice.username, agency: loads.find((l) => l.username === choice.username)!.agency, atCap: choice.atCap };
    });
  }

  /**
   * The agency a person would coordinate for: theirs, if they are active and the policy lets their
   * agency hold the tovholder role; otherwise null.
   */
  async coordinatorCandidate(username: string): Promise<Agency | null> {
    const user = await this.users.findActive(username);
    return user && POLICIES[this.config.POLICY].coordinatorAgencies.includes(user.agency) ? user.agency : null;
  }
}
