import type { OutcomeProblem } from './notification';
import { addDuration, type Duration, type Policy } from './policy';
import type { ProcessMap } from './process-map';
import { copenhagenDate, endOfDayCopenhagen } from './working-days';
import { ageOn } from './cpr';

/*
 * The child welfare investigation (børnefaglig undersøgelse, BL §§20–22): its deadline, its steps
 * and the rules its conclusion must meet, as pure functions the workflow and the API share.
 */

/** What an investigation concludes (BL §20; DOMAIN.md "Outcomes"). */
export const INVESTIGATION_DECISIONS = ['no-support', 'preventive-measure', 'placement'] as const;
export type InvestigationDecision = (typeof INVESTIGATION_DECISIONS)[number];

/** A young person of this age or older takes part in the investigation with the parents (BL §20). */
export const YOUNG_PERSON_AGE = 15;

/**
 * When an investigation must be concluded: the end of the Copenhagen day `duration` after the
 * municipality became aware that the child may need support (BL §20 stk. 3: 4 months). A month
 * step keeps the day of the month or takes the month's last day (31 October + 4 months = 28
 * February). A profile may give a shorter duration.
 */
export function investigationDueAt(awareSince: Date, duration: Duration = { months: 4 }): Date {
  return endOfDayCopenhagen(copenhagenDate(addDuration(awareSince, duration)));
}

/** The deadlines of an investigation under a policy: one place, used by the workflow and the API. */
export function investigationDeadlines(policy: Policy) {
  const own = policy.ownDeadlines;
  return {
    conclusion: (awareSince: Date) => investigationDueAt(awareSince, policy.deadlines.investigation),
    /** The steps are due the policy's time after the start, and never after the conclusion. */
    steps: (startedAt: Date, conclusionDueAt: Date) => {
      const steps = endOfDayCopenhagen(copenhagenDate(addDuration(startedAt, own.investigationSteps)));
      return steps.getTime() < conclusionDueAt.getTime() ? steps : conclusionDueAt;
    },
    preliminaryAssessment: (deadline: Date) => endOfDayCopenhagen(copenhagenDate(addDuration(deadline, own.preliminaryAssessment))),
    nextOverdueAlert: (previous: Date) => addDuration(previous, own.overdueInvestigationAlert),
  };
}

/** The steps an investigation always takes before it may conclude, by their step id on its map. */
export const REQUIRED_INVESTIGATION_STEPS = ['child-conversation', 'parent-involvement', 'network-mapping', 'professional-statements', 'siblings'] as const;
/** Steps taken when the professional statements show a need for them; once opened, also required. */
export const CONDITIONAL_INVESTIGATION_STEPS = ['ppr-assessment', 'health-examination'] as const;
export type InvestigationStep = (typeof REQUIRED_INVESTIGATION_STEPS)[number] | (typeof CONDITIONAL_INVESTIGATION_STEPS)[number];

/**
 * Why the conclusion cannot be recorded: a step still open (each one named), or, where the
 * municipality works with Signs of Safety (Aalborg), one of its three answers missing.
 */
export function conclusionProblem(policy: Policy, openSteps: readonly string[], outcome: Record<string, unknown>): OutcomeProblem | undefined {
  if (openSteps.length > 0) {
    const named = openSteps.map((step) => `${stepName(step)} (${step})`).join(', ');
    return { field: 'outcome.decision', message: `The investigation cannot conclude while a required step is open: ${named}` };
  }
  if (policy.practices.methods.includes('signs-of-safety')) {
    for (const [field, question] of SIGNS_OF_SAFETY) {
      if (!isText(outcome[field])) {
        return { field: `outcome.${field}`, message: `outcome.${field} is required: the municipality works with Signs of Safety (${question})` };
      }
    }
  }
  return undefined;
}

/** The three questions of Signs of Safety, as the conclusion's fields. */
export const SIGNS_OF_SAFETY = [
  ['worries', 'Hvad er vi bekymrede for?'],
  ['strengths', 'Hvad fungerer godt?'],
  ['nextSteps', 'Hvad skal der ske?'],
] as const;

/** A municipality whose core method is the family group conference (Haderslev) offers one in every investigation. */
export function networkMappingProblem(policy: Policy, outcome: Record<string, unknown>): OutcomeProblem | undefined {
  if (policy.practices.familyGroupConference && outcome.familyGroupConferenceOffered !== true) {
    return {
      field: 'outcome.familyGroupConferenceOffered',
      message: 'outcome.familyGroupConferenceOffered must be true: the municipality offers every family a family group conference (familierådslagning)',
    };
  }
  return undefined;
}

/** A young person aged 15 or more is involved with the parents, and their view recorded (BL §20). */
export function parentInvolvementProblem(childBornOn: string | undefined, on: Date, outcome: Record<string, unknown>): OutcomeProblem | undefined {
  if (childBornOn && ageOn(childBornOn, on) >= YOUNG_PERSON_AGE && !isText(outcome.youngPersonView)) {
    return { field: 'outcome.youngPersonView', message: `outcome.youngPersonView is required: the young person is ${YOUNG_PERSON_AGE} or older and takes part (BL §20)` };
  }
  return undefined;
}

function isText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

function stepName(step: string): string {
  return INVESTIGATION_MAP.nodes.find((node) => node.id === step)?.name ?? step;
}

const stepsDeadline = { label: '3 måneder', rule: 'politik: ownDeadlines.investigationSteps' };

/** The investigation (børnefaglig undersøgelse), as `workflows/investigation` runs it. */
export const INVESTIGATION_MAP: ProcessMap = {
  kind: 'investigation',
  name: 'Børnefaglig undersøgelse',
  nodes: [
    { id: 'started', type: 'start', name: 'Undersøgelse startet' },
    { id: 'begin', type: 'parallelGateway', name: 'Undersøgelsens dele' },
    { id: 'child-conversation', type: 'userTask', name: 'Børnesamtale', performer: 'AUTHORITY', taskKind: 'investigation-child-conversation', deadline: stepsDeadline },
    { id: 'parent-involvement', type: 'userTask', name: 'Inddragelse af forældre og den unge', performer: 'AUTHORITY', taskKind: 'parent-involvement', deadline: stepsDeadline },
    { id: 'network-mapping', type: 'userTask', name: 'Netværkskortlægning og familierådslagning', performer: 'AUTHORITY', taskKind: 'network-mapping', deadline: stepsDeadline },
    { id: 'professional-statements', type: 'userTask', name: 'Udtalelser fra fagpersoner', performer: 'AUTHORITY', taskKind: 'professional-statements', deadline: stepsDeadline },
    { id: 'siblings', type: 'userTask', name: 'Søskende overvejet', performer: 'AUTHORITY', taskKind: 'siblings-considered', deadline: stepsDeadline },
    { id: 'after-statements', type: 'parallelGateway', name: 'Efter udtalelserne' },
    { id: 'schooling-needs', type: 'exclusiveGateway', name: 'Skolemæssige behov?' },
    {
      id: 'ppr-assessment',
      type: 'userTask',
      name: 'PPR-vurdering',
      performer: 'PPR',
      taskKind: 'contribution',
      deadline: { label: '10 hverdage', rule: 'BL §22 stk. 4; politik: ownDeadlines.involvementWorkingDays' },
    },
    { id: 'health-needed', type: 'exclusiveGateway', name: 'Helbredsundersøgelse?' },
    { id: 'health-examination', type: 'userTask', name: 'Helbredsundersøgelse', performer: 'AUTHORITY', taskKind: 'health-examination', deadline: stepsDeadline },
    { id: 'deadline-passed', type: 'exclusiveGateway', name: 'Fristen nået uden konklusion?' },
    {
      id: 'preliminary-assessment',
      type: 'userTask',
      name: 'Foreløbig vurdering',
      performer: 'AUTHORITY',
      taskKind: 'preliminary-assessment',
      deadline: { label: '14 dage', rule: 'BL §20 stk. 3; politik: ownDeadlines.preliminaryAssessment' },
    },
    {
      id: 'conclusion',
      type: 'userTask',
      name: 'Konklusion på undersøgelsen',
      performer: 'AUTHORITY',
      taskKind: 'investigation-conclusion',
      deadline: { label: '4 måneder', rule: 'BL §20 stk. 3; politik: deadlines.investigation' },
    },
    { id: 'concluded', type: 'parallelGateway', name: 'Undersøgelsen konkluderet' },
    { id: 'decision', type: 'exclusiveGateway', name: 'Afgørelse' },
    { id: 'start-measure', type: 'serviceTask', name: 'Start forebyggende foranstaltning', performer: 'AUTHORITY' },
    { id: 'placement-preparation', type: 'userTask', name: 'Forbered anbringelse', performer: 'AUTHORITY', taskKind: 'placement-preparation' },
    { id: 'close-case', type: 'serviceTask', name: 'Luk sagen, hvis intet andet er åbent', performer: 'AUTHORITY' },
    { id: 'letter-needed', type: 'exclusiveGateway', name: 'Fagperson underrettede?' },
    {
      id: 'send-outcome',
      type: 'userTask',
      name: 'Send besked om undersøgelsens udfald til underretter',
      performer: 'RECEPTION',
      taskKind: 'send-outcome',
      deadline: { label: '6 hverdage', rule: 'SEL §155 b stk. 2; politik: ownDeadlines.feedbackWorkingDays' },
    },
    { id: 'done', type: 'end', name: 'Undersøgelse afsluttet' },
  ],
  flows: [
    { from: 'started', to: 'begin' },
    ...(['child-conversation', 'parent-involvement', 'network-mapping', 'professional-statements', 'siblings', 'conclusion', 'deadline-passed'] as const).map(
      (to) => ({ from: 'begin', to }),
    ),
    { from: 'professional-statements', to: 'after-statements' },
    { from: 'after-statements', to: 'schooling-needs' },
    { from: 'after-statements', to: 'health-needed' },
    { from: 'schooling-needs', to: 'ppr-assessment', condition: 'skolemæssige behov' },
    { from: 'schooling-needs', to: 'concluded', condition: 'ellers' },
    { from: 'health-needed', to: 'health-examination', condition: 'behov for helbredsundersøgelse' },
    { from: 'health-needed', to: 'concluded', condition: 'ellers' },
    ...(['child-conversation', 'parent-involvement', 'network-mapping', 'siblings', 'ppr-assessment', 'health-examination', 'conclusion'] as const).map(
      (from) => ({ from, to: 'concluded' }),
    ),
    { from: 'deadline-passed', to: 'preliminary-assessment', condition: 'fristen nået' },
    { from: 'deadline-passed', to: 'concluded', condition: 'ellers' },
    { from: 'preliminary-assessment', to: 'concluded' },
    { from: 'concluded', to: 'decision' },
    { from: 'decision', to: 'start-measure', condition: 'forebyggende foranstaltning' },
    { from: 'decision', to: 'placement-preparation', condition: 'anbringelse' },
    { from: 'decision', to: 'close-case', condition: 'ingen støtte' },
    { from: 'start-measure', to: 'letter-needed' },
    { from: 'placement-preparation', to: 'letter-needed' },
    { from: 'close-case', to: 'letter-needed' },
    { from: 'letter-needed', to: 'send-outcome', condition: 'fagperson' },
    { from: 'letter-needed', to: 'done', condition: 'ellers' },
    { from: 'send-outcome', to: 'done' },
  ],
};
