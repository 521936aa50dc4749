import {
  conclusionProblem,
  INVESTIGATION_MAP,
  investigationDeadlines,
  investigationDueAt,
  networkMappingProblem,
  parentInvolvementProblem,
} from './investigation';
import { POLICIES } from './policy';
import { mapProblems } from './process-map';

describe('investigationDueAt (4 months, BL §20 stk. 3)', () => {
  it.each([
    // Aware 31 January (CET); 31 May is in summer time: 23:59:59.999 CEST = 21:59:59.999Z
    ['near a month end, into summer time', '2026-01-31T09:00:00Z', '2026-05-31T21:59:59.999Z'],
    // Aware 31 October 2026 (CET: the clocks went back on 25 October); February 2027 has 28 days
    ['at a month end, into a shorter month', '2026-10-31T11:00:00Z', '2027-02-28T22:59:59.999Z'],
    ['at a month end, into a leap February', '2027-10-31T11:00:00Z', '2028-02-29T22:59:59.999Z'],
    ['on 30 November, across the turn of the year', '2026-11-30T10:00:00Z', '2027-03-30T21:59:59.999Z'],
    // Aware in summer time (CEST), due in winter time (CET): 23:59:59.999 CET = 22:59:59.999Z
    ['across the clocks going back', '2026-07-10T08:00:00Z', '2026-11-10T22:59:59.999Z'],
    // Aware on the day the clocks go forward (Sun 2026-03-29), at 01:30 CET = 00:30Z
    ['on the day the clocks go forward', '2026-03-29T00:30:00Z', '2026-07-29T21:59:59.999Z'],
    // 23:30Z on 30 November is 00:30 on 1 December in Copenhagen: counted from 1 December
    ['just after midnight Copenhagen time on the last day of a month (UTC)', '2026-11-30T23:30:00Z', '2027-04-01T21:59:59.999Z'],
  ])('%s: aware %s → due %s', (_label, aware, due) => {
    expect(investigationDueAt(new Date(aware)).toISOString()).toBe(due);
    expect(investigationDeadlines(POLICIES.legal).conclusion(new Date(aware)).toISOString()).toBe(due);
  });

  it('takes a stricter duration from a policy', () => {
    expect(investigationDueAt(new Date('2026-01-31T09:00:00Z'), { months: 3 }).toISOString()).toBe('2026-04-30T21:59:59.999Z');
    expect(investigationDueAt(new Date('2026-01-31T09:00:00Z'), { weeks: 12 }).toISOString()).toBe('2026-04-25T21:59:59.999Z');
  });
});

describe('investigationDeadlines', () => {
  const deadlines = investigationDeadlines(POLICIES.legal);
  it.each([
    ['3 months after the start, at the end of that day', '2026-02-10T09:00:00Z', '2026-06-10T21:59:59.999Z', '2026-05-10T21:59:59.999Z'],
    ['never after the conclusion (an investigation started late)', '2026-04-01T09:00:00Z', '2026-05-31T21:59:59.999Z', '2026-05-31T21:59:59.999Z'],
  ])('the steps are due %s', (_label, startedAt, conclusion, steps) => {
    expect(deadlines.steps(new Date(startedAt), new Date(conclusion)).toISOString()).toBe(steps);
  });

  it('gives the preliminary assessment 14 days from the deadline and alerts the lead again every 2 weeks', () => {
    const deadline = new Date('2026-05-31T21:59:59.999Z');
    expect(deadlines.preliminaryAssessment(deadline).toISOString()).toBe('2026-06-14T21:59:59.999Z');
    expect(deadlines.nextOverdueAlert(deadline).toISOString()).toBe('2026-06-14T21:59:59.999Z');
  });
});

describe('conclusionProblem', () => {
  const complete = { decision: 'no-support', conclusion: 'ingen støtte' };
  it.each([
    ['every required step done', POLICIES.legal, [], complete, undefined],
    ['the child conversation open', POLICIES.legal, ['child-conversation'], complete, 'Børnesamtale (child-conversation)'],
    ['two steps open, each named', POLICIES.legal, ['siblings', 'ppr-assessment'], complete, 'Søskende overvejet (siblings), PPR-vurdering (ppr-assessment)'],
    ['Aalborg without Signs of Safety', POLICIES.aalborg, [], complete, 'outcome.worries is required'],
    ['Aalborg with one answer blank', POLICIES.aalborg, [], { ...complete, worries: 'x', strengths: ' ', nextSteps: 'y' }, 'outcome.strengths is required'],
    ['Aalborg with the three answers', POLICIES.aalborg, [], { ...complete, worries: 'x', strengths: 'y', nextSteps: 'z' }, undefined],
    ['Herlev, another method, without them', POLICIES.herlev, [], complete, undefined],
  ])('%s', (_label, policy, open, outcome, problem) => {
    const found = conclusionProblem(policy, open, outcome);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found?.message).toContain(problem);
  });
});

describe('the steps’ own rules', () => {
  it.each([
    ['legal: no conference offered', 'legal', { familyGroupConferenceOffered: false }, false],
    ['Haderslev: none offered', 'haderslev', { familyGroupConferenceOffered: false }, true],
    ['Haderslev: offered', 'haderslev', { familyGroupConferenceOffered: true, familyAnswer: 'declined' }, false],
  ] as const)('network mapping, %s', (_label, policy, outcome, refused) => {
    expect(networkMappingProblem(POLICIES[policy], outcome)?.field === 'outcome.familyGroupConferenceOffered').toBe(refused);
  });

  const on = new Date('2026-11-23T10:00:00Z');
  it.each([
    ['a child of 14 without a view of their own', '2012-11-24', {}, false],
    ['a young person of 15 without their view', '2011-11-23', {}, true],
    ['a young person of 15 with their view', '2011-11-23', { youngPersonView: 'vil bo hos far' }, false],
    ['an unknown birth date', undefined, {}, false],
  ])('parent involvement, %s', (_label, bornOn, outcome, refused) => {
    expect(parentInvolvementProblem(bornOn, on, outcome)?.field === 'outcome.youngPersonView').toBe(refused);
  });

  it('has a well-formed map', () => {
    expect(mapProblems(INVESTIGATION_MAP)).toEqual([]);
  });
});
