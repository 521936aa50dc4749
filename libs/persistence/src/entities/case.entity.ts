import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Agency } from '@sagsflow/domain';

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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
