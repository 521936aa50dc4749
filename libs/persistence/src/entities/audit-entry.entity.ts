import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonObject } from './json';

/** `refused`: an attempt on case data the caller may not make (403), kept without personal data. */
export type AuditAction = 'read' | 'create' | 'change' | 'refused';

/** One look at, or change of, a case's personal data (append-only; see the audit-log migration). */
@Entity({ name: 'audit_log' })
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'text' })
  username: string;

  @Column({ type: 'text' })
  agency: string;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ type: 'text' })
  action: AuditAction;

  /** What was touched: case, notification, task, payloads. */
  @Column({ type: 'text' })
  what: string;

  /** Why: the purpose declared for the endpoint, or the one the user gave (X-Purpose). */
  @Column({ type: 'text' })
  purpose: string;

  @Column({ type: 'jsonb', default: {} })
  detail: JsonObject;
}
