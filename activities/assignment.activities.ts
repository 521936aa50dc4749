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

  assignCoordinator(input: { caseId: string }): Promise<Assignment> {
    return this.assignment.assignCoordinator(input.caseId);
  }
}
