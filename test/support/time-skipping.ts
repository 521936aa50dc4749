import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ALL_SEARCH_ATTRIBUTE_KEYS } from '@sagsflow/temporal/shared';
import { indexedValueType } from '@sagsflow/temporal';
import type { ServerExecutable } from '../../tools/stack/executables';
import { TIME_SKIPPING_SERVER_ENV } from './stack-env';


/**
 * A Temporal server whose clock jumps to the next timer whenever the workflows under test are
 * idle, so 24-hour, 4-month and age-based deadlines are tested in seconds. The Java test server
 * keeps no visibility store (no list or count), so our search attributes are registered directly.
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const executable = JSON.parse(process.env[TIME_SKIPPING_SERVER_ENV] ?? 'null') as ServerExecutable | null;
  if (!executable) throw new Error(`${TIME_SKIPPING_SERVER_ENV} is not set: run through jest's workflows project`);
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable } });
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(ALL_SEARCH_ATTRIBUTE_KEYS.map((key) => [key.name, indexedValueType(key)])),
  });
  return env;
}
