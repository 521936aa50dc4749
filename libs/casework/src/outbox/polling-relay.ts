import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

const IDLE_POLL_MS = 1_000;

/**
 * A loop in the worker that drains a queue table in batches: straight on while batches come back
 * full, otherwise a pause. Several workers may run one at once; the queue's claim query keeps them
 * apart (SKIP LOCKED).
 */
export abstract class PollingRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  protected abstract readonly logger: Logger;
  protected abstract readonly batchSize: number;
  private running?: Promise<void>;
  private stopped = false;
  private idle?: { timer: NodeJS.Timeout; resume: () => void };

  /** Handles one batch; how many entries it took. */
  abstract relayOnce(): Promise<number>;

  /** Whether this relay has anything to do in this deployment. */
  protected get enabled(): boolean {
    return true;
  }

  onApplicationBootstrap(): void {
    if (this.enabled) this.running = this.loop();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.idle) {
      clearTimeout(this.idle.timer);
      this.idle.resume();
    }
    await this.running;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const handled = await this.relayOnce().catch((error: unknown) => {
        this.logger.error({ err: error }, 'The relay could not read its queue; trying again');
        return 0;
      });
      if (handled < this.batchSize) await new Promise<void>((resume) => (this.idle = { timer: setTimeout(resume, IDLE_POLL_MS), resume }));
    }
  }
}
