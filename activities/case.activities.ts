import { Injectable } from '@nestjs/common';
import { CaseEventInput, CaseService, LetterInput } from '@sagsflow/casework';
import type { Agency } from '@sagsflow/domain';
import type { PendingHandover, RecordProcessPositionInput } from '@sagsflow/temporal/shared';

/** The child's case in the read model. Every method is idempotent (keys, or conditional updates). */
@Injectable()
export class CaseActivities {
  constructor(private readonly cases: CaseService) {}

  recordCaseEvent(event: CaseEventInput): Promise<void> {
    return this.cases.recordEvent(event);
  }

  setCaseOwner(input: { caseId: string; agency: Agency }): Promise<void> {
    return this.cases.setOwner(input.caseId, input.agency);
  }

  setPendingHandover(input: { caseId: string; pending: PendingHandover | null }): Promise<void> {
    return this.cases.setPendingHandover(input.caseId, input.pending);
  }

  setTovholder(input: { caseId: string; tovholder: { username: string; since: string } | null }): Promise<void> {
    return this.cases.setTovholder(input.caseId, input.tovholder);
  }

  recordProcessPosition(position: RecordProcessPositionInput): Promise<void> {
    return this.cases.recordProcessPosition(position);
  }

  recordTriageDecision(input: { notificationId: string; decision: string }): Promise<void> {
    return this.cases.recordTriageDecision(input.notificationId, input.decision);
  }

  draftLetter(input: LetterInput): Promise<{ id: string }> {
    return this.cases.draftLetter(input);
  }

  markLetterSent(input: { letterId: string; by: string; at: string }): Promise<void> {
    return this.cases.markLetterSent(input.letterId, input.by, input.at);
  }

  recordMeasure(input: { measureId: string; caseId: string; kind: 'preventive' | 'placement'; decidedBy: string; at: string }): Promise<void> {
    return this.cases.recordMeasure(input);
  }

  async pickFreshCaseworker(input: { caseId: string; agency: Agency }): Promise<{ username: string | null }> {
    return { username: await this.cases.freshCaseworker(input.caseId, input.agency) };
  }
}
