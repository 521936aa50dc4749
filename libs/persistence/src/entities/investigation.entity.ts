import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { InvestigationDecision } from '@sagsflow/domain';

export type InvestigationStatus = 'open' | 'concluded' | 'failed' | 'cancelled';

/** A child welfare investigation (børnefaglig undersøgelse, BL §20) on a case; at most one is open per case. */
@Entity({ name: 'investigations' })
export class InvestigationEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Idempotency: whoever opens it again with this key gets this one. */
  @Column({ type: 'text', unique: true })
  key: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  /** `investigation-<id>` */
  @Column({ name: 'workflow_id', type: 'text', unique: true })
  workflowId: string;

  @Column({ type: 'text', default: 'open' })
  status: InvestigationStatus;

  /** Why it was opened, in the caseworker's words (may be personal data: kept out of Temporal and the timeline). */
  @Column({ type: 'text' })
  reason: string;

  /** When the municipality became aware that the child may need support; the deadline runs from here (BL §20 stk. 3). */
  @Column({ name: 'aware_since', type: 'timestamptz' })
  awareSince: Date;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'text', nullable: true })
  decision: InvestigationDecision | null;

  /** The notification that led to it, if one did. */
  @Column({ name: 'notification_id', type: 'uuid', nullable: true })
  notificationId: string | null;

  @Column({ name: 'started_by', type: 'text' })
  startedBy: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'concluded_at', type: 'timestamptz', nullable: true })
  concludedAt: Date | null;

  /** Set when the deadline passed without a conclusion: the preliminary assessment's due time. */
  @Column({ name: 'preliminary_assessment_due_at', type: 'timestamptz', nullable: true })
  preliminaryAssessmentDueAt: Date | null;
}
