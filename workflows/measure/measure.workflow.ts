import { allHandlersFinished, ApplicationFailure, condition, continueAsNew, patched, setHandler } from '@temporalio/workflow';
import {
  childPlanDueAt,
  childPlanProblem,
  chosenCadence,
  type Duration,
  type FollowUpDecision,
  followUpDueAt,
  followUpProblem,
  MEASURE_MAP,
  type MeasureType,
} from '@sagsflow/domain';
import {
  investigationEndedSignal,
  type MeasureProcessState,
  measureStateQuery,
  type MeasureWorkflowInput,
  type TaskCompletion,
} from '@sagsflow/temporal/shared';
import { activities } from '../shared/activities';
import { HumanTasks } from '../shared/human-tasks';
import { MEASURE_CONTINUE_AS_NEW_PATCH } from '../shared/patches';
import { policyOf } from '../shared/policy';
import { ProcessPosition } from '../shared/process-position';
import { caseTimeline, followCaseOwner, historyIsLong, runProcess } from '../shared/process';

/**
 * A preventive measure (forebyggende foranstaltning, BL §32) from its decision to its end:
 * - the child's plan (barnets plan, BL §91) within the policy's window, with the child's part from age 4;
 * - the first follow-up (BL §95) within the policy's time (law: 3 months; Hvidovre: 4 weeks), or
 *   when an investigation running alongside ends, if sooner; it decides and justifies the cadence
 *   of the next ones, never looser than the profile;
 * - every follow-up reviews the measure on the indsatstrappe: continue, step down or up (a new
 *   type, the same process), or end.
 * It continues as new between two follow-ups once its history is long, so it can run for years.
 */
export async function measureWorkflow(input: MeasureWorkflowInput): Promise<MeasureProcessState> {
  const policy = policyOf(input);
  const { carried } = input;
  const tasks = new HumanTasks(policy);
  const position = new ProcessPosition(MEASURE_MAP, input.caseId, carried?.position);
  const decidedAt = new Date(input.decidedAt);
  const state: MeasureProcessState = carried?.state ?? {
    type: input.type,
    status: 'running',
    planDueAt: childPlanDueAt(policy, decidedAt).toISOString(),
    followUps: [],
  };
  setHandler(measureStateQuery, () => ({ ...state }));

  const caseOwner = followCaseOwner(carried?.owner ?? 'AUTHORITY');
  let investigationEndsAt: Date | undefined;
  setHandler(investigationEndedSignal, ({ workflowId: ended, endedAt }) => {
    if (ended === input.alongsideInvestigation) investigationEndsAt = new Date(endedAt);
  });

  const event = caseTimeline(input.caseId);
  const progress = (changes: Omit<Parameters<ReturnType<typeof activities>['recordMeasureProgress']>[0], 'measureId'>) =>
    activities().recordMeasureProgress({ measureId: input.measureId, ...changes });
  const request = (kind: 'child-plan' | 'measure-follow-up', step: string, dueAt: Date) => ({
    kind,
    step,
    caseId: input.caseId,
    processKind: 'preventive-measure' as const,
    agency: 'AUTHORITY' as const,
    dueAt: dueAt.toISOString(),
  });

  async function plan(): Promise<void> {
    const done = await position.during('child-plan', () =>
      tasks.perform(request('child-plan', 'child-plan', new Date(state.planDueAt)), {
        rule: (outcome) => childPlanProblem(input.childBornOn, new Date(), outcome),
      }),
    );
    state.planDoneAt = done.completedAt;
    await progress({ planDoneAt: done.completedAt });
    await event('plan', 'measure.plan-made', done.actor);
  }

  /** One follow-up: its task due when the rules say, moved earlier when an investigation alongside ends first. */
  async function followUp(n: number, previous: Date | undefined, cadence: Duration | undefined): Promise<TaskCompletion> {
    const first = previous === undefined;
    const dueAt = () => followUpDueAt(policy, 'preventive', { decidedAt, investigationEndsAt, previousFollowUpAt: previous }, cadence);
    return position.during('follow-up', async () => {
      for (let due = dueAt(); ; due = dueAt()) {
        state.nextFollowUpAt = due.toISOString();
        await progress({ nextFollowUpAt: state.nextFollowUpAt });
        const taskId = await tasks.open(request('measure-follow-up', 'follow-up', due), {
          occurrence: `${n}@${state.nextFollowUpAt}`,
          rule: (outcome) => followUpProblem(policy, { currentType: state.type, first }, outcome),
        });
        await condition(() => tasks.completionOf(taskId) !== undefined || dueAt().getTime() < due.getTime());
        const done = tasks.completionOf(taskId);
        if (done) return done;
        await tasks.cancel('an investigation alongside ended: the first follow-up is due now', [taskId]);
      }
    });
  }

  /** Between two follow-ups, with the plan made and no task open: a long history starts afresh. */
  let planOpen = !carried;
  async function continueIfLong(): Promise<void> {
    if (!historyIsLong(input.continueAsNewAfterEvents) || planOpen || !tasks.idle || tasks.outstanding.length > 0 || !allHandlersFinished()) return;
    if (!patched(MEASURE_CONTINUE_AS_NEW_PATCH)) return;
    await continueAsNew<typeof measureWorkflow>({ ...input, policyValues: policy, carried: { state, owner: caseOwner(), position: position.carried } });
  }

  async function followUps(): Promise<void> {
    const last = state.followUps.at(-1);
    let previous = last && new Date(last.at);
    let cadence: Duration | undefined = state.cadence;
    for (let n = state.followUps.length + 1; ; n++) {
      const done = await followUp(n, previous, cadence);
      const decision = done.outcome.decision as FollowUpDecision;
      if (previous === undefined && decision !== 'end') {
        cadence = chosenCadence(done.outcome);
        state.cadence = cadence as MeasureProcessState['cadence'];
      }
      previous = new Date(done.completedAt);
      state.followUps.push({ at: done.completedAt, decision, type: state.type });
      await event(`follow-up/${n}`, 'measure.followed-up', done.actor, { decision });
      if (decision === 'end') return;
      if (decision === 'step-down' || decision === 'step-up') {
        const from = state.type;
        state.type = done.outcome.measureType as MeasureType;
        await position.during('change-type', async () => {
          await progress({ type: state.type });
          await event(`follow-up/${n}/stepped`, 'measure.stepped', done.actor, { decision, from, to: state.type });
        });
      }
      await continueIfLong();
    }
  }

  async function run(): Promise<MeasureProcessState> {
    // A run that carries on from an earlier one has its plan behind it.
    if (!carried) await progress({ planDueAt: state.planDueAt });
    // The plan's task may still be open when a follow-up ends the measure: it is then cancelled.
    const planned = carried
      ? Promise.resolve()
      : plan()
          .catch((error: unknown) => {
            if (!(error instanceof ApplicationFailure && error.type === 'TaskCancelled')) throw error;
          })
          .finally(() => (planOpen = false));
    await followUps();
    await tasks.cancel('the measure ended');
    await planned;
    state.status = 'ended';
    delete state.nextFollowUpAt;
    await progress({ status: 'closed', closedAt: new Date().toISOString(), nextFollowUpAt: null });
    await event('ended', 'measure.ended', 'system', { type: state.type });
    await position.enter('ended');
    await condition(allHandlersFinished);
    return state;
  }

  const context = { kind: 'preventive-measure' as const, caseId: input.caseId, caseWorkflowId: input.caseWorkflowId, tasks, position };
  return runProcess({ ...context, owner: caseOwner, step: () => position.view.active.join(',') || 'decided' }, run);
}
