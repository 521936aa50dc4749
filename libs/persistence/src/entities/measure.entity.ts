import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MeasureType } from '@sagsflow/domain';

export type MeasureKind = 'preventive' | 'placement';

/**
 * A measure (foranstaltning) decided on a case; while one is open, a new notification triggers a
 * re-assessment. A preventive measure runs as its own process (`measure-<id>`); measures recorded
 * before that have null in the process's columns.
 */
@Entity({ name: 'measures' })
export class MeasureEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Idempotency: whoever starts it again with this key gets this one. */
  @Column({ type: 'text', unique: true, nullable: true })
  key: string | null;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  kind: MeasureKind;

  /** Its step on the indsatstrappe; changes when a follow-up steps it up or down. */
  @Column({ type: 'text', nullable: true })
  type: MeasureType | null;

  @Column({ type: 'text', nullable: true })
  goal: string | null;

  /** YYYY-MM-DD */
  @Column({ name: 'starts_on', type: 'date', nullable: true })
  startsOn: string | null;

  @Column({ type: 'text', default: 'open' })
  status: 'open' | 'closed';

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;

  @Column({ name: 'decided_by', type: 'text' })
  decidedBy: string;

  /** `measure-<id>` */
  @Column({ name: 'workflow_id', type: 'text', unique: true, nullable: true })
  workflowId: string | null;

  /** The investigation whose conclusion decided it. */
  @Column({ name: 'investigation_id', type: 'uuid', nullable: true })
  investigationId: string | null;

  /** The child's plan (barnets plan, BL §91): due, and made. */
  @Column({ name: 'plan_due_at', type: 'timestamptz', nullable: true })
  planDueAt: Date | null;

  @Column({ name: 'plan_done_at', type: 'timestamptz', nullable: true })
  planDoneAt: Date | null;

  @Column({ name: 'next_follow_up_at', type: 'timestamptz', nullable: true })
  nextFollowUpAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
