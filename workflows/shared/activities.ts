import { ActivityInterfaceFor, ActivityOptions, patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import { PERMANENT_FAILURE_TYPES } from '@sagsflow/temporal/shared';
import { LOCAL_ACTIVITIES_PATCH, SERIAL_LOCAL_ACTIVITIES_PATCH } from './patches';
import type { AlertActivities, AssignmentActivities, CaseActivities, ProcessActivities as ProcessStarts, TaskActivities } from '../../activities';

type ProcessActivities = AlertActivities & AssignmentActivities & CaseActivities & ProcessStarts & TaskActivities;

/**
 * A database that is down heals, so those failures are retried without end (backing off to once a
 * minute); a missing row, a violated constraint or invalid input never heals, so the activity
 * fails at once and the process raises an operator alert instead (see `runProcess`).
 */
const options: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', nonRetryableErrorTypes: [...PERMANENT_FAILURE_TYPES] },
};
/** A person is waiting for a completion: a few tries, then the completion is refused and can be sent again. */
const forCompletion: ActivityOptions = { ...options, retry: { ...options.retry, maximumAttempts: 3 } };

const remote = proxyActivities<ProcessActivities>(options);
const remoteForCompletion = proxyActivities<ProcessActivities>(forCompletion);
// Backoffs longer than 10 s become durable timers instead of retries inside one workflow task.
const local = proxyLocalActivities<ProcessActivities>({ ...options, localRetryThreshold: '10 seconds' });
const localForCompletion = proxyLocalActivities<ProcessActivities>({ ...forCompletion, localRetryThreshold: '10 seconds' });

/**
 * Makes the workflow's local activities run one after another: each starts when the one asked for
 * before it has finished (or failed). Side by side they may finish out of order, and the commands
 * that follow them would be recorded in an order a replay does not repeat. Module state is the
 * workflow's own (each workflow runs in its own context), so the queue is per workflow.
 */
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T extends object>(proxy: T): T {
  return new Proxy(proxy, {
    get: (target, name) => {
      const activity = Reflect.get(target, name) as (...args: unknown[]) => Promise<unknown>;
      return (...args: unknown[]) => {
        const run = queue.then(() => activity(...args));
        queue = run.catch(() => undefined);
        return run;
      };
    },
  });
}
const serialLocal = oneAtATime(local);
const serialLocalForCompletion = oneAtATime(localForCompletion);

/**
 * The activities every process uses. They are short, idempotent database writes, so they run as
 * local activities, in the worker that runs the workflow: that spares the server three round trips
 * and a workflow task per activity, which was most of intake's cost. Workflows that started before
 * this change replay with the (remote) activities their histories recorded, and those that started
 * before local activities ran one at a time replay with them side by side.
 */
export function activities(): ActivityInterfaceFor<ProcessActivities> {
  if (!patched(LOCAL_ACTIVITIES_PATCH)) return remote;
  return patched(SERIAL_LOCAL_ACTIVITIES_PATCH) ? serialLocal : local;
}

/** The same, with bounded retries, for storing a task completion someone is waiting for. */
export function completionActivities(): ActivityInterfaceFor<ProcessActivities> {
  if (!patched(LOCAL_ACTIVITIES_PATCH)) return remoteForCompletion;
  return patched(SERIAL_LOCAL_ACTIVITIES_PATCH) ? serialLocalForCompletion : localForCompletion;
}
