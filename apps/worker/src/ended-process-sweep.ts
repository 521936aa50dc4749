import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import { CaseService, TaskService } from '@sagsflow/casework';
import { APP_CONFIG, type AppConfig } from '@sagsflow/config';
import { TaskRepository } from '@sagsflow/persistence';
import { processEndedSignal, TemporalClient } from '@sagsflow/temporal';

const BATCH = 100;
/** Younger tasks are left alone: Temporal's list may not show a workflow that has just started. */
const GRACE_MS = 5 * 60_000;

/**
 * Closes the tasks of processes that ended without closing them. A process closes its own open
 * tasks when it fails or is cancelled (`runProcess`); one that is terminated — an operator's last
 * resort in Temporal Web — runs no code of its own any more. This sweep finds open tasks whose
 * workflow no longer runs, cancels them (gone from inboxes), writes `process.terminated` on the
 * case's timeline and tells the case workflow, so no task waits for a process that is gone.
 */
@Injectable()
export class EndedProcessSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EndedProcessSweep.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<unknown>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly taskRows: TaskRepository,
    private readonly tasks: TaskService,
    private readonly cases: CaseService,
    private readonly temporal: TemporalClient,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.ENDED_PROCESS_SWEEP_SECONDS;
    if (seconds === 0) return;
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'The ended-process sweep failed; it runs again later'))
        .finally(() => (this.sweeping = undefined));
    }, seconds * 1000);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** One pass over every process with open tasks; the workflow ids found ended. */
  async sweep(now = new Date()): Promise<string[]> {
    const ended: string[] = [];
    for (let after = ''; ; ) {
      const batch = await this.taskRows.workflowsWithOpenTasks(new Date(now.getTime() - GRACE_MS), after, BATCH);
      if (batch.length === 0) return ended;
      after = batch.at(-1)!.workflowId;
      const running = await this.running(batch.map((b) => b.workflowId));
      for (const process of batch.filter((b) => !running.has(b.workflowId))) {
        const status = await this.status(process.workflowId);
        if (status === 'RUNNING') continue; // the list lagged behind (or the workflow continued as new)
        await this.close(process, status);
        ended.push(process.workflowId);
      }
    }
  }

  private async running(workflowIds: string[]): Promise<Set<string>> {
    const ids = workflowIds.map((id) => JSON.stringify(id)).join(', ');
    const running = new Set<string>();
    for await (const execution of this.temporal.workflow.list({ query: `WorkflowId IN (${ids}) AND ExecutionStatus = "Running"` })) {
      running.add(execution.workflowId);
    }
    return running;
  }

  private async status(workflowId: string): Promise<string> {
    try {
      return (await this.temporal.workflow.getHandle(workflowId).describe()).status.name;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return 'NOT_FOUND';
      throw error;
    }
  }

  private async close(process: { workflowId: string; caseId: string; caseWorkflowId: string | null }, status: string): Promise<void> {
    await this.tasks.cancel(await this.taskRows.openOfWorkflow(process.workflowId), `process ${status.toLowerCase()}`);
    const kind = await this.cases.markProcessEnded(process.workflowId, 'terminated');
    await this.cases.recordEvent({
      key: `${process.workflowId}/process.terminated`,
      caseId: process.caseId,
      type: 'process.terminated',
      actor: 'system',
      at: new Date().toISOString(),
      data: { workflowId: process.workflowId, status },
    });
    if (!process.caseWorkflowId || process.caseWorkflowId === process.workflowId) return;
    await this.temporal.workflow
      .getHandle(process.caseWorkflowId)
      .signal(processEndedSignal, { workflowId: process.workflowId, kind: kind ?? 'process', outcome: 'terminated' })
      .catch((error: unknown) => {
        if (!(error instanceof WorkflowNotFoundError)) throw error;
      });
  }
}
