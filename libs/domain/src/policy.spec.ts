import {
  definePolicy,
  type Duration,
  followUpDueAt,
  formatDuration,
  type MeasureKind,
  mayEndLaterThan,
  POLICIES,
  type PolicyDeadlines,
  type PolicyName,
  type PolicyOwnDeadlines,
  type PolicyProfile,
} from './policy';

describe('shipped policies', () => {
  const names = Object.keys(POLICIES) as PolicyName[];

  it('ships the profiles of DOMAIN.md', () => {
    expect(names).toEqual(['legal', 'hvidovre', 'aalborg', 'haderslev', 'herlev', 'skanderborg']);
  });

  it.each(names)('%s loads, is named after its key and passes definePolicy again', (name) => {
    const policy = POLICIES[name];
    expect(policy.name).toBe(name);
    expect(definePolicy(policy)).toEqual(policy);
    expect(Object.isFrozen(policy.deadlines)).toBe(true);
  });

  it('has the legal floor', () => {
    expect(POLICIES.legal).toEqual({
      name: 'legal',
      caseloadCap: 30,
      reminderLeadHours: 48,
      coordinatorAgencies: ['AUTHORITY'],
      deadlines: {
        triage: { hours: 24 },
        receiptWorkingDays: 6,
        investigation: { months: 4 },
        plan: { months: 3 },
        preventiveFirstFollowUp: { months: 3 },
        placementFirstFollowUp: { months: 3 },
        supervisionVisitsPerYear: 2,
      },
      followUpCadence: {
        preventive: { interval: { months: 6 }, justification: 'Old SEL §70 practice: a follow-up at least every 6 months after the first' },
        placement: { interval: { months: 6 }, justification: 'Old SEL §70 practice: a follow-up at least every 6 months after the first' },
      },
      ownDeadlines: {
        handoverWorkingDays: 2,
        feedbackWorkingDays: 6,
        childConversation: { days: 7 },
        acuteAction: { hours: 2 },
        reassessment: { days: 14 },
        involvementWorkingDays: 10,
        investigationSteps: { months: 3 },
        preliminaryAssessment: { days: 14 },
        overdueInvestigationAlert: { weeks: 2 },
      },
      practices: expect.objectContaining({ familyGroupConference: false, methods: [] }),
      kpis: {},
    });
  });

  it.each<[PolicyName, string, unknown]>([
    ['hvidovre', 'caseloadCap', 20],
    ['hvidovre', 'reminderLeadHours', 48],
    ['hvidovre', 'deadlines.preventiveFirstFollowUp', { weeks: 4 }],
    ['hvidovre', 'followUpCadence.preventive.interval', { months: 2 }],
    ['hvidovre', 'deadlines.placementFirstFollowUp', { weeks: 4 }],
    ['hvidovre', 'followUpCadence.placement.interval', { weeks: 6 }],
    ['hvidovre', 'ownDeadlines.handoverWorkingDays', 2],
    ['hvidovre', 'deadlines.returnHomeAssessment', { months: 6 }],
    ['hvidovre', 'deadlines.investigation', { months: 4 }],
    ['hvidovre', 'kpis.under6NotificationShare', 0.6],
    ['aalborg', 'coordinatorAgencies', ['AUTHORITY', 'JOBCENTER_UNG']],
    ['aalborg', 'practices.methods', ['signs-of-safety']],
    ['aalborg', 'practices.coordinatorForEvery16Plus', true],
    ['haderslev', 'practices.familyGroupConference', true],
    ['haderslev', 'practices.kinPlacementFirst', true],
    ['herlev', 'practices.methods', ['open-dialogue', 'fit-feedback']],
    ['skanderborg', 'practices.systematicStepReview', true],
    ['skanderborg', 'caseloadCap', 30],
  ])('%s has %s = %j', (name, path, expected) => {
    const value = path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], POLICIES[name]);
    expect(value).toEqual(expected);
  });

  it('cannot be changed by accident (shared by every case)', () => {
    expect(() => {
      (POLICIES.legal.deadlines.plan as { months: number }).months = 9;
    }).toThrow(TypeError);
    expect(POLICIES.hvidovre.deadlines.plan).toEqual({ months: 3 });
  });
});

describe('definePolicy', () => {
  it.each<[string, Partial<PolicyDeadlines>, string]>([
    ['triage', { triage: { hours: 25 } }, 'deadlines.triage: 25 hours is later than the legal 24 hours'],
    ['triage in days', { triage: { days: 1 } }, 'deadlines.triage: 1 day may be later than the legal 24 hours'],
    ['receiptWorkingDays', { receiptWorkingDays: 7 }, 'deadlines.receiptWorkingDays: 7 working days is later than the legal 6 working days'],
    ['investigation', { investigation: { months: 5 } }, 'deadlines.investigation: 5 months is later than the legal 4 months'],
    ['investigation in weeks', { investigation: { weeks: 17 } }, 'deadlines.investigation: 17 weeks may be later than the legal 4 months'],
    ['plan', { plan: { months: 4 } }, 'deadlines.plan: 4 months is later than the legal 3 months'],
    ['preventiveFirstFollowUp', { preventiveFirstFollowUp: { days: 85 } }, 'deadlines.preventiveFirstFollowUp: 85 days may be later than the legal 3 months'],
    ['placementFirstFollowUp', { placementFirstFollowUp: { weeks: 13 } }, 'deadlines.placementFirstFollowUp: 13 weeks may be later than the legal 3 months'],
    ['supervisionVisitsPerYear', { supervisionVisitsPerYear: 1 }, 'deadlines.supervisionVisitsPerYear: 1 visit per year is fewer than the legal 2 visits per year'],
  ])('refuses a profile loosening %s, naming the profile and the rule', (_rule, deadlines, message) => {
    expect(() => definePolicy({ name: 'lenient', deadlines })).toThrow(`Policy "lenient" loosens ${message}`);
  });

  it('names every loosened rule at once', () => {
    expect(() => definePolicy({ name: 'lenient', deadlines: { investigation: { months: 5 }, supervisionVisitsPerYear: 1 } })).toThrow(
      'Policy "lenient" loosens deadlines.investigation: 5 months is later than the legal 4 months; ' +
        'loosens deadlines.supervisionVisitsPerYear: 1 visit per year is fewer than the legal 2 visits per year',
    );
  });

  it.each<[string, Partial<PolicyDeadlines>]>([
    ['the legal deadlines restated', { investigation: { months: 4 }, receiptWorkingDays: 6, supervisionVisitsPerYear: 2 }],
    ['a shorter triage', { triage: { hours: 12 } }],
    ['receipt in 3 working days', { receiptWorkingDays: 3 }],
    ['16 weeks for an investigation (112 days, the shortest 4 months)', { investigation: { weeks: 16 } }],
    ['84 days for a first follow-up (the shortest 3 months)', { placementFirstFollowUp: { days: 84 } }],
    ['a plan in 2 months', { plan: { months: 2 } }],
    ['more supervision visits', { supervisionVisitsPerYear: 4 }],
    ['a rule the law does not have', { returnHomeAssessment: { months: 6 } }],
    ['an explicit undefined (the legal rule stays)', { plan: undefined }],
  ])('allows tightening: %s', (_label, deadlines) => {
    const policy = definePolicy({ name: 'strict', deadlines });
    expect(policy.deadlines).toEqual({ ...POLICIES.legal.deadlines, ...Object.fromEntries(Object.entries(deadlines).filter(([, v]) => v !== undefined)) });
  });

  it.each<[string, object, string]>([
    ['a zero duration', { deadlines: { plan: { months: 0 } } }, 'deadlines.plan: a duration is one whole number > 0 of hours, days, weeks or months, got {"months":0}'],
    ['two units', { deadlines: { plan: { months: 1, weeks: 2 } } }, 'deadlines.plan: a duration is one whole number > 0'],
    ['a fractional month', { deadlines: { plan: { months: 2.5 } } }, 'deadlines.plan: a duration is one whole number > 0'],
    ['a misspelt rule', { deadlines: { investigaton: { months: 5 } } }, 'deadlines.investigaton is not a known rule'],
    ['the cadence as a legal deadline', { deadlines: { placementFollowUpInterval: { months: 6 } } }, 'deadlines.placementFollowUpInterval is not a known rule'],
    ['a cadence without reasons', { followUpCadence: { placement: { interval: { weeks: 6 } } } }, 'followUpCadence.placement.justification must say why this cadence: BL §95 has the municipality decide and justify it'],
    ['a cadence with blank reasons', { followUpCadence: { placement: { interval: { weeks: 6 }, justification: ' ' } } }, 'followUpCadence.placement.justification must say why'],
    ['a cadence without an interval', { followUpCadence: { preventive: { justification: 'why' } } }, 'followUpCadence.preventive.interval: a duration is one whole number > 0 of hours, days, weeks or months, got undefined'],
    ['a bare duration as the cadence', { followUpCadence: { preventive: { months: 2 } } }, 'followUpCadence.preventive.interval: a duration is one whole number > 0'],
    ['a cadence of an unknown measure', { followUpCadence: { supervision: { interval: { months: 6 }, justification: 'why' } } }, 'followUpCadence.supervision is not a known measure'],
    ['a misspelt own deadline', { ownDeadlines: { handover: 2 } }, 'ownDeadlines.handover is not a known rule'],
    ['working days as a duration', { ownDeadlines: { involvementWorkingDays: { days: 10 } } }, 'ownDeadlines.involvementWorkingDays must be a whole number > 0, got {"days":10}'],
    ['zero working days', { ownDeadlines: { handoverWorkingDays: 0 } }, 'ownDeadlines.handoverWorkingDays must be a whole number > 0, got 0'],
    ['a duration as a count', { ownDeadlines: { acuteAction: 2 } }, 'ownDeadlines.acuteAction: a duration is one whole number > 0 of hours, days, weeks or months, got 2'],
    ['a fractional duration', { ownDeadlines: { reassessment: { days: 0.5 } } }, 'ownDeadlines.reassessment: a duration is one whole number > 0'],
    ['a fractional count', { deadlines: { receiptWorkingDays: 5.5 } }, 'deadlines.receiptWorkingDays must be a whole number > 0, got 5.5'],
    ['a cap of zero', { caseloadCap: 0 }, 'caseloadCap must be a whole number > 0, got 0'],
    ['a negative lead time', { reminderLeadHours: -1 }, 'reminderLeadHours must be a number ≥ 0, got -1'],
    ['no coordinator agency', { coordinatorAgencies: [] }, 'coordinatorAgencies must name known agencies, got []'],
    ['an unknown agency', { coordinatorAgencies: ['SCHOOL'] }, 'coordinatorAgencies must name known agencies, got ["SCHOOL"]'],
    ['a share above 1', { kpis: { under6NotificationShare: 60 } }, 'kpis.under6NotificationShare must be a share in (0, 1], got 60'],
  ])('refuses a malformed profile: %s', (_label, profile, message) => {
    expect(() => definePolicy({ name: 'odd', ...profile } as Parameters<typeof definePolicy>[0])).toThrow(`Policy "odd" is malformed: ${message}`);
  });

  it.each<[string, PolicyProfile['followUpCadence']]>([
    ['longer than old SEL §70 practice', { placement: { interval: { months: 12 }, justification: 'Stable long-term placement; reviewed yearly' } }],
    ['shorter', { preventive: { interval: { weeks: 2 }, justification: 'Close follow-up of new families' } }],
  ])('takes a follow-up cadence %s with its justification: the law does not limit it', (_label, followUpCadence) => {
    const policy = definePolicy({ name: 'own', followUpCadence });
    expect(policy.followUpCadence).toEqual({ ...POLICIES.legal.followUpCadence, ...followUpCadence });
  });

  it.each<[string, Partial<PolicyOwnDeadlines>]>([
    ['a slower hand-over', { handoverWorkingDays: 5 }],
    ['a faster involvement', { involvementWorkingDays: 3 }],
    ['acute action in a day, the conversation in 2 weeks', { acuteAction: { days: 1 }, childConversation: { weeks: 2 } }],
    ['a re-assessment in a month', { reassessment: { months: 1 } }],
  ])('takes its own deadlines, not checked against the law: %s', (_label, ownDeadlines) => {
    const policy = definePolicy({ name: 'own', ownDeadlines });
    expect(policy.ownDeadlines).toEqual({ ...POLICIES.legal.ownDeadlines, ...ownDeadlines });
  });

  it('is plain JSON data (a workflow receives a copy in its input)', () => {
    for (const policy of Object.values(POLICIES)) expect(JSON.parse(JSON.stringify(policy))).toEqual(policy);
  });

  it('refuses a profile without a name', () => {
    expect(() => definePolicy({ name: ' ' })).toThrow('A policy needs a name');
  });

  it('does not freeze or share the caller’s objects', () => {
    const deadlines = { plan: { months: 2 } };
    const policy = definePolicy({ name: 'strict', deadlines });
    expect(Object.isFrozen(deadlines.plan)).toBe(false);
    expect(policy.deadlines.plan).not.toBe(deadlines.plan);
  });
});

describe('durations', () => {
  it.each<[Duration, Duration, boolean, boolean]>([
    // candidate, limit, later, exact
    [{ months: 4 }, { months: 4 }, false, true],
    [{ months: 5 }, { months: 4 }, true, true],
    [{ weeks: 2 }, { days: 14 }, false, true],
    [{ days: 15 }, { weeks: 2 }, true, true],
    [{ weeks: 12 }, { months: 3 }, false, false], // 84 ≤ 3 × 28
    [{ weeks: 13 }, { months: 3 }, true, false], // 91 > 3 × 28
    [{ months: 2 }, { weeks: 9 }, false, false], // at most 62 ≤ 63 days
    [{ months: 2 }, { weeks: 8 }, true, false], // up to 62 > 56 days
    [{ hours: 23 }, { days: 1 }, false, false], // a day is at least 23 hours
    [{ hours: 24 }, { days: 1 }, true, false], // but 24 hours can outlast the 23-hour spring-forward day
    [{ days: 1 }, { hours: 25 }, false, false],
    [{ hours: 48 }, { hours: 24 }, true, true],
  ])('%j may end later than %j: %s (exact %s)', (candidate, limit, later, exact) => {
    expect(mayEndLaterThan(candidate, limit)).toEqual({ later, exact });
  });

  it.each<[Duration, string]>([
    [{ hours: 24 }, '24 hours'],
    [{ days: 1 }, '1 day'],
    [{ weeks: 1 }, '1 week'],
    [{ months: 4 }, '4 months'],
  ])('formats %j as %s', (duration, text) => {
    expect(formatDuration(duration)).toBe(text);
  });
});

describe('followUpDueAt (BL §95)', () => {
  const at = (iso?: string) => (iso === undefined ? undefined : new Date(iso));
  it.each<[string, PolicyName, MeasureKind, [string, string?, string?], string]>([
    // label, profile, measure, [decidedAt, investigationEndsAt, previousFollowUpAt], due
    ['first: 3 months after the decision (10:00 CET → 10:00 CEST)', 'legal', 'preventive', ['2025-01-15T09:00:00Z'], '2025-04-15T08:00:00.000Z'],
    ['first: sooner when a running investigation ends first', 'legal', 'preventive', ['2025-01-15T09:00:00Z', '2025-03-01T11:00:00Z'], '2025-03-01T11:00:00.000Z'],
    ['first: an investigation ending after the 3 months does not delay it', 'legal', 'placement', ['2025-01-15T09:00:00Z', '2025-05-01T11:00:00Z'], '2025-04-15T08:00:00.000Z'],
    ['first: an investigation ended before the decision does not count', 'legal', 'preventive', ['2025-01-15T09:00:00Z', '2025-01-10T11:00:00Z'], '2025-04-15T08:00:00.000Z'],
    ['next: 6 months after the previous follow-up (old SEL §70 practice)', 'legal', 'preventive', ['2025-01-15T09:00:00Z', undefined, '2025-04-10T08:00:00Z'], '2025-10-10T08:00:00.000Z'],
    ['next: from a previous follow-up, whatever the investigation', 'legal', 'preventive', ['2025-01-15T09:00:00Z', '2025-05-01T11:00:00Z', '2025-04-10T08:00:00Z'], '2025-10-10T08:00:00.000Z'],
    ['next: 31 August + 6 months is 28 February', 'legal', 'placement', ['2025-03-01T09:00:00Z', undefined, '2025-08-31T08:00:00Z'], '2026-02-28T09:00:00.000Z'],
    ['Hvidovre placement, first: 4 weeks, 10:00 local across the spring change', 'hvidovre', 'placement', ['2025-03-03T09:00:00Z'], '2025-03-31T08:00:00.000Z'],
    ['Hvidovre placement, first: sooner when the investigation ends', 'hvidovre', 'placement', ['2025-03-03T09:00:00Z', '2025-03-20T12:00:00Z'], '2025-03-20T12:00:00.000Z'],
    ['Hvidovre placement, next: every 6 weeks', 'hvidovre', 'placement', ['2025-03-03T09:00:00Z', undefined, '2025-03-31T08:00:00Z'], '2025-05-12T08:00:00.000Z'],
    ['Hvidovre preventive, next: every 2 months', 'hvidovre', 'preventive', ['2025-03-03T09:00:00Z', undefined, '2025-03-31T08:00:00Z'], '2025-05-31T08:00:00.000Z'],
  ])('%s', (_label, name, measure, [decidedAt, investigationEndsAt, previousFollowUpAt], due) => {
    const dates = { decidedAt: new Date(decidedAt), investigationEndsAt: at(investigationEndsAt), previousFollowUpAt: at(previousFollowUpAt) };
    expect(followUpDueAt(POLICIES[name], measure, dates).toISOString()).toBe(due);
  });
});
