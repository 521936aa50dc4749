import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { TemporalClient } from '@sagsflow/temporal';

const TIMEOUT_MS = 2_000;

/** Temporal is up when its frontend answers GetSystemInfo within two seconds. */
@Injectable()
export class TemporalHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly temporal: TemporalClient,
  ) {}

  async check(key = 'temporal') {
    const indicator = this.indicators.check(key);
    try {
      // A lazy connection to an unreachable server keeps retrying; the health check must not wait for it.
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      });
      const probe = this.temporal.connection
        .ensureConnected()
        .then(() => this.temporal.workflowService.getSystemInfo({}));
      await Promise.race([probe, timeout]).finally(() => clearTimeout(timer));
      return indicator.up({ namespace: this.temporal.options.namespace });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message.split('\n')[0] : String(error) });
    }
  }
}
