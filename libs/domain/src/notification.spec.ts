import { investigationRequired, notificationDeadlines, notifierGetsLetters, receivingAgency, type TriageDecision, triageDecisionProblem } from './notification';
import { definePolicy, POLICIES, type PolicyProfile } from './policy';

describe('triageDecisionProblem', () => {
  it.each([
    [{ abuse: false }, { decision: 'close' }, undefined],
    [{ abuse: false }, { decision: 'advice' }, undefined],
    [{ abuse: false }, { decision: 'investigation' }, undefined],
    [{ abuse: false }, { decision: 'acute' }, undefined],
    [{ abuse: false }, { decision: 'advisory-team', consent: true }, undefined],
    [{ abuse: true }, { decision: 'investigation' }, undefined],
    [{ abuse: true }, { decision: 'acute' }, undefined], // abuse and acute danger: act now, investigate after
    [{ abuse: false }, { decision: 'advisory-team' }, 'outcome.consent'],
    [{ abuse: false }, { decision: 'advisory-team', consent: 'yes' }, 'outcome.consent'],
    [{ abuse: true }, { decision: 'close' }, 'outcome.decision'],
    [{ abuse: true }, { decision: 'advice' }, 'outcome.decision'],
    [{ abuse: true }, { decision: 'advisory-team', consent: true }, 'outcome.decision'],
    [{ abuse: false }, { decision: 'ignore' }, 'outcome.decision'],
    [{ abuse: false }, {}, 'outcome.decision'],
  ])('%j triaged as %j → problem with %s', (notification, outcome, field) => {
    expect(triageDecisionProblem(notification, outcome)?.field).toBe(field);
  });

  it('explains the abuse rule', () => {
    expect(triageDecisionProblem({ abuse: true }, { decision: 'close' })?.message).toBe(
      'outcome.decision must be "investigation" or "acute" for a notification about abuse (BL §20 stk. 1)',
    );
  });
});

describe('investigationRequired', () => {
  it.each<[boolean, TriageDecision, boolean]>([
    [false, 'investigation', true],
    [true, 'investigation', true],
    [true, 'acute', true], // abuse: the investigation is mandatory after the acute action (BL §20 stk. 1)
    [false, 'acute', false], // the authority decides on an investigation after acting
    [false, 'close', false],
    [false, 'advice', false],
    [false, 'advisory-team', false],
  ])('abuse %s, decided %s → %s', (abuse, decision, expected) => {
    expect(investigationRequired({ abuse }, decision)).toBe(expected);
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
  const own = notificationDeadlines(
    definePolicy({
      name: 'own',
      ownDeadlines: {
        handoverWorkingDays: 1,
        feedbackWorkingDays: 3,
        involvementWorkingDays: 5,
        acuteAction: { hours: 4 },
        childConversation: { days: 3 },
        reassessment: { weeks: 1 },
      },
    }),
  );
  // Acute action slower than triage must not loosen the legal 24 hours of an acute notification.
  const slowAcute = notificationDeadlines(definePolicy({ name: 'slow', ownDeadlines: { acuteAction: { days: 2 } } }));
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
    ['involvement: 10 working days', legal.involvement(at('2025-03-03T08:00:00Z')), '2025-03-17T22:59:59.999Z'],
    ['involvement: 10 working days over Easter (Thu 17 to Mon 21 April off)', legal.involvement(at('2025-04-14T08:00:00Z')), '2025-05-01T21:59:59.999Z'],
    ['conversation with the child: 7 calendar days, 09:00 local across the spring change', legal.childConversation(at('2025-03-28T08:00:00Z')), '2025-04-04T07:00:00.000Z'],
    ['re-assessment: 14 calendar days, 09:00 local across the autumn change', legal.reassessment(at('2025-10-20T07:00:00Z')), '2025-11-03T08:00:00.000Z'],
    ['acute action: 2 hours elapsed across the spring change', legal.acuteAction(at('2025-03-30T00:30:00Z')), '2025-03-30T02:30:00.000Z'],
    ['a profile’s own hand-over: 1 working day', own.handover(at('2025-03-07T08:00:00Z')), '2025-03-10T22:59:59.999Z'],
    ['a profile’s own feedback: 3 working days', own.feedback(at('2025-03-03T08:00:00Z')), '2025-03-06T22:59:59.999Z'],
    ['a profile’s own involvement: 5 working days', own.involvement(at('2025-03-03T08:00:00Z')), '2025-03-10T22:59:59.999Z'],
    ['a profile’s own acute action: 4 hours', own.acuteAction(at('2025-03-03T08:00:00Z')), '2025-03-03T12:00:00.000Z'],
    ['a profile’s own acute triage: 4 hours', own.triage(at('2025-03-03T08:00:00Z'), true), '2025-03-03T12:00:00.000Z'],
    ['a profile’s own conversation with the child: 3 days', own.childConversation(at('2025-03-03T08:00:00Z')), '2025-03-06T08:00:00.000Z'],
    ['a profile’s own re-assessment: 1 week', own.reassessment(at('2025-03-03T08:00:00Z')), '2025-03-10T08:00:00.000Z'],
    ['acute triage never later than the triage deadline', slowAcute.triage(at('2025-03-03T08:00:00Z'), true), '2025-03-04T08:00:00.000Z'],
  ])('%s', (_label, actual, expected) => {
    expect(actual.toISOString()).toBe(expected);
  });
});
