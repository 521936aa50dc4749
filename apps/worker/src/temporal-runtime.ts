import { DefaultLogger, LogEntry, Runtime } from '@temporalio/worker';
import type { Logger } from 'pino';

const LEVELS = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/** Routes the Temporal SDK's own logs (worker, core) into our structured JSON log, and serves its metrics when asked. */
export function installTemporalRuntime(logger: Logger, metricsAddress?: string): void {
  Runtime.install({
    // The SDK's own metrics (task slots, poll and schedule-to-start latencies, cache size) for Prometheus.
    ...(metricsAddress ? { telemetryOptions: { metrics: { prometheus: { bindAddress: metricsAddress } } } } : {}),
    logger: new DefaultLogger('INFO', (entry: LogEntry) => {
      logger[LEVELS[entry.level]]({ ...entry.meta }, entry.message);
    }),
  });
}
