import { NOTIFICATION_MAP } from '@sagsflow/domain';
import type { NotificationWorkflowInput } from '@sagsflow/temporal/shared';
import { ProcessPosition } from '../../../workflows/shared/process-position';

export { caseWorkflow } from '../../../workflows/case/case.workflow';

/** A notification process that has drifted from its map: acute action without the hand-over, and a step the map lacks. */
export async function notificationWorkflow(input: NotificationWorkflowInput): Promise<void> {
  const position = new ProcessPosition(NOTIFICATION_MAP, input.caseId);
  await position.during('triage', async () => undefined);
  await position.during('acute-action', async () => undefined);
  await position.during('call-the-police', async () => undefined);
  await position.enter('done');
}
