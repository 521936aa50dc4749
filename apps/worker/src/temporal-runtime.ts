import { DefaultLogger, LogEntry, Runtime } from '@temporalio/worker';
import type { Logger } from 'pino';

const LEVELS = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/** Routes the Temporal SDK's own logs (worker, core) into our structured JSON log. */
export function installTemporalRuntime(logger: Logger): void {
  Runtime.install({
    logger: new DefaultLogger('INFO', (entry: LogEntry) => {
      logger[LEVELS[entry.level]]({ ...entry.meta }, entry.message);
    }),
  });
}
