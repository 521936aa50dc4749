import { ConflictException, ForbiddenException, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { caseWorkflowIdOf, InvestigationService, MeasureService, TaskService, uuidFrom } from '@sagsflow/casework';
import { type Agency, deadlineState, handoverProblem, type ProcessKind, STAFF_AGENCIES } from '@sagsflow/domain';
import {
  CaseEntity,
  CaseEventEntity,
  ChildEntity,
  InvestigationEntity,
  LetterEntity,
  MeasureEntity,
  NotificationEntity,
  ProcessPositionEntity,
  TaskEntity,
  UserRepository,
} from '@sagsflow/persistence';
import {
  CaseFailure,
  type HandoverResult,
  involveAgencyUpdate,
  requestHandoverUpdate,
  setTovholderUpdate,
  TemporalClient,
  type Tovholder,
} from '@sagsflow/temporal';
import type { CurrentUser } from '../auth/current-user';
import { unprocessable } from '../common/http-errors';
import {
  CaseDto,
  CaseProcessDto,
  HandoverRequestDto,
  InvestigationStartedDto,
  InvolvementRequestDto,
  MeasureStartedDto,
  StartInvestigationDto,
  StartMeasureDto,
} from './case.dto';

@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: TemporalClient,
    private readonly users: UserRepository,
    private readonly tasks: TaskService,
    private readonly investigations: InvestigationService,
    private readonly measures: MeasureService,
  ) {}

  async get(user: CurrentUser, id: string): Promise<CaseDto> {
    const found = await this.visibleCase(user, id);
    const repo = <T extends object>(entity: new () => T) => this.dataSource.getRepository(entity);
    const [child, tovholder, notifications, investigations, measures, tasks, letters, events] = await Promise.all([
      found.childId ? repo(ChildEntity).findOneBy({ id: found.childId }) : null,
      found.coordinator ? this.users.find(found.coordinator) : null,
      repo(NotificationEntity).find({ where: { caseId: id }, order: { receivedAt: 'ASC' } }),
      repo(InvestigationEntity).find({ where: { caseId: id }, order: { startedAt: 'ASC' } }),
      repo(MeasureEntity).find({ where: { caseId: id }, order: { decidedAt: 'ASC' } }),
      repo(TaskEntity).find({ where: { caseId: id, status: 'open' } }),
      repo(LetterEntity).find({ where: { caseId: id, status: 'due' } }),
      repo(CaseEventEntity).find({ where: { caseId: id }, order: { at: 'ASC', id: 'ASC' } }),
    ]);
    const now = new Date();
    const deadlines = [
      ...tasks.map((t) => ({
        source: 'task' as const,
        what: t.kind,
        dueAt: t.dueAt,
        state: deadlineState(t.dueAt, now, t.remindAt),
        taskId: t.id,
        owner: t.assignee ?? t.team,
      })),
      ...letters.map((l) => ({
        source: 'letter' as const,
        what: `${l.kind}-letter`,
        dueAt: l.dueAt,
        state: deadlineState(l.dueAt, now),
        taskId: null,
        owner: 'reception',
      })),
    ].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    return {
      id: found.id,
      caseNumber: found.caseNumber,
      status: found.status,
      owner: found.ownerAgency,
      responsibleCaseworker: found.responsibleCaseworker,
      // The user exists: cases.coordinator references users, whose rows are deactivated, never deleted.
      tovholder: tovholder && { username: tovholder.username, agency: tovholder.agency, since: found.coordinatorSince!.toISOString() },
      pendingHandover: found.pendingHandover && {
        requestId: found.pendingHandover.requestId,
        from: found.pendingHandover.from,
        to: found.pendingHandover.to,
        reason: found.pendingHandover.reason,
        requestedBy: found.pendingHandover.requestedBy,
        requestedAt: found.pendingHandover.requestedAt,
        dueAt: found.pendingHandover.dueAt,
      },
      child: { cpr: child?.cpr ?? null, name: child?.name ?? null, birthDate: child?.birthDate ?? null },
      notifications: notifications.map((n) => ({
        id: n.id,
        source: n.source,
        professionalKind: n.professionalKind,
        receivedAt: n.receivedAt.toISOString(),
        abuse: n.abuse,
        acute: n.acute,
        decision: n.decision,
        workflowId: n.workflowId,
      })),
      investigations: investigations.map((i) => ({
        id: i.id,
        workflowId: i.workflowId,
        status: i.status,
        reason: i.reason,
        awareSince: i.awareSince.toISOString(),
        dueAt: i.dueAt.toISOString(),
        decision: i.decision,
        startedAt: i.startedAt.toISOString(),
        concludedAt: iso(i.concludedAt),
        preliminaryAssessmentDueAt: iso(i.preliminaryAssessmentDueAt),
        overdue: i.status === 'open' && now.getTime() > i.dueAt.getTime(),
      })),
      measures: measures.map((m) => ({
        id: m.id,
        kind: m.kind,
        type: m.type,
        goal: m.goal,
        startsOn: m.startsOn,
        status: m.status,
        decidedAt: m.decidedAt.toISOString(),
        workflowId: m.workflowId,
        planDueAt: iso(m.planDueAt),
        planDoneAt: iso(m.planDoneAt),
        nextFollowUpAt: iso(m.nextFollowUpAt),
        closedAt: iso(m.closedAt),
      })),
      deadlines: deadlines.map((d) => ({ ...d, dueAt: d.dueAt.toISOString() })),
      timeline: events.map((e) => ({ type: e.type, actor: e.actor, at: e.at.toISOString(), data: e.data })),
    };
  }

  /**
   * The case's processes where their workflows last recorded them (the read model, without asking
   * Temporal), each with its open deadlines: the case's own process first, then the others.
   */
  async processes(user: CurrentUser, id: string): Promise<CaseProcessDto[]> {
    const found = await this.visibleCase(user, id);
    const [positions, tasks] = await Promise.all([
      this.dataSource.getRepository(ProcessPositionEntity).find({ where: { caseId: id }, order: { workflowId: 'ASC' } }),
      this.dataSource.getRepository(TaskEntity).find({ where: { caseId: id, status: 'open' }, order: { dueAt: 'ASC' } }),
    ]);
    const caseWorkflow = caseWorkflowIdOf(found);
    const now = new Date();
    // A stable sort: the others keep their order by workflow id.
    const ordered = positions.sort((a, b) => Number(b.workflowId === caseWorkflow) - Number(a.workflowId === caseWorkflow));
    return ordered.map((p) => ({
      kind: p.kind as ProcessKind,
      workflowId: p.workflowId,
      status: p.status,
      active: p.active,
      completed: p.completed,
      deadlines: tasks
        .filter((t) => t.workflowId === p.workflowId)
        .map((t) => ({ step: t.step, kind: t.kind, dueAt: t.dueAt.toISOString(), state: deadlineState(t.dueAt, now, t.remindAt) })),
    }));
  }

  /**
   * Opens a child welfare investigation (BL §20): 409 while one is open on the case. With an
   * Idempotency-Key, the user, case and key fix the investigation, so a retry gets the first answer
   * and never starts a second workflow.
   */
  async startInvestigation(user: CurrentUser, id: string, dto: StartInvestigationDto, idempotencyKey?: string): Promise<InvestigationStartedDto> {
    const found = await this.visibleCase(user, id);
    const key = processKeyFor(user, 'investigation', found.id, idempotencyKey);
    const opened = await this.investigations.open({ key, caseId: found.id, reason: dto.reason, awareSince: dto.awareSince ?? undefined, startedBy: user.username }, 'refuse');
    return { id: opened.id, workflowId: opened.workflowId, dueAt: opened.dueAt };
  }

  /** Starts a preventive measure (BL §32) as its own process; an Idempotency-Key fixes it as for investigations. */
  async startMeasure(user: CurrentUser, id: string, dto: StartMeasureDto, idempotencyKey?: string): Promise<MeasureStartedDto> {
    const found = await this.visibleCase(user, id);
    const key = processKeyFor(user, 'measure', found.id, idempotencyKey);
    const opened = await this.measures.open({ key, caseId: found.id, type: dto.type, goal: dto.goal, startsOn: dto.startsOn, decidedBy: user.username });
    return { id: opened.id, workflowId: opened.workflowId };
  }

  /**
   * Asks the case workflow to hand the case to another agency (overdragelse); it answers `pending`
   * until the receiver accepts. Only the owner's staff may ask. With an Idempotency-Key, the request
   * id (and Update id) comes from the user, case and key, so a retry gets the first answer and never
   * starts a second hand-over.
   */
  async requestHandover(user: CurrentUser, id: string, dto: HandoverRequestDto, idempotencyKey?: string): Promise<HandoverResult> {
    const found = await this.visibleCase(user, id);
    ownerStaffOnly(user, found, `hand case ${id} over`);
    const to = otherStaffAgency(found, dto.to, 'to', 'handover-recipient');
    const requestId = requestIdFor(user, 'handover', id, idempotencyKey);
    const request = { requestId, to, reason: dto.reason, requestedBy: user.username };
    try {
      return await this.workflowOf(found).executeUpdate(requestHandoverUpdate, { updateId: requestId, args: [request] });
    } catch (error) {
      throw toHttpError(error, found);
    }
  }

  /**
   * Asks another agency for a contribution without handing the case over (inddragelse): the case
   * workflow gives them a contribution task, and they may read the case while it is open. Only the
   * owner's staff may ask; an Idempotency-Key fixes the request and Update id as for hand-overs, so
   * a retry never creates a second task.
   */
  async involveAgency(user: CurrentUser, id: string, dto: InvolvementRequestDto, idempotencyKey?: string): Promise<{ taskId: string }> {
    const found = await this.visibleCase(user, id);
    ownerStaffOnly(user, found, `ask another agency to contribute to case ${id}`);
    const agency = otherStaffAgency(found, dto.agency, 'agency', 'involved-agency');
    const requestId = requestIdFor(user, 'involvement', id, idempotencyKey);
    const request = { requestId, agency, what: dto.what, requestedBy: user.username };
    try {
      return await this.workflowOf(found).executeUpdate(involveAgencyUpdate, { updateId: requestId, args: [request] });
    } catch (error) {
      throw toHttpError(error, found);
    }
  }

  /** A lead chooses the tovholder; the case workflow, their only writer, checks and records the change. */
  async setTovholder(user: CurrentUser, id: string, username: string): Promise<Tovholder | null> {
    const found = await this.visibleCase(user, id);
    if (user.role !== 'lead') throw new ForbiddenException('Only a team lead may choose the tovholder');
    // Whether the person may be tovholder is the workflow's to check: it is their one writer.
    try {
      return await this.workflowOf(found).executeUpdate(setTovholderUpdate, { args: [{ username, by: user.username }] });
    } catch (error) {
      throw toHttpError(error, found);
    }
  }

  private workflowOf(found: CaseEntity) {
    return this.temporal.workflow.getHandle(caseWorkflowIdOf(found));
  }

  private async visibleCase(user: CurrentUser, id: string): Promise<CaseEntity> {
    const found = await this.dataSource.getRepository(CaseEntity).findOneBy({ id });
    if (!found) throw new NotFoundException(`Case ${id} not found`);
    if (!(await this.tasks.caseSharedWith(id, user.agency))) throw new ForbiddenException(`Case ${id} is not shared with ${user.agency}`);
    return found;
  }
}

const iso = (at: Date | null) => at?.toISOString() ?? null;

/** 403 unless the user works in the agency that owns the case; `what` completes "may …". */
function ownerStaffOnly(user: CurrentUser, found: CaseEntity, what: string): void {
  if (user.agency !== found.ownerAgency) throw new ForbiddenException(`Only staff of the owner agency (${found.ownerAgency}) may ${what}`);
}

/** `value` as an agency that may receive or contribute to the case: a staff agency other than the owner; else 422 naming `field`. */
function otherStaffAgency(found: CaseEntity, value: string, field: string, rule: string): Agency {
  if (!handoverProblem(found.ownerAgency, value, field)) return value as Agency;
  const others = STAFF_AGENCIES.filter((agency) => agency !== found.ownerAgency).join(', ');
  throw unprocessable(`${field} must be a staff agency other than the owner (${found.ownerAgency}): one of ${others}`, [{ field, rules: [rule] }]);
}

/** The key that names a process a person starts: with an Idempotency-Key, the same for the same user, kind, case and key. */
function processKeyFor(user: CurrentUser, kind: 'investigation' | 'measure', caseId: string, idempotencyKey?: string): string {
  return idempotencyKey ? `api/${kind}/${user.username}/${caseId}/${idempotencyKey}` : `api/${kind}/${randomUUID()}`;
}

/** With an Idempotency-Key, the same user, request kind, case and key always give the same request id. */
function requestIdFor(user: CurrentUser, kind: string, caseId: string, idempotencyKey?: string): string {
  return idempotencyKey ? uuidFrom([user.username, kind, caseId, idempotencyKey].join('\u0000')) : randomUUID();
}

/** The case workflow's refusals as HTTP: one pending hand-over at a time (409), a broken rule (422), moving to a new version (503). */
function toHttpError(error: unknown, found: CaseEntity): Error {
  if (error instanceof WorkflowNotFoundError) return new ConflictException(`The process of case ${found.caseNumber} is not running`);
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const failure = error.cause;
    if (failure.type === CaseFailure.handoverPending) {
      return new ConflictException(`Case ${found.caseNumber} already has a hand-over waiting for acceptance; one at a time`);
    }
    if (failure.type === CaseFailure.invalidHandover) return unprocessable(failure.message, [{ field: 'to', rules: ['handover-recipient'] }]);
    if (failure.type === CaseFailure.invalidInvolvement) return unprocessable(failure.message, [{ field: 'agency', rules: ['involved-agency'] }]);
    if (failure.type === CaseFailure.invalidTovholder) return unprocessable(failure.message, [{ field: 'username', rules: ['tovholder-candidate'] }]);
    if (failure.type === CaseFailure.upgrading) return new ServiceUnavailableException(failure.message);
  }
  return error instanceof Error ? error : new Error(String(error));
}
