import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonObject } from './json';

/** The case's timeline, append-only; one event per key, so retried activities record it once. */
@Entity({ name: 'case_events' })
export class CaseEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'text', unique: true })
  key: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text' })
  actor: string;

  @Column({ type: 'jsonb', default: {} })
  data: JsonObject;

  @Column({ type: 'timestamptz' })
  at: Date;
}
