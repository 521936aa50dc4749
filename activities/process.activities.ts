import { Injectable } from '@nestjs/common';
import {
  InvestigationService,
  type InvestigationProgress,
  MeasureService,
  type MeasureProgress,
  type OpenedProcess,
  type OpenInvestigationInput,
  type OpenMeasureInput,
} from '@sagsflow/casework';

/** Processes that start processes: investigations and measures, opened and recorded. Every method is idempotent. */
@Injectable()
export class ProcessActivities {
  constructor(
    private readonly investigations: InvestigationService,
    private readonly measures: MeasureService,
  ) {}

  /** The case's open investigation, opened now unless one is open already (then that one). */
  openInvestigation(input: OpenInvestigationInput): Promise<OpenedProcess> {
    return this.investigations.open(input, 'or-existing');
  }

  recordInvestigation(progress: InvestigationProgress): Promise<void> {
    return this.investigations.record(progress);
  }

  openMeasure(input: OpenMeasureInput): Promise<OpenedProcess> {
    return this.measures.open(input);
  }

  recordMeasureProgress(progress: MeasureProgress): Promise<void> {
    return this.measures.record(progress);
  }

  /** Closes the case when nothing is left open on it but the process asking (`exceptWorkflowId`). */
  closeCaseIfIdle(input: { caseId: string; by: string; exceptWorkflowId: string }): Promise<{ closed: boolean }> {
    return this.investigations.closeCaseIfIdle(input.caseId, input.by, input.exceptWorkflowId);
  }
}
