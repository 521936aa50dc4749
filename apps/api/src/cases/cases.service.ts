import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { canSeeCase, deadlineState } from '@sagsflow/domain';
import {
  CaseEntity,
  CaseEventEntity,
  ChildEntity,
  LetterEntity,
  MeasureEntity,
  NotificationEntity,
  TaskEntity,
} from '@sagsflow/persistence';
import { recordMeasureUpdate, TemporalClient } from '@sagsflow/temporal';
import type { CurrentUser } from '../auth/current-user';
import { CaseDto } from './case.dto';

@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: TemporalClient,
  ) {}

  async get(user: CurrentUser, id: string): Promise<CaseDto> {
    const found = await this.visibleCase(user, id);
    const repo = <T extends object>(entity: new () => T) => this.dataSource.getRepository(entity);
    const [child, notifications, measures, tasks, letters, events] = await Promise.all([
      found.childId ? repo(ChildEntity).findOneBy({ id: found.childId }) : null,
      repo(NotificationEntity).find({ where: { caseId: id }, order: { receivedAt: 'ASC' } }),
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
      ownerAgency: found.ownerAgency,
      responsibleCaseworker: found.responsibleCaseworker,
      coordinator: found.coordinator,
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
      measures: measures.map((m) => ({ id: m.id, kind: m.kind, status: m.status, decidedAt: m.decidedAt.toISOString() })),
      deadlines: deadlines.map((d) => ({ ...d, dueAt: d.dueAt.toISOString() })),
      timeline: events.map((e) => ({ type: e.type, actor: e.actor, at: e.at.toISOString(), data: e.data })),
    };
  }

  /** Records a measure through the case workflow, which then knows the child receives support. */
  async recordMeasure(user: CurrentUser, id: string, kind: 'preventive' | 'placement') {
    const found = await this.visibleCase(user, id);
    return this.temporal.workflow
      .getHandle(found.workflowId!)
      .executeUpdate(recordMeasureUpdate, { args: [{ measureId: randomUUID(), kind, decidedBy: user.username }] });
  }

  private async visibleCase(user: CurrentUser, id: string): Promise<CaseEntity> {
    const found = await this.dataSource.getRepository(CaseEntity).findOneBy({ id });
    if (!found) throw new NotFoundException(`Case ${id} not found`);
    if (canSeeCase(user.agency, found, false)) return found;
    const openWork = await this.dataSource.getRepository(TaskEntity).countBy({ caseId: id, agency: user.agency, status: 'open' });
    if (!canSeeCase(user.agency, found, openWork > 0)) throw new ForbiddenException(`Case ${id} is not shared with ${user.agency}`);
    return found;
  }
}
