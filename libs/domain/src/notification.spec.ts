import { notificationDeadlines, notifierGetsLetters, receivingAgency, triageDecisionProblem } from './notification';
import { definePolicy, POLICIES, type PolicyProfile } from './policy';

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

describe('notificationDeadlines', () => {
  const legal = notificationDeadlines(POLICIES.legal);
  const strict = notificationDeadlines(
    definePolicy({ name: 'strict', deadlines: { triage: { hours: 12 }, receiptWorkingDays: 3 } } as PolicyProfile),
  );
  const at = (iso: string) => new Date(iso);

  it.each([
    ['legal triage: 24 hours', legal.triage(at('2025-03-03T08:00:00Z'), false), '2025-03-04T08:00:00.000Z'],
    ['legal triage, acute: 2 hours', legal.triage(at('2025-03-03T08:00:00Z'), true), '2025-03-03T10:00:00.000Z'],
    ['a stricter profile: 12 hours', strict.triage(at('2025-03-03T08:00:00Z'), false), '2025-03-03T20:00:00.000Z'],
    ['legal receipt: 6 working days, end of day', legal.receipt(at('2025-03-03T08:00:00Z')), '2025-03-11T22:59:59.999Z'],
    ['a stricter profile: 3 working days', strict.receipt(at('2025-03-03T08:00:00Z')), '2025-03-06T22:59:59.999Z'],
    ['hand-over: 2 working days over a weekend', legal.handover(at('2025-03-07T08:00:00Z')), '2025-03-11T22:59:59.999Z'],
    ['feedback: 6 working days', legal.feedback(at('2025-03-03T08:00:00Z')), '2025-03-11T22:59:59.999Z'],
    ['acute action: 2 hours', legal.acuteAction(at('2025-03-03T08:00:00Z')), '2025-03-03T10:00:00.000Z'],
    ['conversation with the child: 7 days', legal.childConversation(at('2025-03-03T08:00:00Z')), '2025-03-10T08:00:00.000Z'],
    ['re-assessment: 14 days', legal.reassessment(at('2025-03-03T08:00:00Z')), '2025-03-17T08:00:00.000Z'],
  ])('%s', (_label, actual, expected) => {
    expect(actual.toISOString()).toBe(expected);
  });
});
