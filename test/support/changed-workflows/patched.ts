import { patched, sleep } from '@temporalio/workflow';
import type { NotificationWorkflowInput } from '@sagsflow/temporal/shared';
import { notificationWorkflow as current } from '../../../workflows/notification/notification.workflow';

export { caseWorkflow } from '../../../workflows/case/case.workflow';

/** The same pause, added the safe way: histories recorded before it replay without it. */
export async function notificationWorkflow(input: NotificationWorkflowInput) {
  if (patched('pause-before-triage')) await sleep('1 minute');
  return current(input);
}
