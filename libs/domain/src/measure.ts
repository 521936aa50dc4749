import { ageOn } from './cpr';
import type { OutcomeProblem } from './notification';
import { addDuration, type Duration, formatDuration, mayEndLaterThan, type Policy } from './policy';
import type { ProcessMap } from './process-map';
import { copenhagenDate, endOfDayCopenhagen } from './working-days';

/*
 * The preventive measure (forebyggende foranstaltning, BL §32) and its follow-up (BL §95): the
 * steps of the intervention staircase (indsatstrappe), the child's plan and the rules a follow-up
 * must meet, as pure functions the workflow and the API share.
 */

/** Preventive measures, from the least intrusive step of the indsatstrappe to the most. */
export const MEASURE_TYPES = ['network-group', 'mentor', 'contact-person', 'practical-support', 'family-treatment', 'respite-care', 'day-treatment', 'family-stay'] as const;
export type MeasureType = (typeof MEASURE_TYPES)[number];

/** Each measure type's Danish name (the case page, letters). */
export const MEASURE_TYPE_NAMES_DA: Record<MeasureType, string> = {
  'network-group': 'Netværks- eller samtalegruppe',
  mentor: 'Mentor',
  'contact-person': 'Kontaktperson',
  'practical-support': 'Praktisk pædagogisk støtte i hjemmet',
  'family-treatment': 'Familiebehandling',
  'respite-care': 'Aflastning',
  'day-treatment': 'Dagbehandling',
  'family-stay': 'Døgnophold for hele familien',
};

/** What a follow-up decides about the measure on the indsatstrappe. */
export const FOLLOW_UP_DECISIONS = ['continue', 'step-down', 'step-up', 'end'] as const;
export type FollowUpDecision = (typeof FOLLOW_UP_DECISIONS)[number];

/** Children of this age or older take part in their own plan (barnets plan, BL §91). */
export const CHILD_PLAN_PARTICIPATION_AGE = 4;

/** The child's plan is due the policy's time after the decision (BL §91: 3 months), at the end of that day. */
export function childPlanDueAt(policy: Policy, decidedAt: Date): Date {
  return endOfDayCopenhagen(copenhagenDate(addDuration(decidedAt, policy.deadlines.plan)));
}

/** A child of 4 or more takes part in the plan, and the outcome says how. */
export function childPlanProblem(childBornOn: string | undefined, on: Date, outcome: Record<string, unknown>): OutcomeProblem | undefined {
  if (childBornOn && ageOn(childBornOn, on) >= CHILD_PLAN_PARTICIPATION_AGE && !isText(outcome.childParticipation)) {
    return {
      field: 'outcome.childParticipation',
      message: `outcome.childParticipation is required: a child aged ${CHILD_PLAN_PARTICIPATION_AGE} or more takes part in the plan (BL §91)`,
    };
  }
  return undefined;
}

/** The cadence a follow-up decided (`cadenceInterval` and `cadenceUnit`), if it gave one. */
export function chosenCadence(outcome: Record<string, unknown>): Duration | undefined {
  const { cadenceInterval: count, cadenceUnit: unit } = outcome;
  if (typeof count !== 'number' || (unit !== 'weeks' && unit !== 'months')) return undefined;
  return unit === 'weeks' ? { weeks: count } : { months: count };
}

/**
 * What a follow-up must say beyond its schema: a step up or down names a new type; the first one,
 * unless it ends the measure, decides the cadence of the next and says why (BL §95), never looser
 * than the municipality's profile.
 */
export function followUpProblem(
  policy: Policy,
  context: { currentType: MeasureType; first: boolean },
  outcome: Record<string, unknown>,
): OutcomeProblem | undefined {
  const { decision } = outcome;
  if ((decision === 'step-down' || decision === 'step-up') && outcome.measureType === context.currentType) {
    return { field: 'outcome.measureType', message: `outcome.measureType must be another type than the current (${context.currentType}) to step ${decision === 'step-up' ? 'up' : 'down'}` };
  }
  if (!context.first || decision === 'end') return undefined;
  const cadence = chosenCadence(outcome);
  if (!cadence) {
    return { field: 'outcome.cadenceInterval', message: 'outcome.cadenceInterval and outcome.cadenceUnit are required at the first follow-up: the municipality decides the cadence of the next ones (BL §95)' };
  }
  if (!isText(outcome.cadenceJustification)) {
    return { field: 'outcome.cadenceJustification', message: 'outcome.cadenceJustification is required at the first follow-up: the cadence must be justified (BL §95)' };
  }
  const limit = policy.followUpCadence.preventive.interval;
  if (mayEndLaterThan(cadence, limit).later) {
    return {
      field: 'outcome.cadenceInterval',
      message: `outcome.cadenceInterval: every ${formatDuration(cadence)} is looser than the municipality's every ${formatDuration(limit)}`,
    };
  }
  return undefined;
}

function isText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/** The preventive measure (forebyggende foranstaltning), as `workflows/measure` runs it. */
export const MEASURE_MAP: ProcessMap = {
  kind: 'preventive-measure',
  name: 'Forebyggende foranstaltning',
  nodes: [
    { id: 'decided', type: 'start', name: 'Foranstaltning besluttet' },
    { id: 'begin', type: 'parallelGateway', name: 'Plan og opfølgning' },
    {
      id: 'child-plan',
      type: 'userTask',
      name: 'Barnets plan',
      performer: 'AUTHORITY',
      taskKind: 'child-plan',
      deadline: { label: '3 måneder', rule: 'BL §91; politik: deadlines.plan' },
    },
    { id: 'plan-made', type: 'end', name: 'Planen er lagt' },
    {
      id: 'follow-up',
      type: 'userTask',
      name: 'Opfølgning på foranstaltningen',
      performer: 'AUTHORITY',
      taskKind: 'measure-follow-up',
      deadline: { label: 'første: 3 måneder, så kadencen', rule: 'BL §95; politik: deadlines.preventiveFirstFollowUp og followUpCadence.preventive' },
    },
    { id: 'review', type: 'exclusiveGateway', name: 'Indsatstrappen' },
    { id: 'change-type', type: 'serviceTask', name: 'Registrér ny indsats', performer: 'AUTHORITY' },
    { id: 'ended', type: 'end', name: 'Foranstaltning afsluttet' },
  ],
  flows: [
    { from: 'decided', to: 'begin' },
    { from: 'begin', to: 'child-plan' },
    { from: 'begin', to: 'follow-up' },
    { from: 'child-plan', to: 'plan-made' },
    { from: 'follow-up', to: 'review' },
    { from: 'review', to: 'follow-up', condition: 'fortsæt' },
    { from: 'review', to: 'change-type', condition: 'trin ned eller op' },
    { from: 'review', to: 'ended', condition: 'afslut' },
    { from: 'change-type', to: 'follow-up' },
  ],
};
