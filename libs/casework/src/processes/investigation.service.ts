import { ConflictException, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { investigationDeadlines, notifierGetsLetters } from '@sagsflow/domain';
import { CaseEntity, InvestigationEntity, NotificationEntity } from '@sagsflow/persistence';
import { INVESTIGATION_WORKFLOW_TYPE, type InvestigationWorkflowInput, investigationWorkflowId } from '@sagsflow/temporal/shared';
import { CaseService, caseWorkflowIdOf } from '../cases/case.service';
import { InvalidInputError } from '../errors';
import { uuidFrom } from '../idempotency';
import type { InvestigationProgress, OpenedProcess, OpenInvestigationInput } from './process-inputs';
import { childBornOn, dateOf, lockCase, type ProcessStart, ProcessStarts, recordGiven } from './process-starts';

/** An investigation opened (or found open), with its conclusion's deadline. */
export interface OpenedInvestigation extends OpenedProcess {
  /** ISO-8601 */
  dueAt: string;
}

/**
 * The child welfare investigation (børnefaglig undersøgelse, BL §20) in the read model: opened by
 * a person or a notification's process, at most one open per case, its workflow started through
 * the outbox; and the case closed when an ending process leaves nothing open on it.
 */
@Injectable()
export class InvestigationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly starts: ProcessStarts,
    private readonly cases: CaseService,
  ) {}

  /**
   * Opens an investigation on the case and starts its workflow. The same key gives the same
   * investigation, never a second workflow. While another is open, `or-existing` answers with
   * that one (`existing: true`) and `refuse` is a 409 naming it. The deadline runs from
   * `awareSince`, else the receipt of the notification that led to it, else now (BL §20 stk. 3).
   */
  open(input: OpenInvestigationInput, ifOpen: 'or-existing' | 'refuse'): Promise<OpenedInvestigation> {
    return this.starts.open(input.caseId, async (em, found) => {
      const same = await em.findOneBy(InvestigationEntity, { key: input.key });
      if (same) return { opened: openedFrom(same, false) };
      const open = await em.findOneBy(InvestigationEntity, { caseId: found.id, status: 'open' });
      if (open && ifOpen === 'refuse') {
        throw new ConflictException(`Case ${found.caseNumber} already has an open investigation (${open.id}, due ${open.dueAt.toISOString()}); one at a time`);
      }
      if (open) return { opened: openedFrom(open, true) };
      return this.insert(em, found, input);
    });
  }

  private async insert(em: EntityManager, found: CaseEntity, input: OpenInvestigationInput): Promise<{ opened: OpenedInvestigation; start: ProcessStart }> {
    const notification = input.notificationId ? await em.findOneBy(NotificationEntity, { id: input.notificationId, caseId: found.id }) : null;
    if (input.notificationId && !notification) throw new InvalidInputError(`Notification ${input.notificationId} is not on case ${found.id}`);
    const now = new Date();
    const awareSince = input.awareSince ? new Date(input.awareSince) : (notification?.receivedAt ?? now);
    if (Number.isNaN(awareSince.getTime())) throw new InvalidInputError(`awareSince is not a time: ${input.awareSince}`);
    const base = this.starts.inputBase(found);
    const dueAt = investigationDeadlines(base.policyValues).conclusion(awareSince);
    const id = uuidFrom(input.key);
    const workflowId = investigationWorkflowId(id);
    await em.insert(InvestigationEntity, {
      id,
      key: input.key,
      caseId: found.id,
      workflowId,
      reason: input.reason,
      awareSince,
      dueAt,
      notificationId: notification?.id ?? null,
      startedBy: input.startedBy,
      startedAt: now,
    });
    const workflowInput: InvestigationWorkflowInput = {
      ...base,
      investigationId: id,
      awareSince: awareSince.toISOString(),
      dueAt: dueAt.toISOString(),
      notificationId: notification?.id,
      notifierGetsLetters: notification ? notifierGetsLetters(notification.source) : false,
      childBornOn: await childBornOn(em, found),
      caseworker: found.responsibleCaseworker ?? undefined,
      startedBy: input.startedBy,
    };
    return {
      opened: { id, workflowId, existing: false, dueAt: workflowInput.dueAt },
      start: {
        id,
        kind: 'investigation',
        workflowType: INVESTIGATION_WORKFLOW_TYPE,
        workflowId,
        input: workflowInput,
        summary: `Child welfare investigation, due ${workflowInput.dueAt}`,
        // The reason is free text and may name people: it stays in the investigation's row.
        event: { type: 'investigation.started', actor: input.startedBy, at: now.toISOString(), data: { investigationId: id, dueAt: workflowInput.dueAt } },
      },
    };
  }

  record(progress: InvestigationProgress): Promise<void> {
    return recordGiven(this.dataSource, InvestigationEntity, progress.investigationId, {
      status: progress.status,
      decision: progress.decision,
      concludedAt: dateOf(progress.concludedAt),
      preliminaryAssessmentDueAt: dateOf(progress.preliminaryAssessmentDueAt),
    });
  }

  /**
   * Closes the case when nothing is left open on it but the process asking (`exceptWorkflowId`):
   * no open task, no running process besides the case's own, no open investigation or measure,
   * no hand-over waiting. A case already closed stays closed (`closed: true`, for a retry).
   */
  async closeCaseIfIdle(caseId: string, by: string, exceptWorkflowId: string): Promise<{ closed: boolean }> {
    return this.dataSource.transaction(async (em) => {
      // Locked like a process start, so no process starts on the case while it closes.
      const found = await lockCase(em, caseId);
      if (found.status === 'closed') return { closed: true };
      if (found.pendingHandover) return { closed: false };
      const [{ busy }]: { busy: boolean }[] = await em.query(
        `SELECT EXISTS (SELECT 1 FROM tasks WHERE case_id = $1 AND status = 'open' AND workflow_id <> $2)
             OR EXISTS (SELECT 1 FROM process_positions WHERE case_id = $1 AND status = 'running' AND workflow_id NOT IN ($2, $3))
             OR EXISTS (SELECT 1 FROM investigations WHERE case_id = $1 AND status = 'open' AND workflow_id <> $2)
             OR EXISTS (SELECT 1 FROM measures WHERE case_id = $1 AND status = 'open' AND workflow_id IS DISTINCT FROM $2) AS busy`,
        [caseId, exceptWorkflowId, caseWorkflowIdOf(found)],
      );
      if (busy) return { closed: false };
      await em.update(CaseEntity, { id: caseId }, { status: 'closed' });
      const event = { type: 'case.closed', actor: by, at: new Date().toISOString(), data: { workflowId: exceptWorkflowId } };
      await this.cases.recordEvent({ key: `${exceptWorkflowId}/case-closed`, caseId, ...event }, em);
      return { closed: true };
    });
  }
}

function openedFrom(row: InvestigationEntity, existing: boolean): OpenedInvestigation {
  return { id: row.id, workflowId: row.workflowId, existing, dueAt: row.dueAt.toISOString() };
}
