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
   * same balancing over how many open cases each already coordinates.
   */
  async assignCoordinator(caseId: string): Promise<Assignment> {
    const policy = POLICIES[this.config.POLICY];
    return this.dataSource.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['coordinators']);
      const existing = await this.cases.findById(em, caseId);
      if (!existing) throw new Error(`Case ${caseId} does not exist`);
      if (existing.coordinator) return { username: existing.coordinator, atCap: false };
      const loads: { username: string; open_cases: string }[] = await em.query(
        `SELECT u.username, count(c.id) AS open_cases
           FROM users u LEFT JOIN cases c ON c.coordinator = u.username AND c.status = 'open'
          WHERE u.agency = ANY($1) AND u.role = 'caseworker' AND u.active
          GROUP BY u.username`,
        [policy.coordinatorAgencies],
      );
      const choice = chooseCaseworker(
        loads.map((l) => ({ username: l.username, openCases: Number(l.open_cases) })),
        policy.caseloadCap,
      );
      if (choice.username) await this.cases.setCoordinator(em, caseId, choice.username);
      return { username: choice.username ?? null, atCap: choice.atCap };
    });
  }
}
