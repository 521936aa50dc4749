import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { JsonObject } from './json';

/** Temporal calls a committed request still owes (see the process-outbox migration). */
@Entity({ name: 'process_outbox' })
export class OutboxEntryEntity {
  /** The request's own id (a notification's id), so a retried request owes its calls once. */
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  /** The calls, in the casework library's `TemporalCall` shape; each is idempotent. */
  @Column({ type: 'jsonb' })
  calls: JsonObject[];

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt: Date;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}
