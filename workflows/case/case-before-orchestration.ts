import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { notificationDeadlines, POLICIES } from '@sagsflow/domain';
import {
  type BufferedSignal,
  CaseFailure,
  CaseNotification,
  CaseProcessState,
  caseStateQuery,
  CaseWorkflowInput,
  notificationReceivedSignal,
  ownerChangedSignal,
  handoverRequestedSignal,
  involveAgencyUpdate,
  processEndedSignal,
  recordMeasureUpdate,
  requestHandoverUpdate,
  SearchAttributeKeys,
  setTovholderUpdate,
  staffLeftSignal,
} from '@sagsflow/temporal/shared';
import { activities } from '../shared/activities';
import { HumanTasks } from '../shared/human-tasks';
import { validatedOnlyForRefusals } from '../shared/refused-payloads';

/**
 * The case workflow as it ran before it orchestrated hand-overs and the tovholder (kept so that
 * case workflows started then replay; see README "Changing a running process"). It now does one
 * more thing: a request of the new protocol (a hand-over, an involvement, a tovholder, a staff
 * change, a process's end) makes it continue as new, so the case runs on today's code, which takes
 * the buffered signals along. Updates meanwhile are refused with a retryable `CaseUpgrading`.
 */
export async function caseWorkflowBeforeOrchestration(input: CaseWorkflowInput): Promise<CaseWorkflowInput> {
  const { workflowId } = workflowInfo();
  const tasks = new HumanTasks(POLICIES[input.policy]);
  const due = notificationDeadlines(POLICIES[input.policy]);
  const state: CaseProcessState = input.state ?? { ownerAgency: 'RECEPTION', notifications: [], openMeasures: [], reassessments: 0 };
  let inFlight = 0;
  const track = async <T>(work: () => Promise<T>): Promise<T> => {
    inFlight++;
    try {
      return await work();
    } finally {
      inFlight--;
    }
  };
  const event = (key: string, type: string, actor: string, data: Record<string, string> = {}) =>
    activities().recordCaseEvent({ key: `${workflowId}/${key}`, caseId: input.caseId, type, actor, at: new Date().toISOString(), data });

  // The task is created outside `track`: a workflow moving to today's code carries it, instead of
  // waiting for it to be completed.
  const reassess = (notification: CaseNotification) =>
    track(async () => {
      state.reassessments++;
      const { username } = await activities().pickFreshCaseworker({ caseId: input.caseId, agency: 'AUTHORITY' });
      await event(`reassessment/${notification.notificationId}`, 'reassessment.requested', 'system', {
        notificationId: notification.notificationId,
        assignee: username ?? '',
      });
      return username;
    }).then((username) =>
      tasks.perform(
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
      ),
    );

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
  const buffered: BufferedSignal[] = [];
  const upgrade = (signal: BufferedSignal) => void buffered.push(signal);
  setHandler(handoverRequestedSignal, (request) => upgrade({ handoverRequested: request }));
  setHandler(staffLeftSignal, (left) => upgrade({ staffLeft: left }));
  setHandler(processEndedSignal, (ended) => upgrade({ processEnded: ended }));
  // Accepted, then failed, so that it is in the history and the move happens on replay too.
  const refuse = async (): Promise<never> => {
    buffered.push({});
    throw ApplicationFailure.create({ type: CaseFailure.upgrading, message: 'The case is moving to the current version of its process; try again in a moment' });
  };
  setHandler(requestHandoverUpdate, refuse, validatedOnlyForRefusals);
  setHandler(involveAgencyUpdate, refuse, validatedOnlyForRefusals);
  setHandler(setTovholderUpdate, refuse, validatedOnlyForRefusals);
  setHandler(
    recordMeasureUpdate,
    async (request) => {
      state.openMeasures.push({ measureId: request.measureId, kind: request.kind });
      await activities().recordMeasure({ ...request, caseId: input.caseId, at: new Date().toISOString() });
      await event(`measure/${request.measureId}`, 'measure.recorded', request.decidedBy, { kind: request.kind });
      return state;
    },
    validatedOnlyForRefusals,
  );

  await condition(
    () =>
      (buffered.length > 0 ? tasks.idle : workflowInfo().continueAsNewSuggested && tasks.outstanding.length === 0) &&
      inFlight === 0 &&
      allHandlersFinished(),
  );
  // A re-assessment still open is carried as a task (what happens on its completion is only a record).
  return { ...input, state: { ...state, openTasks: tasks.carried, buffered: buffered.filter((b) => Object.keys(b).length > 0) } };
}
