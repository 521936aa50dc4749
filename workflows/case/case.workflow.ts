import {
  allHandlersFinished,
  condition,
  continueAsNew,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { notificationDeadlines, POLICIES } from '@sagsflow/domain';
import {
  CaseNotification,
  CaseProcessState,
  caseStateQuery,
  CaseWorkflowInput,
  notificationReceivedSignal,
  ownerChangedSignal,
  recordMeasureUpdate,
  SearchAttributeKeys,
} from '@sagsflow/temporal/shared';
import { activities } from '../shared/activities';
import { HumanTasks } from '../shared/human-tasks';

/**
 * The child's case (sag): one long-lived workflow per child per municipality. Every notification
 * about the child reaches it (signal-with-start); it knows which agency owns the case and which
 * measures are open, and asks for a re-assessment by fresh eyes when a notification arrives while
 * the child already receives support (BL §137 stk. 1). It continues as new when the server
 * suggests it, so it can live for years.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<void> {
  const { workflowId } = workflowInfo();
  const tasks = new HumanTasks(POLICIES[input.policy]);
  const due = notificationDeadlines(POLICIES[input.policy]);
  const state: CaseProcessState = input.state ?? { ownerAgency: 'RECEPTION', notifications: [], openMeasures: [], reassessments: 0 };
  let inFlight = 0;
  const track = async (work: () => Promise<void>) => {
    inFlight++;
    try {
      await work();
    } finally {
      inFlight--;
    }
  };
  const event = (key: string, type: string, actor: string, data: Record<string, string> = {}) =>
    activities().recordCaseEvent({ key: `${workflowId}/${key}`, caseId: input.caseId, type, actor, at: new Date().toISOString(), data });

  const reassess = (notification: CaseNotification) =>
    track(async () => {
      state.reassessments++;
      const { username } = await activities().pickFreshCaseworker({ caseId: input.caseId, agency: 'AUTHORITY' });
      await event(`reassessment/${notification.notificationId}`, 'reassessment.requested', 'system', {
        notificationId: notification.notificationId,
        assignee: username ?? '',
      });
      await tasks.perform(
        {
          kind: 'reassessment',
          caseId: input.caseId,
          processKind: 'case',
          step: 'reassessment',
          agency: 'AUTHORITY',
          assignee: username ?? undefined,
          dueAt: due.reassessment(new Date()).toISOString(),
        },
        { occurrence: notification.notificationId },
      );
    });

  setHandler(caseStateQuery, () => state);
  setHandler(notificationReceivedSignal, (notification) => {
    // A retried intake signals again: each notification counts once.
    if (state.notifications.some((n) => n.notificationId === notification.notificationId)) return;
    state.notifications.push(notification);
    if (state.openMeasures.length > 0) void reassess(notification);
  });
  setHandler(ownerChangedSignal, ({ agency, reason }) =>
    track(async () => {
      if (state.ownerAgency === agency) return;
      const from = state.ownerAgency;
      state.ownerAgency = agency;
      upsertSearchAttributes([{ key: SearchAttributeKeys.ownerAgency, value: agency }]);
      await activities().setCaseOwner({ caseId: input.caseId, agency });
      await event(`owner/${state.notifications.length}/${agency}`, 'owner.changed', 'system', { from, to: agency, reason });
    }),
  );
  setHandler(recordMeasureUpdate, async (request) => {
    state.openMeasures.push({ measureId: request.measureId, kind: request.kind });
    await activities().recordMeasure({ ...request, caseId: input.caseId, at: new Date().toISOString() });
    await event(`measure/${request.measureId}`, 'measure.recorded', request.decidedBy, { kind: request.kind });
    return state;
  });

  await condition(() => workflowInfo().continueAsNewSuggested && inFlight === 0 && tasks.open.length === 0 && allHandlersFinished());
  await continueAsNew<typeof caseWorkflow>({ ...input, state });
}
