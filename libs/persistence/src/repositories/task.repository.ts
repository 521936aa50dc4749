import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { type Agency, CASE_WIDE_AGENCIES, canSeeCase, type ProcessKind } from '@sagsflow/domain';
import { TaskEntity, TaskEventEntity, TaskEventType, TaskStatus } from '../entities';
import type { JsonObject } from '../entities/json';

export interface NewTask {
  id: string;
  /** Idempotency key, unique per task for ever (workflow id + step). */
  key: string;
  kind: string;
  caseId: string;
  processKind: ProcessKind;
  workflowId: string;
  step: string;
  agency: Agency;
  team: string;
  assignee: string | null;
  dueAt: Date;
  remindAt: Date | null;
  escalateTo: string | null;
}

/** Postgres channel that carries task changes to every API instance's live inboxes. */
export const TASK_CHANNEL = 'sagsflow_tasks';

/**
 * A task appeared, was completed or cancelled, or changed hands: what goes over the channel and out
 * to browsers so open inboxes refresh. Identifiers and task facts only, never personal data.
 */
export interface TaskChange {
  type: 'task.created' | 'task.completed' | 'task.cancelled' | 'task.assigned';
  taskId: string;
  kind: string;
  agency: Agency;
  team: string;
  assignee: string | null;
}

type ChangedTask = Pick<TaskEntity, 'id' | 'kind' | 'agency' | 'team' | 'assignee'>;

export type InboxScope = 'mine' | 'team' | 'agency';

/** Inbox totals are exact up to this; beyond it the inbox says "10,000 or more" (counting is the slow part). */
export const INBOX_COUNT_CAP = 10_000;

export interface InboxQuery {
  scope: InboxScope;
  user: { username: string; team: string; agency: Agency };
  status: TaskStatus;
  dueBefore?: Date;
  page: number;
  pageSize: number;
}

/** SQL: whether the agency (a query parameter) has open work on the case aliased `cases` (canSeeCase's `hasOpenWork`). */
const openWorkOn = (cases: string, agency: string) =>
  `EXISTS (SELECT 1 FROM tasks o WHERE o.case_id = ${cases}.id AND o.agency = ${agency} AND o.status = 'open')`;

@Injectable()
export class TaskRepository {
  constructor(
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
    @InjectRepository(TaskEventEntity) private readonly events: Repository<TaskEventEntity>,
  ) {}

  /** Inserts the task unless one with the same key exists; `created` says which happened. */
  async createOnce(task: NewTask): Promise<{ task: TaskEntity; created: boolean }> {
    const result = await this.tasks
      .createQueryBuilder()
      .insert()
      .values(task)
      .orIgnore()
      .returning(['id'])
      .execute();
    const created = result.raw.length > 0;
    const stored = await this.tasks.findOneByOrFail({ key: task.key });
    if (created) {
      await this.addEventOnce(stored.id, 'created', { assignee: stored.assignee, team: stored.team });
      await this.publish('task.created', [stored]);
    }
    return { task: stored, created };
  }

  /**
   * Whether the agency may see the case now (libs/domain's canSeeCase): always reception and the
   * authority, otherwise while it owns the case or has open work on it; false for no such case.
   */
  async caseSharedWith(caseId: string, agency: Agency): Promise<boolean> {
    const [row]: { owner_agency: Agency; open_work: boolean }[] = await this.tasks.query(
      `SELECT c.owner_agency,
              ${openWorkOn('c', '$2')} AS open_work
         FROM cases c WHERE c.id = $1`,
      [caseId, agency],
    );
    return row !== undefined && canSeeCase(agency, { ownerAgency: row.owner_agency }, row.open_work);
  }

  /** The case numbers of these cases, for lists that show a task's case by its number. */
  async caseNumbers(caseIds: string[]): Promise<Map<string, string>> {
    if (caseIds.length === 0) return new Map();
    const rows: { id: string; case_number: string }[] = await this.tasks.query('SELECT id, case_number FROM cases WHERE id = ANY($1)', [
      [...new Set(caseIds)],
    ]);
    return new Map(rows.map((r) => [r.id, r.case_number]));
  }

  findById(id: string): Promise<TaskEntity | null> {
    return this.tasks.findOneBy({ id });
  }

  async inbox(query: InboxQuery): Promise<{ items: TaskEntity[]; total: number; totalCapped: boolean }> {
    const qb = this.tasks.createQueryBuilder('t').where('t.status = :status', { status: query.status });
    if (query.scope === 'mine') qb.andWhere('t.assignee = :username', { username: query.user.username });
    if (query.scope === 'team') qb.andWhere('t.team = :team', { team: query.user.team });
    if (query.scope === 'agency') qb.andWhere('t.agency = :agency', { agency: query.user.agency });
    if (query.dueBefore) qb.andWhere('t.due_at < :dueBefore', { dueBefore: query.dueBefore });
    // An open task is its agency's open work, so its case is shared; a closed one shows its outcome
    // only while the case still is (canSeeCase): PPR does not keep reading a case it has finished with.
    if (query.status !== 'open' && !CASE_WIDE_AGENCIES.includes(query.user.agency)) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM cases c WHERE c.id = t.case_id AND (c.owner_agency = :agency
           OR ${openWorkOn('c', ':agency')}))`,
        { agency: query.user.agency },
      );
    }
    const counted = qb.clone().select('1').limit(INBOX_COUNT_CAP + 1);
    const [items, [{ n }]] = await Promise.all([
      qb
        .orderBy('t.due_at', 'ASC')
        .addOrderBy('t.id', 'ASC')
        .skip((query.page - 1) * query.pageSize)
        .take(query.pageSize)
        .getMany(),
      this.tasks.manager
        .createQueryBuilder()
        .select('count(*)::int', 'n')
        .from(`(${counted.getQuery()})`, 'capped')
        .setParameters(counted.getParameters())
        .getRawMany<{ n: number }>(),
    ]);
    return { items, total: Math.min(n, INBOX_COUNT_CAP), totalCapped: n > INBOX_COUNT_CAP };
  }

  /** Sets the assignee when `from` matches the current one (null = unassigned); false if it did not. */
  async changeAssignee(id: string, from: string | null | 'any', to: string | null, em = this.tasks.manager): Promise<boolean> {
    const qb = em
      .getRepository(TaskEntity)
      .createQueryBuilder()
      .update()
      .set({ assignee: to })
      .where('id = :id AND status = :open', { id, open: 'open' });
    if (from === null) qb.andWhere('assignee IS NULL');
    else if (from !== 'any') qb.andWhere('assignee = :from', { from });
    const changed: ChangedTask[] = (await qb.returning(['id', 'kind', 'agency', 'team', 'assignee']).execute()).raw;
    await this.publish('task.assigned', changed, em);
    return changed.length > 0;
  }

  /** Records a completion once; a repeated call (a retried activity) changes nothing. */
  async recordCompletion(id: string, outcome: JsonObject, by: string, at: Date): Promise<boolean> {
    // Wrapped in a SELECT so the driver returns the changed rows (a bare UPDATE returns [rows, count]).
    const changedRows: ChangedTask[] = await this.tasks.query(
      `WITH changed AS (
         UPDATE tasks SET status = 'completed', outcome = $2, completed_by = $3, completed_at = $4
          WHERE id = $1 AND status = 'open' RETURNING id, kind, agency, team, assignee)
       SELECT * FROM changed`,
      [id, outcome, by, at],
    );
    const changed = changedRows.length > 0;
    if (changed) {
      await this.addEventOnce(id, 'completed', { outcome }, by);
      await this.publish('task.completed', changedRows);
    }
    return changed;
  }

  async addEvent(taskId: string, type: TaskEventType, actor: string, data: JsonObject = {}, em = this.events.manager): Promise<void> {
    await em.query(`INSERT INTO task_events (task_id, type, actor, data) VALUES ($1, $2, $3, $4)`, [
      taskId,
      type,
      actor,
      data,
    ]);
  }

  /**
   * Adds a created, reminded, escalated or completed event unless the task has one (a unique index
   * makes this safe under concurrent retries); true when this call added it.
   */
  async addEventOnce(
    taskId: string,
    type: 'created' | 'reminded' | 'escalated' | 'completed',
    data: JsonObject = {},
    actor = 'system',
  ): Promise<boolean> {
    const inserted: unknown[] = await this.events.query(
      `INSERT INTO task_events (task_id, type, actor, data) VALUES ($1, $2, $3, $4)
       ON CONFLICT (task_id, type) WHERE type IN ('created', 'reminded', 'escalated', 'completed') DO NOTHING
       RETURNING id`,
      [taskId, type, actor, data],
    );
    return inserted.length > 0;
  }

  history(taskId: string): Promise<TaskEventEntity[]> {
    return this.events.find({ where: { taskId }, order: { id: 'ASC' } });
  }

  /**
   * Processes that have had open tasks for longer than `olderThan`, in workflow id order from
   * `after`, with the case workflow each belongs to: candidates for the ended-process sweep.
   */
  async workflowsWithOpenTasks(olderThan: Date, after: string, limit: number): Promise<{ workflowId: string; caseId: string; caseWorkflowId: string | null }[]> {
    return this.tasks.query(
      `SELECT DISTINCT t.workflow_id AS "workflowId", t.case_id AS "caseId", c.workflow_id AS "caseWorkflowId"
         FROM tasks t JOIN cases c ON c.id = t.case_id
        WHERE t.status = 'open' AND t.created_at < $1 AND t.workflow_id > $2
        ORDER BY t.workflow_id LIMIT $3`,
      [olderThan, after, limit],
    );
  }

  /** The open tasks of a workflow. */
  async openOfWorkflow(workflowId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.tasks.query(`SELECT id FROM tasks WHERE workflow_id = $1 AND status = 'open'`, [workflowId]);
    return rows.map((r) => r.id);
  }

  /** Closes open tasks whose process ended or no longer needs them; the ids that were open. */
  async cancelOpen(ids: readonly string[], reason: string, at: Date): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: ChangedTask[] = await this.tasks.query(
      `WITH changed AS (
         UPDATE tasks SET status = 'cancelled', completed_at = $2 WHERE id = ANY($1) AND status = 'open' RETURNING id, kind, agency, team, assignee)
       SELECT * FROM changed`,
      [ids, at],
    );
    await Promise.all(rows.map(({ id }) => this.addEvent(id, 'cancelled', 'system', { reason })));
    await this.publish('task.cancelled', rows);
    return rows.map(({ id }) => id);
  }

  /**
   * Tells every API instance's live streams about changed tasks, in one round trip. Sent after the
   * change is committed, so a browser that refetches on the event sees it.
   */
  /** Inside a transaction, the news goes out on its commit (PostgreSQL holds NOTIFY until then). */
  private async publish(type: TaskChange['type'], tasks: readonly ChangedTask[], em = this.tasks.manager): Promise<void> {
    if (tasks.length === 0) return;
    const changes = tasks.map((t): TaskChange => ({ type, taskId: t.id, kind: t.kind, agency: t.agency, team: t.team, assignee: t.assignee }));
    await em.query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [
      TASK_CHANNEL,
      changes.map((change) => JSON.stringify(change)),
    ]);
  }
}
