import {
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  type Agency,
  notificationDeadlines,
  notifierGetsLetters,
  POLICIES,
  receivingAgency,
  type TriageDecision,
  triageDecisionProblem,
} from '@sagsflow/domain';
import {
  NotificationProcessState,
  NotificationWorkflowInput,
  notificationStateQuery,
  ownerChangedSignal,
  SearchAttributeKeys,
  type TaskRequest,
} from '@sagsflow/temporal/shared';
import { activities } from '../shared/activities';
import { HumanTasks } from '../shared/human-tasks';

/**
 * A notification of concern (underretning), from receipt to the agency that takes it on:
 * - reception triages it within the policy's deadline (24 hours by law; an acute one within 2), reminded before and escalated
 *   to the lead at the deadline; an abuse notification can only open an investigation;
 * - a professional notifier gets a receipt within 6 working days and feedback after the decision;
 * - an investigation, acute action or advisory-team referral is handed over, and the case changes
 *   owner only when the receiving agency accepts (acute: at once); abuse adds a conversation with
 *   the child.
 * Every deadline is a durable timer, so it survives restarts of every component.
 */
export async function notificationWorkflow(input: NotificationWorkflowInput): Promise<NotificationProcessState> {
  const { workflowId } = workflowInfo();
  const policy = POLICIES[input.policy];
  const tasks = new HumanTasks(policy);
  const due = notificationDeadlines(policy);
  const received = new Date(input.receivedAt);
  const state: NotificationProcessState = {
    step: 'triage',
    triageDueAt: due.triage(received, input.acute).toISOString(),
    overdue: false,
  };
  setHandler(notificationStateQuery, () => ({ ...state, overdue: tasks.overdue, triageTaskId: state.triageTaskId ?? tasks.open[0]?.id }));

  const task = (request: Omit<TaskRequest, 'caseId' | 'processKind'>): TaskRequest => ({
    ...request,
    caseId: input.caseId,
    processKind: 'notification',
  });
  const event = (type: string, actor: string, data: Record<string, string> = {}) =>
    activities().recordCaseEvent({ key: `${workflowId}/${type}`, caseId: input.caseId, type, actor, at: new Date().toISOString(), data });

  async function sendLetter(kind: 'receipt' | 'feedback', dueAt: Date, decision?: TriageDecision): Promise<void> {
    const letter = await activities().draftLetter({
      key: `${workflowId}/${kind}`,
      notificationId: input.notificationId,
      caseId: input.caseId,
      kind,
      dueAt: dueAt.toISOString(),
      decision,
    });
    const sent = await tasks.perform(task({ kind: `send-${kind}`, step: `send-${kind}`, agency: 'RECEPTION', dueAt: dueAt.toISOString() }));
    await activities().markLetterSent({ letterId: letter.id, by: sent.actor, at: sent.completedAt });
    await event(`letter.${kind}.sent`, sent.actor);
  }

  async function changeOwner(agency: Agency, reason: string): Promise<void> {
    await getExternalWorkflowHandle(input.caseWorkflowId).signal(ownerChangedSignal, { agency, reason });
    upsertSearchAttributes([{ key: SearchAttributeKeys.ownerAgency, value: agency }]);
    state.handedOverTo = agency;
  }

  async function handOver(to: Agency, decision: TriageDecision): Promise<void> {
    state.step = 'handover';
    const caseworker = to === 'AUTHORITY' ? (await activities().assignCaseworker({ caseId: input.caseId, agency: to })).username : null;
    const assignee = caseworker ?? undefined;
    await event('handover.requested', 'system', { to, assignee: caseworker ?? '' });
    if (decision === 'acute') {
      // Acute: the authority takes the case at once and must act within hours.
      await changeOwner(to, 'acute notification');
      const dueAt = due.acuteAction(new Date()).toISOString();
      await tasks.perform(task({ kind: 'acute-action', step: 'acute-action', agency: 'AUTHORITY', assignee, dueAt }));
    } else {
      const dueAt = due.handover(new Date()).toISOString();
      const accepted = await tasks.perform(task({ kind: 'accept-handover', step: 'accept-handover', agency: to, assignee, dueAt }));
      await event('handover.accepted', accepted.actor, { to });
      await changeOwner(to, `hand-over accepted by ${to}`);
    }
    if (input.abuse) {
      const dueAt = due.childConversation(new Date()).toISOString();
      await tasks.perform(task({ kind: 'child-conversation', step: 'child-conversation', agency: 'AUTHORITY', assignee, dueAt }));
    }
  }

  const letters = notifierGetsLetters(input.source);
  const followUps: Promise<void>[] = [];
  if (letters) followUps.push(sendLetter('receipt', due.receipt(received)));

  const triage = await tasks.perform(
    task({ kind: 'triage', step: 'triage', agency: 'RECEPTION', dueAt: state.triageDueAt }),
    { rule: (outcome) => triageDecisionProblem(input, outcome) },
  );
  const decision = triage.outcome.decision as TriageDecision;
  Object.assign(state, { step: 'triaged', decision, triageTaskId: triage.taskId });
  await activities().recordTriageDecision({ notificationId: input.notificationId, decision });
  await event('triage.decided', triage.actor, { decision });

  if (letters) followUps.push(sendLetter('feedback', due.feedback(new Date()), decision));
  const to = receivingAgency(decision);
  if (to) followUps.push(handOver(to, decision));
  await Promise.all(followUps);

  state.step = 'done';
  await condition(allHandlersFinished);
  return state;
}
