import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Where each process of a case is on its map (libs/domain process-map.ts), as its workflow last
 * recorded it: the UI shows a case's processes from here without asking Temporal.
 */
@Entity({ name: 'process_positions' })
export class ProcessPositionEntity {
  @PrimaryColumn({ name: 'workflow_id', type: 'text' })
  workflowId: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  status: 'running' | 'completed' | 'failed' | 'cancelled' | 'terminated';

  @Column({ type: 'text', array: true })
  active: string[];

  @Column({ type: 'text', array: true })
  completed: string[];

  /** Workflow time of the recording, and its order within the run. */
  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'integer' })
  seq: number;
}
