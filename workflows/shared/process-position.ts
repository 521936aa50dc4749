import { patched, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { ProcessMap } from '@sagsflow/domain';
import { processPositionQuery, type ProcessPositionView, type ProcessStatus, SearchAttributeKeys } from '@sagsflow/temporal/shared';
import { activities } from './activities';
import { PROCESS_STEPS_PATCH } from './patches';

/** A position carried across continue-as-new. */
export type CarriedPosition = Pick<ProcessPositionView, 'active' | 'completed'>;

/**
 * Where a process is on its map. The workflow enters its steps only through `during` and `enter`,
 * so the position is kept in three places at once: the `processPosition` query, the `ProcessStep`
 * search attribute (Temporal Web) and the read model (`GET /api/cases/:id/processes`, without
 * asking the workflow). Every workflow test checks the entered steps against the map.
 */
export class ProcessPosition {
  /** Steps in progress, counted (a case can wait on two contributions at once). */
  private readonly active = new Map<string, number>();
  private readonly completed = new Set<string>();
  private status: ProcessStatus = 'running';
  private seq = 0;
  /** Processes started before positions were kept replay without them. */
  private readonly kept = patched(PROCESS_STEPS_PATCH);

  constructor(
    private readonly map: ProcessMap,
    private readonly caseId: string,
    carried?: CarriedPosition,
  ) {
    for (const step of carried?.active ?? []) this.active.set(step, 1);
    for (const step of carried?.completed ?? []) this.completed.add(step);
    setHandler(processPositionQuery, () => this.view);
  }

  /**
   * Runs a step of the map: in it while `work` runs, done after. The position is recorded as the
   * work starts, not before it, so the work's own commands keep their order (and a process from
   * before positions were kept runs exactly as it did).
   */
  async during<T>(step: string, work: () => Promise<T>): Promise<T> {
    if (!this.kept) return work();
    const entered = this.enter(step);
    const result = await work();
    await entered;
    await this.leave(step);
    return result;
  }

  /** Records that the process runs, before it enters any step (the case, waiting for its first request). */
  started(): Promise<void> {
    return this.record();
  }

  /** Enters a step of the map; an end event ends the process. Its commands are issued at once. */
  enter(step: string): Promise<void> {
    const node = this.map.nodes.find((n) => n.id === step);
    if (node?.type === 'end') {
      this.completed.add(step);
      this.status = 'completed';
    } else {
      this.active.set(step, (this.active.get(step) ?? 0) + 1);
    }
    return this.record(step);
  }

  leave(step: string): Promise<void> {
    const left = (this.active.get(step) ?? 1) - 1;
    if (left > 0) this.active.set(step, left);
    else this.active.delete(step);
    this.completed.add(step);
    return this.record();
  }

  /** The process ended other than at its end event. */
  finish(status: Exclude<ProcessStatus, 'running' | 'terminated'>): Promise<void> {
    if (this.status !== 'running') return Promise.resolve();
    this.status = status;
    this.active.clear();
    return this.record();
  }

  get view(): ProcessPositionView {
    return { kind: this.map.kind, status: this.status, active: [...this.active.keys()], completed: [...this.completed] };
  }

  /** What to carry across continue-as-new. */
  get carried(): CarriedPosition {
    return { active: [...this.active.keys()], completed: [...this.completed] };
  }

  private record(entered?: string): Promise<void> {
    if (!this.kept) return Promise.resolve();
    const view = this.view;
    upsertSearchAttributes([{ key: SearchAttributeKeys.processStep, value: view.active }]);
    return activities().recordProcessPosition({
      ...view,
      workflowId: workflowInfo().workflowId,
      caseId: this.caseId,
      at: new Date().toISOString(),
      seq: ++this.seq,
      ...(entered ? { entered } : {}),
    });
  }
}
