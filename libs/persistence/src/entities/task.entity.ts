import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { JsonObject } from './json';
import type { Agency, ProcessKind } from '@sagsflow/domain';

export type TaskStatus = 'open' | 'completed' | 'cancelled';

/**
 * A human work item a workflow is waiting for. Only workflows create tasks (via an activity); only
 * the owning workflow completes them (via an Update). Claim, release, reassign and comments are
 * read-model changes made by the API.
 */
@Entity({ name: 'tasks' })
export class TaskEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Idempotency key chosen by the workflow (workflow id + step): one task per key, ever. */
  @Column({ type: 'text', unique: true })
  key: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'process_kind', type: 'text' })
  processKind: ProcessKind;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId: string;

  /** Stable step id in the process model (later drawn as a BPMN element). */
  @Column({ type: 'text' })
  step: string;

  /** The candidate group: anyone in this agency's team may claim the task. */
  @Column({ type: 'text' })
  agency: Agency;

  @Column({ type: 'text' })
  team: string;

  @Column({ type: 'text', nullable: true })
  assignee: string | null;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ name: 'remind_at', type: 'timestamptz', nullable: true })
  remindAt: Date | null;

  /** Who is told when the task is overdue (the team's lead when it was created). */
  @Column({ name: 'escalate_to', type: 'text', nullable: true })
  escalateTo: string | null;

  @Column({ type: 'text', default: 'open' })
  status: TaskStatus;

  @Column({ type: 'jsonb', nullable: true })
  outcome: JsonObject | null;

  @Column({ name: 'completed_by', type: 'text', nullable: true })
  completedBy: string | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
