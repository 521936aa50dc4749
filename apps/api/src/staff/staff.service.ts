import { randomUUID } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseService, ProcessOutbox, type TemporalCall } from '@sagsflow/casework';
import { AuditRepository, UserRepository } from '@sagsflow/persistence';
import { staffLeftSignal } from '@sagsflow/temporal';
import { StaffDto } from './staff.dto';

/** The staff directory as administrators change it, and the case workflows a change affects. */
@Injectable()
export class StaffService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly cases: CaseService,
    private readonly outbox: ProcessOutbox,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * Deactivates (the person left) or re-activates a person. On deactivation every open case they
   * are tovholder of is told, so its workflow chooses another: the signals are owed to the outbox
   * in the same transaction, so none is lost if Temporal is away. No new assignment picks the
   * person meanwhile, and the workflows ignore news about someone not theirs.
   */
  async setActive(username: string, active: boolean): Promise<StaffDto> {
    const { user, owed } = await this.dataSource.transaction(async (em) => {
      const changed = await this.users.setActive(em, username, active);
      if (!changed) throw new NotFoundException(`No staff member ${username}`);
      const cases = active ? [] : await this.cases.casesCoordinatedBy(username, em);
      const calls: TemporalCall[] = cases.map((c) => ({ kind: 'signal', workflowId: c.workflowId, signal: staffLeftSignal.name, args: [{ username }] }));
      const id = randomUUID();
      if (calls.length > 0) await this.outbox.add(em, id, null, calls);
      await this.audit.appendPendingIn(em, null);
      return { user: changed, owed: { id, calls } };
    });
    if (owed.calls.length > 0) await this.outbox.dispatch(owed.id, owed.calls);
    return { username: user.username, agency: user.agency, team: user.team, role: user.role, active: user.active, casesToReassign: owed.calls.length };
  }
}
