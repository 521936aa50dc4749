import {
  allHandlersFinished,
  CancellationScope,
  condition,
  getExternalWorkflowHandle,
  isCancellation,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  type Agency,
  childPlanDueAt,
  conclusionProblem,
  copenhagenDate,
  INVESTIGATION_MAP,
  type InvestigationDecision,
  investigationDeadlines,
  type InvestigationStep,
  type MeasureType,
  millisUntil,
  networkMappingProblem,
  notificationDeadlines,
  parentInvolvementProblem,
  REQUIRED_INVESTIGATION_STEPS,
  type TaskKind,
} from '@sagsflow/domain';
import {
  type InvestigationProcessState,
  investigationStateQuery,
  type InvestigationWorkflowInput,
  involvementRequestedSignal,
  type InvolvementResult,
  involvementSettledSignal,
  type TaskCompletion,
} from '@sagsflow/temporal/shared';
import { activities } from '../shared/activities';
import { HumanTasks, type OutcomeRule } from '../shared/human-tasks';
import { policyOf } from '../shared/policy';
import { ProcessPosition } from '../shared/process-position';
import { caseTimeline, followCaseOwner, runProcess } from '../shared/process';

/**
 * The child welfare investigation (børnefaglig undersøgelse, BL §§20–22), from its start to its
 * conclusion and what follows from it:
 * - the steps (the child, the parents and a young person 15+, the network and a family group
 *   conference, the professionals, the siblings) are tasks for the caseworker; schooling needs ask
 *   the case workflow to involve PPR (a task for PPR, never a hand-over), a health need adds an
 *   examination;
 * - the conclusion task is open from the start, due at the deadline frozen into the input (4 months
 *   by law), and refused while a required step is open;
 * - at the deadline without a conclusion, the lead is alerted and the caseworker makes a preliminary
 *   assessment (BL §20 stk. 3); the lead is alerted again on the policy's cadence until it concludes;
 * - the conclusion starts a preventive measure, a placement's preparation, or closes the case when
 *   nothing else is open; a professional notifier is told whether it led to support (SEL §155 b).
 */
export async function investigationWorkflow(input: InvestigationWorkflowInput): Promise<InvestigationProcessState> {
  const { workflowId } = workflowInfo();
  const policy = policyOf(input);
  const tasks = new HumanTasks(policy);
  const position = new ProcessPosition(INVESTIGATION_MAP, input.caseId);
  const deadlines = investigationDeadlines(policy);
  const dueAt = new Date(input.dueAt);
  const stepsDueAt = deadlines.steps(new Date(), dueAt).toISOString();
  /** Required steps not done; the conclusion is refused while any is open. */
  const open = new Set<InvestigationStep>(REQUIRED_INVESTIGATION_STEPS);
  const state: InvestigationProcessState = { dueAt: input.dueAt, openSteps: [], overdue: false };
  let concluded = false;
  setHandler(investigationStateQuery, () => ({ ...state, openSteps: [...open] }));

  const caseOwner = followCaseOwner('AUTHORITY');
  const pprRequestId = `${workflowId}/ppr-assessment`;
  let ppr: InvolvementResult | undefined;
  setHandler(involvementSettledSignal, (result) => {
    if (result.requestId === pprRequestId) ppr = result;
  });

  const event = caseTimeline(input.caseId);
  const request = (kind: TaskKind, step: string, due: string, agency: Agency = 'AUTHORITY') => ({
    kind,
    step,
    caseId: input.caseId,
    processKind: 'investigation' as const,
    agency,
    assignee: agency === 'AUTHORITY' ? input.caseworker : undefined,
    dueAt: due,
  });

  /** A step of the investigation: a task for the caseworker, done once its outcome is stored; `then` runs before the step counts as done. */
  function step(id: InvestigationStep, kind: TaskKind, rule?: OutcomeRule, then?: (done: TaskCompletion) => void): Promise<TaskCompletion> {
    open.add(id);
    return position.during(id, async () => {
      const done = await tasks.perform(request(kind, id, stepsDueAt), { rule });
      // In the same activation as the completion: a conclusion can never slip in between.
      then?.(done);
      open.delete(id);
      await event(`step/${id}`, 'investigation.step-done', done.actor, { step: id });
      return done;
    });
  }

  /** PPR's assessment through the case workflow (BL §22 stk. 4): PPR gets a task, the owner stays. */
  async function pprAssessment(requestedBy: string): Promise<void> {
    await position.during('ppr-assessment', async () => {
      await getExternalWorkflowHandle(input.caseWorkflowId).signal(involvementRequestedSignal, {
        requestId: pprRequestId,
        agency: 'PPR',
        what: 'PPR-vurdering i børnefaglig undersøgelse (BL §22 stk. 4)',
        requestedBy,
        replyTo: workflowId,
      });
      await condition(() => ppr !== undefined);
    });
    open.delete('ppr-assessment');
    if (ppr!.status === 'refused') await event('ppr-assessment/refused', 'investigation.ppr-refused', 'system', { reason: ppr!.reason ?? '' });
  }

  async function statements(): Promise<void> {
    const done = await step('professional-statements', 'professional-statements', undefined, ({ outcome }) => {
      // Opened with the statements' completion, so the conclusion waits for them too.
      if (outcome.schoolingNeeds === true) open.add('ppr-assessment');
      if (outcome.healthExaminationNeeded === true) open.add('health-examination');
    });
    await Promise.all([
      open.has('ppr-assessment') ? pprAssessment(done.actor) : undefined,
      open.has('health-examination') ? step('health-examination', 'health-examination') : undefined,
    ]);
  }

  /** At the deadline without a conclusion: the lead is alerted, a preliminary assessment asked for, and the lead alerted again on the policy's cadence. */
  async function watchDeadline(): Promise<void> {
    if (await condition(() => concluded, millisUntil(dueAt, new Date()))) return;
    state.overdue = true;
    const alert = (n: number) =>
      activities().alertLeads({
        key: `${workflowId}/overdue/${n}`,
        type: 'investigation.overdue',
        agencies: ['AUTHORITY'],
        caseId: input.caseId,
        data: { dueAt: input.dueAt },
      });
    await alert(0);
    const preliminaryDueAt = deadlines.preliminaryAssessment(dueAt).toISOString();
    await activities().recordInvestigation({ investigationId: input.investigationId, preliminaryAssessmentDueAt: preliminaryDueAt });
    await position.enter('preliminary-assessment');
    const taskId = await tasks.open(request('preliminary-assessment', 'preliminary-assessment', preliminaryDueAt));
    const repeat = async () => {
      for (let n = 1, last = dueAt; ; n++) {
        const next = deadlines.nextOverdueAlert(last);
        if (await condition(() => concluded, millisUntil(next, new Date()))) return;
        await alert(n);
        last = next;
      }
    };
    const assessment = async () => {
      await condition(() => tasks.completionOf(taskId) !== undefined || concluded);
      // Concluded first: the preliminary assessment is moot.
      if (!tasks.completionOf(taskId)) await tasks.cancel('the investigation concluded', [taskId]);
      await position.leave('preliminary-assessment');
    };
    await Promise.all([repeat(), assessment()]);
  }

  async function decide(decision: InvestigationDecision, conclusion: TaskCompletion): Promise<void> {
    const { outcome, actor } = conclusion;
    if (decision === 'preventive-measure') {
      await position.during('start-measure', async () => {
        const measure = await activities().openMeasure({
          key: `${workflowId}/measure`,
          caseId: input.caseId,
          type: outcome.measureType as MeasureType,
          goal: String(outcome.goal),
          startsOn: copenhagenDate(new Date()),
          decidedBy: actor,
          investigationId: input.investigationId,
        });
        state.measureId = measure.id;
      });
    } else if (decision === 'placement') {
      // Until the placement process exists: the authority prepares it, within the plan's deadline (BL §91).
      const due = childPlanDueAt(policy, new Date()).toISOString();
      await position.during('placement-preparation', () => tasks.perform(request('placement-preparation', 'placement-preparation', due)));
    } else {
      await position.during('close-case', () => activities().closeCaseIfIdle({ caseId: input.caseId, by: actor, exceptWorkflowId: workflowId }));
    }
  }

  /** Whether the notification led to support, to the professional who notified (SEL §155 b stk. 2). */
  async function tellNotifier(decision: InvestigationDecision): Promise<void> {
    if (!input.notifierGetsLetters || !input.notificationId) return;
    const due = notificationDeadlines(policy).feedback(new Date()).toISOString();
    await position.during('send-outcome', async () => {
      const letter = await activities().draftLetter({
        key: `${workflowId}/outcome`,
        notificationId: input.notificationId!,
        caseId: input.caseId,
        kind: 'outcome',
        dueAt: due,
        decision,
      });
      const sent = await tasks.perform(request('send-outcome', 'send-outcome', due, 'RECEPTION'));
      await activities().markLetterSent({ letterId: letter.id, by: sent.actor, at: sent.completedAt });
      await event('letter/outcome', 'letter.outcome.sent', sent.actor);
    });
  }

  async function run(): Promise<InvestigationProcessState> {
    const conclusionRule: OutcomeRule = (outcome) => conclusionProblem(policy, [...open], outcome);
    const conclusion = position.during('conclusion', () => tasks.perform(request('investigation-conclusion', 'conclusion', input.dueAt), { rule: conclusionRule }));
    const steps = Promise.all([
      step('child-conversation', 'investigation-child-conversation'),
      step('parent-involvement', 'parent-involvement', (outcome) => parentInvolvementProblem(input.childBornOn, new Date(), outcome)),
      step('network-mapping', 'network-mapping', (outcome) => networkMappingProblem(policy, outcome)),
      statements(),
      step('siblings', 'siblings-considered'),
    ]);
    const deadline = watchDeadline();
    const done = await conclusion;
    concluded = true;
    await Promise.all([steps, deadline]);

    const decision = done.outcome.decision as InvestigationDecision;
    Object.assign(state, { decision, concludedAt: done.completedAt, overdue: false });
    await activities().recordInvestigation({ investigationId: input.investigationId, status: 'concluded', decision, concludedAt: done.completedAt });
    await event('concluded', 'investigation.concluded', done.actor, { decision });
    await decide(decision, done);
    await tellNotifier(decision);
    await position.enter('done');
    await condition(allHandlersFinished);
    return state;
  }

  const context = { kind: 'investigation' as const, caseId: input.caseId, caseWorkflowId: input.caseWorkflowId, tasks, position };
  try {
    return await runProcess({ ...context, owner: caseOwner, step: () => position.view.active.join(',') || 'started' }, run);
  } catch (error) {
    // The case page shows the investigation as it ended; runProcess has alerted and told the case.
    const status = isCancellation(error) ? 'cancelled' : 'failed';
    await CancellationScope.nonCancellable(() => activities().recordInvestigation({ investigationId: input.investigationId, status }));
    throw error;
  }
}
