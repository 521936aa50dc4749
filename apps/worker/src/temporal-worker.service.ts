import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { NativeConnection, Worker, type WorkerOptions, type WorkerStatus } from '@temporalio/worker';
import { APP_CONFIG, type AppConfig } from '@sagsflow/config';
import { dataConverterFor, temporalConnectionOptions } from '@sagsflow/temporal';
import { ACTIVITY_CLASSES } from '../../../activities';
import { activitiesFrom } from './activity-registry';
import { workflowsFromSource } from './workflow-bundle';

/**
 * Owns the Temporal worker's lifecycle: connect and start polling on bootstrap; on shutdown stop
 * polling, let running activities finish, then close the connection.
 */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private connection?: NativeConnection;
  private worker?: Worker;
  /** Settles when the worker stops; rejects if it fails. `main.ts` exits the process on rejection. */
  running?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = await NativeConnection.connect(temporalConnectionOptions(this.config));
    const workflowSource = this.config.TEMPORAL_WORKFLOW_BUNDLE
      ? { workflowBundle: { codePath: this.config.TEMPORAL_WORKFLOW_BUNDLE } }
      : workflowsFromSource;
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      activities: activitiesFrom(this.moduleRef, ACTIVITY_CLASSES),
      dataConverter: dataConverterFor(this.config),
      ...workerSizing(this.config),
      ...workflowSource,
      // A shutdown that cannot drain (an activity that never returns) ends anyway: npm start and
      // container runtimes kill a worker that takes longer.
      shutdownForceTime: '20 seconds',
    });
    this.running = this.worker.run();
    this.logger.log(`Polling task queue ${this.config.TEMPORAL_TASK_QUEUE} on ${this.config.TEMPORAL_ADDRESS}`);
  }

  /** What the worker holds right now: cached workflows, activations and activities in flight. */
  get status(): WorkerStatus | undefined {
    return this.worker?.getStatus();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}

/**
 * Memory and concurrency, explicit rather than derived from the machine: the SDK's default cache
 * grows with the heap limit, which let a 24 GB machine cache workflows until the workflow thread
 * ran out of heap. The workflow code runs in one reused V8 context (`reuseV8Context`, the SDK's
 * default), so each cached workflow costs only its own state.
 */
function workerSizing(config: AppConfig) {
  return {
    reuseV8Context: true,
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
    maxConcurrentWorkflowTaskExecutions: config.WORKER_WORKFLOW_TASK_SLOTS,
    maxConcurrentActivityTaskExecutions: config.WORKER_ACTIVITY_TASK_SLOTS,
    maxConcurrentLocalActivityExecutions: config.WORKER_ACTIVITY_TASK_SLOTS,
  } satisfies Partial<WorkerOptions>;
}
