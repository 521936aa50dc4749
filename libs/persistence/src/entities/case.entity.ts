import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Agency } from '@sagsflow/domain';
import type { PendingHandover } from '@sagsflow/temporal/shared';

/** The child's case (sag): one per child per municipality; every process hangs off it. */
@Entity({ name: 'cases' })
export class CaseEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Human-readable number for caseworkers and Temporal Web, e.g. 2026-000042. */
  @Column({ name: 'case_number', type: 'text', unique: true })
  caseNumber: string;

  @Column({ type: 'text' })
  municipality: string;

  @Column({ name: 'owner_agency', type: 'text' })
  ownerAgency: Agency;

  /** The authority caseworker responsible for the case (myndighedsrådgiver). */
  @Column({ name: 'responsible_caseworker', type: 'text', nullable: true })
  responsibleCaseworker: string | null;

  /** The coordinator (tovholder) across agencies; every young person aged 16+ has one. Written by the case workflow. */
  @Column({ type: 'text', nullable: true })
  coordinator: string | null;

  /** When the coordinator became it; set exactly when `coordinator` is. */
  @Column({ name: 'coordinator_since', type: 'timestamptz', nullable: true })
  coordinatorSince: Date | null;

  /** The hand-over (overdragelse) waiting for the receiving agency's acceptance, as the case workflow holds it. */
  @Column({ name: 'pending_handover', type: 'jsonb', nullable: true })
  pendingHandover: PendingHandover | null;

  @Column({ type: 'text', default: 'open' })
  status: 'open' | 'closed';

  @Column({ name: 'child_id', type: 'uuid', nullable: true })
  childId: string | null;

  /** The long-lived case workflow (`case-<case number>`). */
  @Column({ name: 'workflow_id', type: 'text', nullable: true })
  workflowId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
