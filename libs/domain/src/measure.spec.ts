import { childPlanDueAt, childPlanProblem, chosenCadence, followUpProblem, MEASURE_MAP } from './measure';
import { POLICIES } from './policy';
import { conformanceProblems, mapProblems } from './process-map';

describe('the child’s plan (BL §91)', () => {
  it.each([
    ['3 months after the decision, at the end of that day', '2026-01-31T09:00:00Z', '2026-04-30T21:59:59.999Z'],
    ['across the clocks going back', '2026-08-15T09:00:00Z', '2026-11-15T22:59:59.999Z'],
  ])('is due %s', (_label, decidedAt, due) => {
    expect(childPlanDueAt(POLICIES.legal, new Date(decidedAt)).toISOString()).toBe(due);
  });

  const on = new Date('2026-11-23T10:00:00Z');
  it.each([
    ['a child of 3 needs no part of their own recorded', '2023-01-01', {}, false],
    ['a child of 4 takes part', '2022-11-23', {}, true],
    ['a child of 4 who took part', '2022-11-23', { childParticipation: 'tegnede sin dag' }, false],
  ])('%s', (_label, bornOn, outcome, refused) => {
    expect(childPlanProblem(bornOn, on, outcome)?.field === 'outcome.childParticipation').toBe(refused);
  });
});

describe('followUpProblem (BL §95, the indsatstrappe)', () => {
  const why = { cadenceJustification: 'stabil familie' };
  it.each([
    ['a later follow-up needs no cadence', 'hvidovre', false, { decision: 'continue', reason: 'r' }, undefined],
    ['the first one decides the cadence', 'hvidovre', true, { decision: 'continue', reason: 'r' }, 'outcome.cadenceInterval'],
    ['and says why', 'hvidovre', true, { decision: 'continue', reason: 'r', cadenceInterval: 2, cadenceUnit: 'months' }, 'outcome.cadenceJustification'],
    ['Hvidovre: every 2 months', 'hvidovre', true, { decision: 'continue', reason: 'r', cadenceInterval: 2, cadenceUnit: 'months', ...why }, undefined],
    ['Hvidovre: every 8 weeks (never more than 2 months)', 'hvidovre', true, { decision: 'continue', reason: 'r', cadenceInterval: 8, cadenceUnit: 'weeks', ...why }, undefined],
    ['Hvidovre: every 9 weeks is looser', 'hvidovre', true, { decision: 'continue', reason: 'r', cadenceInterval: 9, cadenceUnit: 'weeks', ...why }, 'looser than'],
    ['Hvidovre: every 3 months is looser', 'hvidovre', true, { decision: 'step-up', reason: 'r', measureType: 'day-treatment', cadenceInterval: 3, cadenceUnit: 'months', ...why }, 'looser than'],
    ['legal: every 6 months', 'legal', true, { decision: 'continue', reason: 'r', cadenceInterval: 6, cadenceUnit: 'months', ...why }, undefined],
    ['ending at the first needs no cadence', 'legal', true, { decision: 'end', reason: 'r' }, undefined],
    ['a step to the same type', 'legal', false, { decision: 'step-down', reason: 'r', measureType: 'family-treatment' }, 'another type than the current'],
    ['a step to another type', 'legal', false, { decision: 'step-down', reason: 'r', measureType: 'mentor' }, undefined],
  ] as const)('%s', (_label, policy, first, outcome, problem) => {
    const found = followUpProblem(POLICIES[policy], { currentType: 'family-treatment', first }, outcome);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found?.message).toContain(problem);
  });

  it('reads the cadence from the outcome', () => {
    expect(chosenCadence({ cadenceInterval: 4, cadenceUnit: 'weeks' })).toEqual({ weeks: 4 });
    expect(chosenCadence({ cadenceInterval: 2, cadenceUnit: 'months' })).toEqual({ months: 2 });
    expect(chosenCadence({ cadenceInterval: 2, cadenceUnit: 'days' })).toBeUndefined();
  });
});

describe('the measure’s map', () => {
  it('is well formed, and a measure followed up again and again, stepped down and ended follows it', () => {
    expect(mapProblems(MEASURE_MAP)).toEqual([]);
    expect(conformanceProblems(MEASURE_MAP, ['child-plan', 'follow-up', 'follow-up', 'change-type', 'follow-up', 'ended'])).toEqual([]);
  });
});
