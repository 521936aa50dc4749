import { Injectable } from '@nestjs/common';
import { Assignment, AssignmentService } from '@sagsflow/casework';

/** Who is responsible for a case. Idempotent: a case keeps the person it already has. */
@Injectable()
export class AssignmentActivities {
  constructor(private readonly assignment: AssignmentService) {}

  assignCaseworker(input: { caseId: string; team: string; exclude?: string[] }): Promise<Assignment> {
    return this.assignment.assignCaseworker(input.caseId, input.team, input.exclude);
  }

  assignCoordinator(input: { caseId: string }): Promise<Assignment> {
    return this.assignment.assignCoordinator(input.caseId);
  }
}
