import { setHandler } from '@temporalio/workflow';
import { POLICIES, triageDueAt } from '@sagsflow/domain';
import { NotificationProcessState, NotificationWorkflowInput, notificationStateQuery } from '@sagsflow/temporal/shared';
import { HumanTasks } from '../shared/human-tasks';

/**
 * A notification of concern (underretning). Reception must triage it within 24 hours of receipt
 * (reminded before, escalated to the lead at 24 hours); the deadline is a durable timer, so it
 * survives restarts of every component.
 */
export async function notificationWorkflow(input: NotificationWorkflowInput): Promise<NotificationProcessState> {
  const tasks = new HumanTasks(POLICIES[input.policy]);
  const state: NotificationProcessState = {
    step: 'triage',
    triageDueAt: triageDueAt(new Date(input.receivedAt)).toISOString(),
    overdue: false,
  };
  setHandler(notificationStateQuery, () => ({ ...state, overdue: tasks.overdue, triageTaskId: tasks.open[0]?.id ?? state.triageTaskId }));

  const triage = await tasks.perform({
    kind: 'triage',
    caseId: input.caseId,
    processKind: 'notification',
    step: 'triage',
    agency: 'RECEPTION',
    dueAt: state.triageDueAt,
  });
  state.triageTaskId = triage.taskId;
  state.step = 'triaged';
  state.decision = String(triage.outcome.decision);
  return state;
}
