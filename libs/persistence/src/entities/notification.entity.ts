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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
