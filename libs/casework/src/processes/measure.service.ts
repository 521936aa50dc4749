import { Injectable } from '@nestjs/common';
import { DataSource, Not } from 'typeorm';
import { childPlanDueAt } from '@sagsflow/domain';
import { InvestigationEntity, MeasureEntity } from '@sagsflow/persistence';
import { MEASURE_WORKFLOW_TYPE, type MeasureWorkflowInput, measureWorkflowId } from '@sagsflow/temporal/shared';
import { uuidFrom } from '../idempotency';
import type { MeasureProgress, OpenedProcess, OpenMeasureInput } from './process-inputs';
import { childBornOn, dateOf, ProcessStarts, recordGiven } from './process-starts';

/**
 * The preventive measure (forebyggende foranstaltning, BL §32) in the read model: started by a
 * person or an investigation's conclusion, its workflow started through the outbox. A case may
 * have several at once.
 */
@Injectable()
export class MeasureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly starts: ProcessStarts,
  ) {}

  /**
   * Starts a measure and its workflow. The same key gives the same measure, never a second
   * workflow. An investigation still open on the case, other than the one that decided it, runs
   * alongside: the first follow-up comes when it ends, if that is sooner (BL §95).
   */
  open(input: OpenMeasureInput): Promise<OpenedProcess> {
    return this.starts.open(input.caseId, async (em, found) => {
      const same = await em.findOneBy(MeasureEntity, { key: input.key });
      if (same) return { opened: { id: same.id, workflowId: same.workflowId!, existing: false } };
      const alongside = await em.findOneBy(InvestigationEntity, {
        caseId: found.id,
        status: 'open',
        ...(input.investigationId ? { id: Not(input.investigationId) } : {}),
      });
      const base = this.starts.inputBase(found);
      const decidedAt = new Date();
      const id = uuidFrom(input.key);
      const workflowId = measureWorkflowId(id);
      await em.insert(MeasureEntity, {
        id,
        key: input.key,
        caseId: found.id,
        kind: 'preventive',
        type: input.type,
        goal: input.goal,
        startsOn: input.startsOn,
        decidedAt,
        decidedBy: input.decidedBy,
        workflowId,
        investigationId: input.investigationId ?? null,
        // Known from the start (BL §91), so the case shows it before the workflow reports.
        planDueAt: childPlanDueAt(base.policyValues, decidedAt),
      });
      const workflowInput: MeasureWorkflowInput = {
        ...base,
        measureId: id,
        type: input.type,
        goal: input.goal,
        startsOn: input.startsOn,
        decidedAt: decidedAt.toISOString(),
        decidedBy: input.decidedBy,
        investigationId: input.investigationId,
        alongsideInvestigation: alongside?.workflowId,
        childBornOn: await childBornOn(em, found),
      };
      return {
        opened: { id, workflowId, existing: false },
        start: {
          id,
          kind: 'preventive-measure',
          workflowType: MEASURE_WORKFLOW_TYPE,
          workflowId,
          input: workflowInput,
          summary: `Preventive measure (${input.type}), decided ${workflowInput.decidedAt}`,
          event: { type: 'measure.started', actor: input.decidedBy, at: workflowInput.decidedAt, data: { measureId: id, type: input.type } },
        },
      };
    });
  }

  /** `nextFollowUpAt: null` clears it. */
  record(progress: MeasureProgress): Promise<void> {
    return recordGiven(this.dataSource, MeasureEntity, progress.measureId, {
      type: progress.type,
      status: progress.status,
      planDueAt: dateOf(progress.planDueAt),
      planDoneAt: dateOf(progress.planDoneAt),
      nextFollowUpAt: dateOf(progress.nextFollowUpAt),
      closedAt: dateOf(progress.closedAt),
    });
  }
}
