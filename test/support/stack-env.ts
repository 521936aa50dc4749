import type { RunningPostgres } from '../../tools/stack/postgres';
import type { RunningDevServer } from '../../tools/stack/temporal-dev-server';

/** Environment variables through which the global setup hands the running stack to the suites. */
export const STACK_ENV = {
  temporalAddress: 'SAGSFLOW_TEST_TEMPORAL_ADDRESS',
  temporalDbFile: 'SAGSFLOW_TEST_TEMPORAL_DB_FILE',
  postgresAdminUrl: 'SAGSFLOW_TEST_POSTGRES_ADMIN_URL',
} as const;

/** Set by the workflows project's global setup: how to start the time-skipping server. */
export const TIME_SKIPPING_SERVER_ENV = 'SAGSFLOW_TEST_TIME_SKIPPING_SERVER';

/** Set by the same global setup: the file holding the run's workflow bundle. */
export const WORKFLOW_BUNDLE_ENV = 'SAGSFLOW_TEST_WORKFLOW_BUNDLE';

export interface RunningStack {
  dir: string;
  temporal: RunningDevServer;
  postgres: RunningPostgres;
}

export function stackValue(key: keyof typeof STACK_ENV): string {
  const value = process.env[STACK_ENV[key]];
  if (!value) throw new Error(`${STACK_ENV[key]} is not set: run this suite through jest's integration project`);
  return value;
}
