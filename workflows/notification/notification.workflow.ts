import { condition, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { millisUntil, triageDueAt } from '@sagsflow/domain';
import {
  NotificationProcessState,
  NotificationWorkflowInput,
  notificationStateQuery,
  SearchAttributeKeys,
} from '@sagsflow/temporal/shared';
import type { TaskActivities } from '../../activities';

const { createTask } = proxyActivities<TaskActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * A notification of concern (underretning). Reception must triage it within 24 hours of receipt;
 * the deadline is a durable timer, so it survives restarts of every component.
 */
export async function notificationWorkflow(input: NotificationWorkflowInput): Promise<NotificationProcessState> {
  const dueAt = triageDueAt(new Date(input.receivedAt));
  const state: NotificationProcessState = { step: 'triage', triageDueAt: dueAt.toISOString(), overdue: false };
  setHandler(notificationStateQuery, () => state);

  const task = await createTask({
    key: `${workflowInfo().workflowId}/triage`,
    kind: 'triage',
    caseId: input.caseId,
    processKind: 'notification',
    workflowId: workflowInfo().workflowId,
    step: 'triage',
    agency: 'RECEPTION',
    dueAt: state.triageDueAt,
  });
  state.triageTaskId = task.id;

  // Triage decisions arrive with the task-completion Update (a later issue); until then the
  // workflow keeps the deadline and marks itself overdue when it passes.
  const triaged = () => false;
  if (!(await condition(triaged, millisUntil(dueAt, new Date())))) {
    state.overdue = true;
    upsertSearchAttributes([{ key: SearchAttributeKeys.overdue, value: true }]);
  }
  await condition(triaged);
  return state;
}
