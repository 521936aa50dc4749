import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@sagsflow/config';
import { type Agency, chooseCaseworker, INVESTIGATION_DECISIONS, POLICIES } from '@sagsflow/domain';
import {
  CaseEntity,
  CaseRepository,
  type JsonObject,
  LetterEntity,
  type LetterKind,
  MeasureEntity,
  NotificationEntity,
  UserRepository,
} from '@sagsflow/persistence';
import { caseWorkflowId, type PendingHandover, type RecordProcessPositionInput } from '@sagsflow/temporal/shared';
import { InvalidInputError } from '../errors';
import { feedbackLetter, outcomeLetter, receiptLetter } from './letters';

export interface CaseEventInput {
  /** Idempotency key: one timeline entry per key. */
  key: string;
  caseId: string;
  type: string;
  actor: string;
  at: string;
  data?: JsonObject;
}

/** The PostgreSQL channel on which a case's news goes out: its timeline grew (see AlertStream). */
export const CASE_CHANNEL = 'sagsflow_cases';

/** What a case page hears when its case changed: which case, and the agency that owns it. No personal data. */
export interface CaseChange {
  type: 'case.changed';
  caseId: string;
  agency: Agency;
}

export interface LetterInput {
  key: string;
  notificationId: string;
  caseId: string;
  kind: LetterKind;
  dueAt: string;
  /** The triage decision for feedback; the investigation's decision for an outcome letter. */
  decision?: string;
}

/** The long-lived case workflow; its id follows from the case number when the row does not name it. */
export function caseWorkflowIdOf(found: Pick<CaseEntity, 'workflowId' | 'caseNumber'>): string {
  return found.workflowId ?? caseWorkflowId(found.caseNumber);
}

/** The child's case in the read model: timeline, owner, letters, measures, fresh-eyes caseworkers. */
@Injectable()
export class CaseService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly users: UserRepository,
  ) {}

  /**
   * In the caller's transaction when given one (`em`), so the event commits with the change it
   * records. A new entry is news for the owner agency's open case pages (CASE_CHANNEL, sent on
   * commit): a timeline entry written after the last task change would otherwise never show.
   */
  async recordEvent(event: CaseEventInput, em: EntityManager = this.dataSource.manager): Promise<void> {
    await em.query(
      `WITH recorded AS (
         INSERT INTO case_events (key, case_id, type, actor, at, data) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (key) DO NOTHING RETURNING case_id)
       SELECT pg_notify($7, json_build_object('type', 'case.changed', 'caseId', c.id, 'agency', c.owner_agency)::text)
       FROM recorded JOIN cases c ON c.id = recorded.case_id`,
      [event.key, event.caseId, event.type, event.actor, new Date(event.at), event.data ?? {}, CASE_CHANNEL],
    );
  }

  async setOwner(caseId: string, agency: Agency): Promise<void> {
    await this.dataSource.getRepository(CaseEntity).update({ id: caseId }, { ownerAgency: agency });
  }

  async recordTriageDecision(notificationId: string, decision: string): Promise<void> {
    await this.dataSource.getRepository(NotificationEntity).update({ id: notificationId }, { decision });
  }

  /** Writes the letter once per key, composed from what the notification says. */
  async draftLetter(input: LetterInput): Promise<{ id: string }> {
    const notification = await this.dataSource.getRepository(NotificationEntity).findOneByOrFail({ id: input.notificationId });
    const body = this.letterBody(notification, input);
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(LetterEntity)
      .values({
        id: randomUUID(),
        key: input.key,
        notificationId: input.notificationId,
        caseId: input.caseId,
        kind: input.kind,
        body,
        dueAt: new Date(input.dueAt),
      })
      .orIgnore()
      .execute();
    const letter = await this.dataSource.getRepository(LetterEntity).findOneByOrFail({ key: input.key });
    return { id: letter.id };
  }

  private letterBody(notification: NotificationEntity, input: LetterInput): string {
    if (input.kind === 'receipt') return receiptLetter(notification);
    if (input.kind === 'feedback') return feedbackLetter(notification, input.decision ?? '');
    const decision = INVESTIGATION_DECISIONS.find((known) => known === input.decision);
    if (!decision) throw new InvalidInputError(`An outcome letter needs the investigation's decision, not ${String(input.decision)}`);
    return outcomeLetter(notification, decision);
  }

  async markLetterSent(letterId: string, by: string, at: string): Promise<void> {
    await this.dataSource
      .getRepository(LetterEntity)
      .update({ id: letterId, status: 'due' }, { status: 'sent', sentBy: by, sentAt: new Date(at) });
  }

  async recordMeasure(input: { measureId: string; caseId: string; kind: MeasureEntity['kind']; decidedBy: string; at: string }): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(MeasureEntity)
      .values({ id: input.measureId, caseId: input.caseId, kind: input.kind, decidedBy: input.decidedBy, decidedAt: new Date(input.at) })
      .orIgnore()
      .execute();
  }

  /**
   * A caseworker from the agency's team who has not handled the case before (BL §137 stk. 1: a re-assessment
   * with at least one person new to it), by caseload.
   */
  async freshCaseworker(caseId: string, agency: Agency): Promise<string | null> {
    const team = (await this.users.defaultTeamOf(agency))?.id;
    if (!team) return null;
    const handlers = await this.handlers(caseId);
    return this.dataSource.transaction(async (em) => {
      const loads = await this.cases.openCaseloads(em, team);
      const choice = chooseCaseworker(loads, POLICIES[this.config.POLICY].caseloadCap, handlers);
      return choice.username ?? null;
    });
  }

  /** Writes the tovholder the case workflow holds (it is their only writer), or clears it. */
  async setTovholder(caseId: string, tovholder: { username: string; since: string } | null): Promise<void> {
    await this.cases.setCoordinator(
      this.dataSource.manager,
      caseId,
      tovholder && { username: tovholder.username, since: new Date(tovholder.since) },
    );
  }

  /** Writes the hand-over the case workflow is waiting on, or clears it when settled. */
  async setPendingHandover(caseId: string, pending: PendingHandover | null): Promise<void> {
    await this.dataSource.getRepository(CaseEntity).update({ id: caseId }, { pendingHandover: pending });
  }

  /** The open cases a person is tovholder of, with their case workflows (to tell them the person left). */
  async casesCoordinatedBy(username: string, em = this.dataSource.manager): Promise<{ caseId: string; workflowId: string }[]> {
    const found = await this.cases.coordinatedBy(em, username);
    return found.map((c) => ({ caseId: c.id, workflowId: caseWorkflowIdOf(c) }));
  }

  /**
   * Who has handled the case (BL §137 stk. 1 counts them out of a re-assessment): its responsible
   * caseworker and everyone assigned to or completing any of its tasks but `exceptTaskId`.
   */
  async handlers(caseId: string, exceptTaskId?: string): Promise<string[]> {
    const rows: { username: string }[] = await this.dataSource.query(
      `SELECT responsible_caseworker AS username FROM cases WHERE id = $1 AND responsible_caseworker IS NOT NULL
       UNION SELECT assignee FROM tasks WHERE case_id = $1 AND assignee IS NOT NULL AND id IS DISTINCT FROM $2
       UNION SELECT completed_by FROM tasks WHERE case_id = $1 AND completed_by IS NOT NULL AND id IS DISTINCT FROM $2`,
      [caseId, exceptTaskId ?? null],
    );
    return rows.map((row) => row.username);
  }

  /**
   * Records where a process is on its map; a recording older than the stored one (a retried
   * activity, a run that moved on) changes nothing.
   */
  async recordProcessPosition(position: RecordProcessPositionInput): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO process_positions (workflow_id, case_id, kind, status, active, completed, at, seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (workflow_id) DO UPDATE
         SET status = EXCLUDED.status, active = EXCLUDED.active, completed = EXCLUDED.completed, at = EXCLUDED.at, seq = EXCLUDED.seq
       WHERE (process_positions.at, process_positions.seq) < (EXCLUDED.at, EXCLUDED.seq)`,
      [position.workflowId, position.caseId, position.kind, position.status, position.active, position.completed, new Date(position.at), position.seq],
    );
  }

  /**
   * A process that no longer runs without having said so (terminated): its recorded position says
   * so, and an investigation or measure it ran no longer counts as open (a case may start a new
   * investigation). Answers the process's kind, when its position was recorded.
   */
  async markProcessEnded(workflowId: string, status: 'terminated'): Promise<string | undefined> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`UPDATE investigations SET status = 'cancelled' WHERE workflow_id = $1 AND status = 'open'`, [workflowId]);
      await em.query(`UPDATE measures SET status = 'closed', closed_at = now(), next_follow_up_at = NULL WHERE workflow_id = $1 AND status = 'open'`, [workflowId]);
      await em.query(`UPDATE process_positions SET status = $2, active = '{}' WHERE workflow_id = $1 AND status = 'running'`, [workflowId, status]);
      const [position] = (await em.query(`SELECT kind FROM process_positions WHERE workflow_id = $1`, [workflowId])) as { kind: string }[];
      return position?.kind;
    });
  }
}
