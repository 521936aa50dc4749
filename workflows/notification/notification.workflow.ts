import {
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  patched,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  type Agency,
  investigationRequired,
  NOTIFICATION_MAP,
  notificationDeadlines,
  notifierGetsLetters,
  receivingAgency,
  type TriageDecision,
  triageDecisionProblem,
} from '@sagsflow/domain';
import {
  type HandoverResult,
  handoverRequestedSignal,
  handoverSettledSignal,
  NotificationProcessState,
  NotificationWorkflowInput,
  notificationStateQuery,
  ownerChangedSignal,
  SearchAttributeKeys,
  type TaskRequest,
} from '@sagsflow/temporal/shared';
import { activities } from '../shared/activities';
import { HumanTasks } from '../shared/human-tasks';
import { CASE_ORCHESTRATION_PATCH, INVESTIGATION_PROCESS_PATCH } from '../shared/patches';
import { policyOf } from '../shared/policy';
import { ProcessPosition } from '../shared/process-position';
import { followCaseOwner, runProcess } from '../shared/process';

/**
 * A notification of concern (underretning), from receipt to the agency that takes it on:
 * - reception triages it within the policy's deadline (24 hours by law; an acute one within the
 *   policy's acute-action time), reminded before and escalated to the lead at the deadline; an abuse
 *   notification opens an investigation, or acute action first;
 * - a professional notifier gets a receipt within 6 working days and feedback after the decision;
 * - an investigation, acute action or advisory-team referral asks the case workflow for a hand-over:
 *   the case changes owner only when the receiving agency accepts (acute: at once); abuse adds a
 *   conversation with the child, and after acute action the investigation is still required.
 * Every deadline is a durable timer, so it survives restarts of every component. The process tells
 * its case when it ends, and closes its tasks if it fails or is cancelled (`runProcess`).
 */
export async function notificationWorkflow(input: NotificationWorkflowInput): Promise<NotificationProcessState> {
  // Notifications started before the case workflow orchestrated hand-overs replay as they ran.
  const orchestrated = patched(CASE_ORCHESTRATION_PATCH);
  const { workflowId } = workflowInfo();
  const policy = policyOf(input);
  const tasks = new HumanTasks(policy);
  const position = new ProcessPosition(NOTIFICATION_MAP, input.caseId);
  const due = notificationDeadlines(policy);
  const received = new Date(input.receivedAt);
  const state: NotificationProcessState = {
    step: 'triage',
    triageDueAt: due.triage(received, input.acute).toISOString(),
    overdue: false,
  };
  setHandler(notificationStateQuery, () => ({ ...state, overdue: tasks.overdue, triageTaskId: state.triageTaskId ?? tasks.outstanding[0]?.id }));

  const task = (request: Omit<TaskRequest, 'caseId' | 'processKind'>): TaskRequest => ({
    ...request,
    caseId: input.caseId,
    processKind: 'notification',
  });
  const event = (type: string, actor: string, data: Record<string, string> = {}) =>
    activities().recordCaseEvent({ key: `${workflowId}/${type}`, caseId: input.caseId, type, actor, at: new Date().toISOString(), data });

  function sendLetter(kind: 'receipt' | 'feedback', dueAt: Date, decision?: TriageDecision): Promise<void> {
    return position.during(`send-${kind}`, async () => {
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
    });
  }

  let settled: HandoverResult | undefined;
  setHandler(handoverSettledSignal, (result) => {
    if (result.requestId === `${workflowId}/handover`) settled = result;
  });
  const caseOwner = followCaseOwner('RECEPTION');

  /** Asks the case workflow, the one writer of the owner, and waits for its answer. */
  async function requestHandover(to: Agency, decision: TriageDecision, assignee: string | undefined): Promise<void> {
    await getExternalWorkflowHandle(input.caseWorkflowId).signal(handoverRequestedSignal, {
      requestId: `${workflowId}/handover`,
      to,
      reason: `triage decision: ${decision}`,
      requestedBy: 'system',
      acute: decision === 'acute',
      assignee,
      replyTo: workflowId,
    });
    await condition(() => settled !== undefined);
    if (settled!.status === 'accepted' || settled!.status === 'already-owner') state.handedOverTo = to;
  }

  /** The hand-over as notifications started before orchestration made it themselves. */
  async function handOverBeforeOrchestration(to: Agency, decision: TriageDecision, assignee: string | undefined): Promise<void> {
    const changeOwner = async (agency: Agency, reason: string) => {
      await getExternalWorkflowHandle(input.caseWorkflowId).signal(ownerChangedSignal, { agency, reason });
      upsertSearchAttributes([{ key: SearchAttributeKeys.ownerAgency, value: agency }]);
      state.handedOverTo = agency;
    };
    await event('handover.requested', 'system', { to, assignee: assignee ?? '' });
    if (decision === 'acute') return changeOwner(to, 'acute notification');
    const dueAt = due.handover(new Date()).toISOString();
    const answer = await tasks.perform(task({ kind: 'accept-handover', step: 'accept-handover', agency: to, assignee, dueAt }));
    if (answer.outcome.decision === 'decline') return event('handover.declined', answer.actor, { to });
    await event('handover.accepted', answer.actor, { to });
    await changeOwner(to, `hand-over accepted by ${to}`);
  }

  async function handOver(to: Agency, decision: TriageDecision): Promise<void> {
    state.step = 'handover';
    const caseworker = to === 'AUTHORITY' ? (await activities().assignCaseworker({ caseId: input.caseId, agency: to })).username : null;
    const assignee = caseworker ?? undefined;
    if (orchestrated) await position.during('handover', () => requestHandover(to, decision, assignee));
    else await handOverBeforeOrchestration(to, decision, assignee);
    if (decision === 'acute') {
      // Acute: the authority has the case at once and must act within hours.
      const dueAt = due.acuteAction(new Date()).toISOString();
      await position.during('acute-action', () => tasks.perform(task({ kind: 'acute-action', step: 'acute-action', agency: 'AUTHORITY', assignee, dueAt })));
      if (orchestrated && investigationRequired(input, decision)) await event('investigation.required', 'system', { reason: 'abuse' });
    }
    // The authority took the case on: the investigation starts (after acute action too). Earlier notifications ended here.
    if (orchestrated && state.handedOverTo === 'AUTHORITY' && patched(INVESTIGATION_PROCESS_PATCH)) {
      await position.during('open-investigation', () =>
        activities().openInvestigation({
          key: `${workflowId}/investigation`,
          caseId: input.caseId,
          notificationId: input.notificationId,
          reason: `triage decision: ${decision}`,
          startedBy: 'system',
        }),
      );
    }
    if (input.abuse) {
      const dueAt = due.childConversation(new Date()).toISOString();
      await position.during('child-conversation', () =>
        tasks.perform(task({ kind: 'child-conversation', step: 'child-conversation', agency: 'AUTHORITY', assignee, dueAt })),
      );
    }
  }

  async function decideAndFollowUp(): Promise<void> {
    const triage = await position.during('triage', () =>
      tasks.perform(task({ kind: 'triage', step: 'triage', agency: 'RECEPTION', dueAt: state.triageDueAt }), {
        rule: (outcome) => triageDecisionProblem(input, outcome),
      }),
    );
    const decision = triage.outcome.decision as TriageDecision;
    Object.assign(state, { step: 'triaged', decision, triageTaskId: triage.taskId });
    await activities().recordTriageDecision({ notificationId: input.notificationId, decision });
    await event('triage.decided', triage.actor, { decision });

    const followUps: Promise<void>[] = [];
    if (letters) followUps.push(sendLetter('feedback', due.feedback(new Date()), decision));
    const to = receivingAgency(decision);
    if (to) followUps.push(handOver(to, decision));
    await Promise.all(followUps);
  }

  const letters = notifierGetsLetters(input.source);
  async function run(): Promise<NotificationProcessState> {
    // The receipt runs alongside the triage; either failing fails the process at once.
    const receipt = letters ? sendLetter('receipt', due.receipt(received)) : undefined;
    await Promise.all([receipt, decideAndFollowUp()]);
    state.step = 'done';
    await position.enter('done');
    await condition(allHandlersFinished);
    return state;
  }

  if (!orchestrated) return run();
  const context = { kind: 'notification' as const, caseId: input.caseId, caseWorkflowId: input.caseWorkflowId, tasks, position };
  return runProcess({ ...context, owner: caseOwner, step: () => state.step }, run);
}
