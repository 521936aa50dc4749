import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { NotificationSource } from '@sagsflow/domain';

/** A notification of concern (underretning) as received. */
@Entity({ name: 'notifications' })
export class NotificationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  source: NotificationSource;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ type: 'text' })
  concern: string;

  @Column({ name: 'workflow_id', type: 'text', unique: true })
  workflowId: string;

  /** school, daycare, health, police, … for a professional notifier. */
  @Column({ name: 'professional_kind', type: 'text', nullable: true })
  professionalKind: string | null;

  /** Who notified (personal data; none for an anonymous notification). */
  @Column({ type: 'jsonb', nullable: true })
  notifier: { name: string; email?: string; phone?: string } | null;

  @Column({ type: 'boolean', default: false })
  abuse: boolean;

  @Column({ type: 'boolean', default: false })
  acute: boolean;

  /** The reception's triage decision, once made. */
  @Column({ type: 'text', nullable: true })
  decision: string | null;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;

  @Column({ name: 'request_hash', type: 'text', nullable: true })
  requestHash: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
