import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonObject } from './json';

export type TaskEventType = 'created' | 'claimed' | 'released' | 'reassigned' | 'commented' | 'reminded' | 'escalated' | 'completed' | 'cancelled';

/** A task's history, append-only: who did what to it, and when. */
@Entity({ name: 'task_events' })
export class TaskEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @Column({ type: 'text' })
  type: TaskEventType;

  /** Username, or `system` for what a workflow did. */
  @Column({ type: 'text' })
  actor: string;

  @Column({ type: 'jsonb', default: {} })
  data: JsonObject;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
