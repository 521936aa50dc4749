import { ActivityInterfaceFor, ActivityOptions, patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { AssignmentActivities, CaseActivities, TaskActivities } from '../../activities';

type ProcessActivities = AssignmentActivities & CaseActivities & TaskActivities;

const options: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
};
const remote = proxyActivities<ProcessActivities>(options);
// Backoffs longer than 10 s become durable timers instead of retries inside one workflow task.
const local = proxyLocalActivities<ProcessActivities>({ ...options, localRetryThreshold: '10 seconds' });

/** Marks histories that run the read-model activities locally. */
export const LOCAL_ACTIVITIES_PATCH = 'local-read-model-activities';

/**
 * The activities every process uses. They are short, idempotent database writes, so they run as
 * local activities, in the worker that runs the workflow: that spares the server three round trips
 * and a workflow task per activity, which was most of intake's cost. Workflows that started before
 * this change replay with the (remote) activities their histories recorded.
 */
export function activities(): ActivityInterfaceFor<ProcessActivities> {
  return patched(LOCAL_ACTIVITIES_PATCH) ? local : remote;
}
