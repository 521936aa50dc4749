import { defineQuery } from '@temporalio/workflow';
import type { ProcessKind } from '@sagsflow/domain';

/** How a process stands: the status of its workflow. */
export type ProcessStatus = 'running' | 'completed' | 'failed' | 'cancelled' | 'terminated';

/** Where a process is on its map (libs/domain process-map.ts). */
export interface ProcessPositionView {
  kind: ProcessKind;
  status: ProcessStatus;
  /** Steps in progress now (parallel branches can have several). */
  active: string[];
  /** Steps done at least once. */
  completed: string[];
}

/** The position as the read model stores it; `step` is the one just entered, if any. */
export interface RecordProcessPositionInput extends ProcessPositionView {
  workflowId: string;
  caseId: string;
  /** Workflow time and a counter within the run: a late retry never overwrites a newer position. */
  at: string;
  seq: number;
  entered?: string;
}

export const processPositionQuery = defineQuery<ProcessPositionView>('processPosition');
