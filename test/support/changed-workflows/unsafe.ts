import { sleep } from '@temporalio/workflow';
import type { NotificationWorkflowInput } from '@sagsflow/temporal/shared';
import { notificationWorkflow as current } from '../../../workflows/notification/notification.workflow';

export { caseWorkflow } from '../../../workflows/case/case.workflow';

/** Today's notification process with a pause added before triage, as if someone forgot `patched()`. */
export async function notificationWorkflow(input: NotificationWorkflowInput) {
  await sleep('1 minute');
  return current(input);
}
