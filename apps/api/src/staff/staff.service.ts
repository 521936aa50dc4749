import { Injectable, NotFoundException } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import { CaseService } from '@sagsflow/casework';
import { UserRepository } from '@sagsflow/persistence';
import { staffLeftSignal, TemporalClient } from '@sagsflow/temporal';
import { StaffDto } from './staff.dto';

/** The staff directory as administrators change it, and the case workflows a change affects. */
@Injectable()
export class StaffService {
  constructor(
    private readonly users: UserRepository,
    private readonly cases: CaseService,
    private readonly temporal: TemporalClient,
  ) {}

  /**
   * Deactivates (the person left) or re-activates a person. On deactivation every open case they
   * are tovholder of is told, so its workflow chooses another. The person is deactivated first, so
   * no new assignment picks them meanwhile; a repeated deactivation tells the cases again, which
   * completes one that failed half-way (the workflows ignore news about someone not theirs).
   */
  async setActive(username: string, active: boolean): Promise<StaffDto> {
    const user = await this.users.setActive(username, active);
    if (!user) throw new NotFoundException(`No staff member ${username}`);
    const casesToReassign = active ? 0 : await this.tellCasesTheyLeft(username);
    return { username: user.username, agency: user.agency, team: user.team, role: user.role, active: user.active, casesToReassign };
  }

  private async tellCasesTheyLeft(username: string): Promise<number> {
    const cases = await this.cases.casesCoordinatedBy(username);
    const results = await Promise.allSettled(
      cases.map((c) => this.temporal.workflow.getHandle(c.workflowId).signal(staffLeftSignal, { username })),
    );
    // A case whose workflow has ended has nothing left to coordinate.
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected' && !(r.reason instanceof WorkflowNotFoundError));
    if (failed) throw failed.reason;
    return cases.length;
  }
}
