import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Agency, ProcessKind } from '@sagsflow/domain';

export type TaskStatus = 'open' | 'completed' | 'cancelled';

/** A human work item a workflow is waiting for. Only workflows create tasks (via an activity). */
@Entity({ name: 'tasks' })
@Index('tasks_inbox_idx', ['agency', 'status', 'dueAt'])
export class TaskEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Idempotency key chosen by the workflow (workflow id + step): one task per key, ever. */
  @Column({ type: 'text', unique: true })
  key: string;

  @Column({ type: 'text' })
  kind: string;

  @Index()
  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'process_kind', type: 'text' })
  processKind: ProcessKind;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId: string;

  /** Stable step id in the process model (later drawn as a BPMN element). */
  @Column({ type: 'text' })
  step: string;

  @Column({ type: 'text' })
  agency: Agency;

  @Column({ type: 'text', nullable: true })
  assignee: string | null;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'text', default: 'open' })
  status: TaskStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
