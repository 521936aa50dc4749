import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  patched,
  setHandler,
  TemporalFailure,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { type Agency, CASE_MAP, handoverProblem, nextOwnership, notificationDeadlines, type Ownership } from '@sagsflow/domain';
import {
  type BufferedSignal,
  CaseFailure,
  type CaseNotification,
  caseOwnerChangedSignal,
  type CaseProcessState,
  caseStateQuery,
  type CaseWorkflowInput,
  type HandoverRequest,
  type HandoverResult,
  handoverRequestedSignal,
  handoverSettledSignal,
  investigationEndedSignal,
  involveAgencyUpdate,
  type InvolvementRequest,
  involvementRequestedSignal,
  type InvolvementResult,
  involvementSettledSignal,
  notificationReceivedSignal,
  type OpenTask,
  ownerChangedSignal,
  processEndedSignal,
  processStartedSignal,
  type RecordMeasureRequest,
  recordMeasureUpdate,
  requestHandoverUpdate,
  SearchAttributeKeys,
  setTovholderUpdate,
  staffLeftSignal,
  type TaskCompletion,
  type Tovholder,
} from '@sagsflow/temporal/shared';
import { activities } from '../shared/activities';
import { HumanTasks } from '../shared/human-tasks';
import { CASE_ORCHESTRATION_PATCH } from '../shared/patches';
import { policyOf } from '../shared/policy';
import { ProcessPosition } from '../shared/process-position';
import { failureType, historyIsLong } from '../shared/process';
import { validatedOnlyForRefusals } from '../shared/refused-payloads';
import { caseWorkflowBeforeOrchestration } from './case-before-orchestration';

/** How many answered requests and ended processes the case remembers, to answer a repeated signal alike. */
const RECENT_REQUESTS = 20;

const REFUSALS: readonly string[] = Object.values(CaseFailure);

/** A request this workflow refused (its own rule), as opposed to work that failed. */
function isRefusal(error: unknown): boolean {
  return error instanceof ApplicationFailure && REFUSALS.includes(error.type ?? '');
}

interface Answer<T> {
  done: boolean;
  value?: T;
  error?: unknown;
}

/** What the case workflow does, one at a time, in arrival order: nothing races on the owner or the tovholder. */
type Step =
  | { kind: 'handover'; request: HandoverRequest; answer?: Answer<HandoverResult> }
  | { kind: 'task-completed'; task: OpenTask; completion: TaskCompletion }
  | { kind: 'task-overdue'; task: OpenTask }
  | { kind: 'owner-changed-by-process'; agency: Agency; reason: string }
  | { kind: 'tovholder'; username?: string; by: string; answer: Answer<Tovholder | null> }
  | { kind: 'staff-left'; username: string }
  | { kind: 'involve'; request: InvolvementRequest; answer?: Answer<{ taskId: string }> }
  | { kind: 'investigation-ended'; workflowId: string; endedAt: string }
  | { kind: 'reassess'; notification: CaseNotification }
  | { kind: 'measure'; request: RecordMeasureRequest; answer: Answer<CaseProcessState> };

/**
 * The child's case (sag): one long-lived workflow per child per municipality, and the one writer
 * of who owns the case and who is its tovholder. Every notification reaches it (signal-with-start)
 * and every process registers with it. It hands the case over only when the receiving agency
 * accepts (acute: at once), asks other agencies for contributions without handing over, keeps the
 * tovholder, and asks for a re-assessment by fresh eyes when a notification arrives while the child
 * receives support (BL §137 stk. 1). It continues as new when the server suggests it, taking its
 * open tasks along, so it can live for years.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<void> {
  const next = patched(CASE_ORCHESTRATION_PATCH) ? await orchestrateCase(input) : await caseWorkflowBeforeOrchestration(input);
  await continueAsNew<typeof caseWorkflow>(next);
}

async function orchestrateCase(input: CaseWorkflowInput): Promise<CaseWorkflowInput> {
  const { workflowId, runId } = workflowInfo();
  const policy = policyOf(input);
  const due = notificationDeadlines(policy);
  const carried = input.state ?? { ownerAgency: 'RECEPTION', notifications: [], openMeasures: [], reassessments: 0 };
  const state: CaseProcessState = {
    tovholder: null,
    pendingHandover: null,
    handoverQueue: [],
    processes: [],
    recentHandovers: [],
    recentInvolvements: [],
    endedProcesses: [],
    ...carried,
    openTasks: undefined,
    buffered: undefined,
    position: undefined,
  };
  const tasks = new HumanTasks(policy, carried.openTasks ?? []);
  const position = new ProcessPosition(CASE_MAP, input.caseId, carried.position);
  const steps: Step[] = [];
  let stepCount = 0;
  tasks.onCompleted = (task, completion) => steps.push({ kind: 'task-completed', task, completion });
  tasks.onOverdue = (task) => steps.push({ kind: 'task-overdue', task });

  const event = (key: string, type: string, actor: string, data: Record<string, string> = {}) =>
    activities().recordCaseEvent({ key: `${workflowId}/${key}`, caseId: input.caseId, type, actor, at: new Date().toISOString(), data });
  const ask = async <T>(step: Step & { answer: Answer<T> }): Promise<T> => {
    steps.push(step);
    await condition(() => step.answer.done);
    if (step.answer.error) throw step.answer.error;
    return step.answer.value as T;
  };
  const ownership = (): Ownership => ({
    owner: state.ownerAgency,
    pending: state.pendingHandover ? { requestId: state.pendingHandover.requestId, from: state.pendingHandover.from, to: state.pendingHandover.to } : null,
  });
  const runningProcesses = () => [...state.notifications.map((n) => n.workflowId), ...(state.processes ?? []).map((p) => p.workflowId)];

  // ---- signals, updates and the query: they only queue steps -------------------------------
  setHandler(caseStateQuery, () => ({ ...state, openTasks: tasks.carried, position: position.carried }));
  const received = (notification: CaseNotification) => {
    // A retried intake signals again: each notification counts once, also after its process ended.
    if (state.notifications.some((n) => n.notificationId === notification.notificationId)) return;
    if (state.endedProcesses?.includes(notification.workflowId)) return;
    state.notifications.push(notification);
    // Whether the child receives support is decided when the step runs: signals buffered before a
    // run's handlers exist arrive in the order the handlers are set, not the order they were sent.
    steps.push({ kind: 'reassess', notification });
  };
  const processEnded = ({ workflowId: ended, kind }: { workflowId: string; kind?: string }) => {
    // A measure decided while an investigation ran is followed up when it ends (BL §95).
    const known = (state.processes ?? []).some((p) => p.workflowId === ended);
    if (known && kind === 'investigation') steps.push({ kind: 'investigation-ended', workflowId: ended, endedAt: new Date().toISOString() });
    // Ended processes leave the carried state; the read model keeps their history.
    state.notifications = state.notifications.filter((n) => n.workflowId !== ended);
    state.processes = (state.processes ?? []).filter((p) => p.workflowId !== ended);
    state.endedProcesses = [...(state.endedProcesses ?? []).filter((id) => id !== ended), ended].slice(-RECENT_REQUESTS);
  };
  const dispatch = (signal: BufferedSignal) => {
    if (signal.handoverRequested) steps.push({ kind: 'handover', request: signal.handoverRequested });
    if (signal.staffLeft) steps.push({ kind: 'staff-left', username: signal.staffLeft.username });
    if (signal.processEnded) processEnded(signal.processEnded);
  };
  setHandler(notificationReceivedSignal, received);
  setHandler(processStartedSignal, (process) => {
    if (state.processes?.some((p) => p.workflowId === process.workflowId) || state.endedProcesses?.includes(process.workflowId)) return;
    state.processes = [...(state.processes ?? []), process];
  });
  setHandler(processEndedSignal, processEnded);
  setHandler(handoverRequestedSignal, (request) => dispatch({ handoverRequested: request }));
  setHandler(staffLeftSignal, (left) => dispatch({ staffLeft: left }));
  setHandler(ownerChangedSignal, ({ agency, reason }) => void steps.push({ kind: 'owner-changed-by-process', agency, reason }));
  setHandler(requestHandoverUpdate, (request) => ask({ kind: 'handover', request, answer: { done: false } }), {
    validator: (request) => {
      if (answered(request.requestId)) return;
      const problem = handoverProblem(state.ownerAgency, request.to);
      if (problem) throw ApplicationFailure.create({ type: CaseFailure.invalidHandover, message: problem, details: [{ field: 'to', rules: ['handover'] }] });
      if (state.pendingHandover || (state.handoverQueue ?? []).length > 0) {
        throw ApplicationFailure.create({
          type: CaseFailure.handoverPending,
          message: `A hand-over to ${state.pendingHandover?.to ?? 'another agency'} is waiting for acceptance; one at a time`,
        });
      }
    },
  });
  setHandler(involveAgencyUpdate, (request) => ask({ kind: 'involve', request, answer: { done: false } }), {
    validator: ({ requestId, agency }) => {
      if (!involved(requestId)) refuseInvolvement(agency);
    },
  });
  setHandler(involvementRequestedSignal, (request) => void steps.push({ kind: 'involve', request }));
  setHandler(setTovholderUpdate, ({ username, by }) => ask({ kind: 'tovholder', username, by, answer: { done: false } }), validatedOnlyForRefusals);
  setHandler(recordMeasureUpdate, (request) => ask({ kind: 'measure', request, answer: { done: false } }), validatedOnlyForRefusals);
  for (const signal of carried.buffered ?? []) dispatch(signal);

  // ---- the steps ------------------------------------------------------------------------------
  function involved(requestId: string): { taskId: string } | undefined {
    const known = state.recentInvolvements?.find((i) => i.requestId === requestId);
    return known && { taskId: known.taskId };
  }

  /** Another agency may be asked for a contribution; the owner itself, ADMIN or no agency may not. */
  function refuseInvolvement(agency: string): void {
    const problem = handoverProblem(state.ownerAgency, agency, 'agency');
    if (problem) throw ApplicationFailure.create({ type: CaseFailure.invalidInvolvement, message: problem, details: [{ field: 'agency', rules: ['involvement'] }] });
  }

  function answered(requestId: string): HandoverResult | undefined {
    if (state.pendingHandover?.requestId === requestId) return { requestId, status: 'pending', owner: state.ownerAgency };
    return state.recentHandovers?.find((r) => r.requestId === requestId);
  }

  async function settle(request: Pick<HandoverRequest, 'requestId' | 'replyTo'>, result: HandoverResult): Promise<HandoverResult> {
    state.recentHandovers = [...(state.recentHandovers ?? []), result].slice(-RECENT_REQUESTS);
    if (request.replyTo) {
      await getExternalWorkflowHandle(request.replyTo)
        .signal(handoverSettledSignal, result)
        .catch(() => undefined); // the process ended meanwhile: nobody waits for the answer
    }
    return result;
  }

  function changeOwner(to: Agency, reason: string, ref: string, by: string): Promise<void> {
    return position.during('change-owner', () => writeOwner(to, reason, ref, by));
  }

  async function writeOwner(to: Agency, reason: string, ref: string, by: string): Promise<void> {
    const from = state.ownerAgency;
    state.ownerAgency = to;
    upsertSearchAttributes([{ key: SearchAttributeKeys.ownerAgency, value: to }]);
    await activities().setCaseOwner({ caseId: input.caseId, agency: to });
    await event(`owner/${ref}`, 'owner.changed', by, { from, to, reason });
    // Each process shows the case's owner in Temporal Web too.
    await Promise.all(
      runningProcesses().map((id) =>
        getExternalWorkflowHandle(id)
          .signal(caseOwnerChangedSignal, { agency: to })
          .catch(() => undefined),
      ),
    );
  }

  async function setPending(pending: CaseProcessState['pendingHandover']): Promise<void> {
    state.pendingHandover = pending;
    await activities().setPendingHandover({ caseId: input.caseId, pending: pending ?? null });
  }

  async function handover(request: HandoverRequest, fromPerson: boolean): Promise<HandoverResult | undefined> {
    const known = answered(request.requestId);
    if (known) return known;
    const step = nextOwnership(ownership(), { type: 'request', requestId: request.requestId, to: request.to, acute: request.acute });
    const result = (status: HandoverResult['status'], extra: Partial<HandoverResult> = {}) =>
      settle(request, { requestId: request.requestId, status, owner: state.ownerAgency, ...extra });
    switch (step.outcome) {
      case 'invalid':
        if (fromPerson) throw ApplicationFailure.create({ type: CaseFailure.invalidHandover, message: step.problem });
        return result('declined', { reason: step.problem });
      case 'already-owner':
        return result('already-owner');
      case 'busy':
        if (fromPerson) throw ApplicationFailure.create({ type: CaseFailure.handoverPending, message: 'A hand-over is waiting for acceptance' });
        // A process waits its turn behind the pending hand-over.
        state.handoverQueue = [...(state.handoverQueue ?? []), request];
        return undefined;
      case 'moved': {
        const cancelled = state.pendingHandover;
        if (cancelled) {
          await tasks.cancel('an acute move took the case', cancelled.taskId ? [cancelled.taskId] : []);
          await position.leave('accept-handover');
          await setPending(null);
          await event(`handover/${cancelled.requestId}/cancelled`, 'handover.cancelled', 'system', { to: cancelled.to, reason: 'acute move' });
          await settle(cancelled, { requestId: cancelled.requestId, status: 'cancelled', owner: request.to, reason: 'acute move' });
        }
        if (state.ownerAgency !== request.to) await changeOwner(request.to, request.reason, request.requestId, request.requestedBy);
        return result('accepted', { by: request.requestedBy });
      }
      case 'pending': {
        const requestedAt = new Date();
        const dueAt = due.handover(requestedAt).toISOString();
        await position.enter('accept-handover');
        const taskId = await tasks.open(
          { kind: 'accept-handover', caseId: input.caseId, processKind: 'case', step: 'accept-handover', agency: request.to, assignee: request.assignee, dueAt },
          { occurrence: request.requestId, purpose: { handover: request.requestId } },
        );
        await setPending({
          requestId: request.requestId,
          from: state.ownerAgency,
          to: request.to,
          reason: request.reason,
          requestedBy: request.requestedBy,
          requestedAt: requestedAt.toISOString(),
          dueAt,
          taskId,
          replyTo: request.replyTo,
        });
        await event(`handover/${request.requestId}/requested`, 'handover.requested', request.requestedBy, {
          from: state.ownerAgency,
          to: request.to,
          reason: request.reason,
          assignee: request.assignee ?? '',
        });
        return { requestId: request.requestId, status: 'pending', owner: state.ownerAgency };
      }
      default:
        throw ApplicationFailure.nonRetryable(`Unexpected hand-over outcome ${step.outcome}`);
    }
  }

  async function answerHandover(requestId: string, completion: TaskCompletion): Promise<void> {
    const pending = state.pendingHandover;
    const decision = completion.outcome.decision === 'decline' ? 'decline' : 'accept';
    const step = nextOwnership(ownership(), { type: decision, requestId });
    if (!pending || step.outcome === 'stale') return;
    const reason = typeof completion.outcome.reason === 'string' ? completion.outcome.reason : '';
    await position.leave('accept-handover');
    await setPending(null);
    if (step.outcome === 'accepted') {
      await event(`handover/${requestId}/accepted`, 'handover.accepted', completion.actor, { from: pending.from, to: pending.to });
      await changeOwner(pending.to, pending.reason, requestId, completion.actor);
      await settle(pending, { requestId, status: 'accepted', owner: state.ownerAgency, by: completion.actor });
    } else {
      await event(`handover/${requestId}/declined`, 'handover.declined', completion.actor, { from: pending.from, to: pending.to, reason });
      await activities().alertLeads({
        key: `${workflowId}/handover/${requestId}/declined`,
        type: 'handover.declined',
        agencies: [pending.from],
        caseId: input.caseId,
        data: { from: pending.from, to: pending.to },
      });
      await settle(pending, { requestId, status: 'declined', owner: state.ownerAgency, by: completion.actor, reason });
    }
    const [next, ...rest] = state.handoverQueue ?? [];
    state.handoverQueue = rest;
    if (next) steps.unshift({ kind: 'handover', request: next });
  }

  function setTovholder(tovholder: Tovholder | null, by: string, reason: string): Promise<Tovholder | null> {
    return position.during('tovholder', () => writeTovholder(tovholder, by, reason));
  }

  async function writeTovholder(tovholder: Tovholder | null, by: string, reason: string): Promise<Tovholder | null> {
    const from = state.tovholder?.username ?? '';
    state.tovholder = tovholder;
    await activities().setTovholder({ caseId: input.caseId, tovholder: tovholder && { username: tovholder.username, since: tovholder.since } });
    await event(`tovholder/${runId}/${stepCount}`, 'tovholder.changed', by, { from, to: tovholder?.username ?? '', reason });
    if (tovholder) {
      await activities().alertUser({
        key: `${workflowId}/tovholder/${runId}/${stepCount}`,
        username: tovholder.username,
        type: 'tovholder.assigned',
        caseId: input.caseId,
        data: { username: tovholder.username },
      });
    }
    return tovholder;
  }

  async function assignTovholder(by: string, exclude: string[], reason: string): Promise<Tovholder | null> {
    const assigned = await activities().assignCoordinator({ caseId: input.caseId, exclude });
    if (!assigned.username || !assigned.agency) {
      await activities().alertLeads({
        key: `${workflowId}/tovholder/${runId}/${stepCount}/none`,
        type: 'tovholder.unassigned',
        agencies: policy.coordinatorAgencies,
        caseId: input.caseId,
        data: { username: '' },
      });
      return setTovholder(null, by, `${reason}; nobody eligible`);
    }
    if (assigned.username === state.tovholder?.username) return state.tovholder;
    return setTovholder({ username: assigned.username, agency: assigned.agency, since: new Date().toISOString() }, by, reason);
  }

  async function reassess(notification: CaseNotification): Promise<void> {
    state.reassessments++;
    const { username } = await activities().pickFreshCaseworker({ caseId: input.caseId, agency: 'AUTHORITY' });
    await event(`reassessment/${notification.notificationId}`, 'reassessment.requested', 'system', {
      notificationId: notification.notificationId,
      assignee: username ?? '',
    });
    if (!username) {
      // Nobody in the agency is new to the case: the lead must find someone (BL §137 stk. 1).
      await activities().alertLeads({
        key: `${workflowId}/reassessment/${notification.notificationId}/no-fresh-caseworker`,
        type: 'reassessment.no-fresh-caseworker',
        agencies: ['AUTHORITY'],
        caseId: input.caseId,
        data: { notificationId: notification.notificationId },
      });
    }
    await position.enter('reassessment');
    await tasks.open(
      {
        kind: 'reassessment',
        caseId: input.caseId,
        processKind: 'case',
        step: 'reassessment',
        agency: 'AUTHORITY',
        assignee: username ?? undefined,
        dueAt: due.reassessment(new Date()).toISOString(),
      },
      { occurrence: notification.notificationId, purpose: { reassessment: notification.notificationId } },
    );
  }

  async function contributed(task: OpenTask, completion: TaskCompletion): Promise<void> {
    const { agency } = task.request;
    await position.leave('contribution');
    await event(`involvement/${task.purpose!.involvement}/contributed`, 'involvement.contributed', completion.actor, { agency });
    if (task.purpose?.replyTo) {
      const result = { requestId: task.purpose.involvement, status: 'contributed' as const, taskId: task.id, by: completion.actor, at: completion.completedAt };
      await tellProcess(task.purpose.replyTo, result);
    }
    // Whoever asked hears that it is in.
    if (task.purpose?.requestedBy) {
      await activities().alertUser({
        key: `${workflowId}/involvement/${task.purpose.involvement}/contributed`,
        username: task.purpose.requestedBy,
        type: 'contribution.received',
        caseId: input.caseId,
        taskId: task.id,
        data: { agency },
      });
    }
  }

  /** The receiving agency's lead has the escalated task; the side waiting for it must know too. */
  async function overdue(task: OpenTask): Promise<void> {
    const pending = state.pendingHandover;
    if (task.purpose?.handover && pending?.requestId === task.purpose.handover) {
      await activities().alertLeads({
        key: `${workflowId}/handover/${pending.requestId}/overdue`,
        type: 'handover.overdue',
        agencies: [pending.from],
        caseId: input.caseId,
        taskId: task.id,
        data: { from: pending.from, to: pending.to },
      });
    }
    if (task.purpose?.involvement) {
      await activities().alertLeads({
        key: `${workflowId}/involvement/${task.purpose.involvement}/overdue`,
        type: 'contribution.overdue',
        agencies: [state.ownerAgency],
        caseId: input.caseId,
        taskId: task.id,
        data: { agency: task.request.agency },
      });
    }
  }

  /** The child receives support: a measure is open (BL §137 stk. 1 asks for fresh eyes then). */
  function supported(): boolean {
    return state.openMeasures.length > 0 || (state.processes ?? []).some((p) => p.kind === 'preventive-measure');
  }

  /** Answers the process that asked for a contribution; one that ended meanwhile waits for nothing. */
  function tellProcess(workflowId: string, result: InvolvementResult): Promise<void> {
    return getExternalWorkflowHandle(workflowId)
      .signal(involvementSettledSignal, result)
      .catch(() => undefined);
  }

  async function involve(request: InvolvementRequest): Promise<{ taskId: string } | undefined> {
    const known = involved(request.requestId);
    if (known) return known;
    // Checked again now: a hand-over accepted since the request arrived may have made that agency the owner.
    const problem = handoverProblem(state.ownerAgency, request.agency, 'agency');
    if (problem && request.replyTo) {
      await tellProcess(request.replyTo, { requestId: request.requestId, status: 'refused', reason: problem });
      return undefined;
    }
    refuseInvolvement(request.agency);
    const dueAt = request.dueAt ?? due.involvement(new Date()).toISOString();
    await position.enter('contribution');
    const purpose = { involvement: request.requestId, requestedBy: request.requestedBy, ...(request.replyTo ? { replyTo: request.replyTo } : {}) };
    const taskId = await tasks.open(
      { kind: 'contribution', caseId: input.caseId, processKind: 'case', step: 'contribution', agency: request.agency, dueAt },
      { occurrence: request.requestId, purpose },
    );
    state.recentInvolvements = [...(state.recentInvolvements ?? []), { requestId: request.requestId, taskId }].slice(-RECENT_REQUESTS);
    await event(`involvement/${request.requestId}/requested`, 'involvement.requested', request.requestedBy, { agency: request.agency, what: request.what });
    return { taskId };
  }

  async function run(step: Step): Promise<unknown> {
    switch (step.kind) {
      case 'handover':
        return handover(step.request, step.answer !== undefined);
      case 'task-completed': {
        const { purpose } = step.task;
        if (purpose?.handover) return answerHandover(purpose.handover, step.completion);
        if (purpose?.involvement) return contributed(step.task, step.completion);
        if (purpose?.reassessment) await position.leave('reassessment');
        return event(`task/${step.task.id}/completed`, `${step.task.request.kind}.completed`, step.completion.actor);
      }
      case 'task-overdue':
        return overdue(step.task);
      case 'owner-changed-by-process':
        if (state.ownerAgency === step.agency) return undefined;
        return changeOwner(step.agency, step.reason, `${runId}/${stepCount}`, 'system');
      case 'tovholder': {
        if (!step.username) return assignTovholder(step.by, [], 'assigned by caseload');
        if (step.username === state.tovholder?.username) return state.tovholder;
        const { agency } = await activities().coordinatorCandidate({ username: step.username });
        if (!agency) {
          throw ApplicationFailure.create({
            type: CaseFailure.invalidTovholder,
            message: `username must name an active member of an agency the policy lets be tovholder (${policy.coordinatorAgencies.join(', ')})`,
            details: [{ field: 'username', rules: ['tovholder'] }],
          });
        }
        return setTovholder({ username: step.username, agency, since: new Date().toISOString() }, step.by, 'chosen by a lead');
      }
      case 'staff-left':
        if (state.tovholder?.username !== step.username) return undefined;
        return assignTovholder('system', [step.username], `${step.username} left`);
      case 'involve':
        return involve(step.request);
      case 'investigation-ended':
        // Each measure that ran alongside it knows whether it was the one it waited for.
        return Promise.all(
          (state.processes ?? [])
            .filter((p) => p.kind === 'preventive-measure')
            .map((p) =>
              getExternalWorkflowHandle(p.workflowId)
                .signal(investigationEndedSignal, { workflowId: step.workflowId, endedAt: step.endedAt })
                .catch(() => undefined),
            ),
        );
      case 'reassess':
        return supported() ? reassess(step.notification) : undefined;
      case 'measure':
        return position.during('measure', async () => {
          state.openMeasures.push({ measureId: step.request.measureId, kind: step.request.kind });
          await activities().recordMeasure({ ...step.request, caseId: input.caseId, at: new Date().toISOString() });
          await event(`measure/${step.request.measureId}`, 'measure.recorded', step.request.decidedBy, { kind: step.request.kind });
          return state;
        });
    }
  }

  /** A step that cannot proceed (an activity failed for good): alert an operator, mark the case, go on with the next. */
  async function stuck(step: Step, error: unknown): Promise<void> {
    state.stuck = true;
    upsertSearchAttributes([{ key: SearchAttributeKeys.stuck, value: true }]);
    const key = `stuck/${runId}/${stepCount}`;
    const data = { step: step.kind, errorType: failureType(error) };
    try {
      await activities().alertLeads({ key: `${workflowId}/${key}`, type: 'process.stuck', agencies: [state.ownerAgency], admins: true, caseId: input.caseId, data });
      await event(key, 'process.stuck', 'system', data);
    } catch {
      // The alert could not be stored either: `Stuck` in Temporal Web is what is left.
    }
  }

  const mayContinueAsNew = () => historyIsLong(input.continueAsNewAfterEvents) && tasks.idle && allHandlersFinished();
  if (!carried.position) await position.started();
  for (;;) {
    await condition(() => steps.length > 0 || mayContinueAsNew());
    const step = steps.shift();
    if (!step) break;
    stepCount++;
    const answer = 'answer' in step ? step.answer : undefined;
    try {
      const value = await run(step);
      if (answer) Object.assign(answer, { value, done: true });
    } catch (error) {
      // A bug in this code fails the workflow task, to be retried once fixed; a refusal of ours
      // answers the request; an activity that failed for good leaves the step stuck.
      if (!(error instanceof TemporalFailure)) throw error;
      if (!isRefusal(error)) await stuck(step, error);
      if (answer) Object.assign(answer, { error, done: true });
    }
  }
  return { ...input, policyValues: policy, state: { ...state, openTasks: tasks.carried, position: position.carried } };
}
