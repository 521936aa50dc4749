import { notifierGetsLetters, receivingAgency, triageDecisionProblem } from './notification';

describe('triageDecisionProblem', () => {
  it.each([
    [{ abuse: false }, { decision: 'close' }, undefined],
    [{ abuse: false }, { decision: 'advice' }, undefined],
    [{ abuse: false }, { decision: 'investigation' }, undefined],
    [{ abuse: false }, { decision: 'acute' }, undefined],
    [{ abuse: false }, { decision: 'advisory-team', consent: true }, undefined],
    [{ abuse: true }, { decision: 'investigation' }, undefined],
    [{ abuse: false }, { decision: 'advisory-team' }, 'outcome.consent'],
    [{ abuse: false }, { decision: 'advisory-team', consent: 'yes' }, 'outcome.consent'],
    [{ abuse: true }, { decision: 'close' }, 'outcome.decision'],
    [{ abuse: true }, { decision: 'advice' }, 'outcome.decision'],
    [{ abuse: true }, { decision: 'acute' }, 'outcome.decision'],
    [{ abuse: false }, { decision: 'ignore' }, 'outcome.decision'],
    [{ abuse: false }, {}, 'outcome.decision'],
  ])('%j triaged as %j → problem with %s', (notification, outcome, field) => {
    expect(triageDecisionProblem(notification, outcome)?.field).toBe(field);
  });

  it('explains the abuse rule', () => {
    expect(triageDecisionProblem({ abuse: true }, { decision: 'close' })?.message).toContain('abuse');
  });
});

describe('receivingAgency', () => {
  it.each([
    ['close', undefined],
    ['advice', undefined],
    ['advisory-team', 'ADVISORY_TEAM'],
    ['investigation', 'AUTHORITY'],
    ['acute', 'AUTHORITY'],
  ] as const)('%s → %s', (decision, agency) => expect(receivingAgency(decision)).toBe(agency));
});

describe('notifierGetsLetters', () => {
  it.each([
    ['professional', true],
    ['citizen', false],
    ['anonymous', false],
    ['child', false],
  ])('%s → %s', (source, expected) => expect(notifierGetsLetters(source)).toBe(expected));
});
