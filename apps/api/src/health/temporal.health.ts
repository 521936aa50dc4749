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
      const deadline = new Date(Date.now() + TIMEOUT_MS);
      await this.temporal.connection.withDeadline(deadline, async () => {
        await this.temporal.connection.ensureConnected();
        await this.temporal.workflowService.getSystemInfo({});
      });
      return indicator.up({ namespace: this.temporal.options.namespace });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message.split('\n')[0] : String(error) });
    }
  }
}
