import { Injectable } from '@nestjs/common';
import { Assignment, AssignmentService } from '@sagsflow/casework';
import type { Agency } from '@sagsflow/domain';

/** Who is responsible for a case. Idempotent: a case keeps the person it already has. */
@Injectable()
export class AssignmentActivities {
  constructor(private readonly assignment: AssignmentService) {}

  assignCaseworker(input: { caseId: string; agency: Agency; exclude?: string[] }): Promise<Assignment> {
    return this.assignment.assignCaseworker(input.caseId, input.agency, input.exclude);
  }

  /** A tovholder by caseload; the case's current one stays unless named in `exclude` (they left). */
  assignCoordinator(input: { caseId: string; exclude?: string[] }) {
    return this.assignment.assignCoordinator(input.caseId, input.exclude);
  }

  /** The agency of someone who may be tovholder (active, in an agency the policy allows), else null. */
  async coordinatorCandidate(input: { username: string }): Promise<{ agency: Agency | null }> {
    return { agency: await this.assignment.coordinatorCandidate(input.username) };
  }
}
