import { TASK_KINDS, type TaskKind } from './task-kind';
import { outcomeJsonSchema, outcomeProblems } from './task-outcome';

/** The problems as `field rule`, in order (the messages have their own table). */
const brief = (kind: TaskKind, outcome: unknown) => outcomeProblems(kind, outcome).map((p) => `${p.field} ${p.rules.join(',')}`);

describe('outcomeProblems', () => {
  it.each<[TaskKind, unknown]>([
    ['triage', { decision: 'close' }],
    ['triage', { decision: 'advisory-team', consent: true }],
    ['triage', { decision: 'investigation', consent: false, note: 'kept: extra fields pass' }],
    ['triage', { decision: 'advice', consent: null }],
    ['send-receipt', {}],
    ['send-feedback', { note: 'sent by post' }],
    ['accept-handover', { decision: 'accept' }],
    ['accept-handover', { decision: 'accept', reason: '' }],
    ['accept-handover', { decision: 'decline', reason: 'Not ours: the family moved' }],
    ['child-conversation', { heldOn: '2025-11-24', parentSuspected: false }],
    ['child-conversation', { heldOn: '2024-02-29', parentSuspected: true, withoutParentalConsent: true, parentsAbsent: true }],
    ['acute-action', { action: 'Placed with grandmother tonight' }],
    ['reassessment', { conclusion: 'Measure continues; new contact with school' }],
    ['contribution', { summary: 'PPR assessment: needs reading support' }],
  ])('%s accepts %j', (kind, outcome) => {
    expect(outcomeProblems(kind, outcome)).toEqual([]);
  });

  it.each<[TaskKind, unknown, string[]]>([
    ['triage', {}, ['outcome.decision required']],
    ['triage', { decision: '' }, ['outcome.decision required']],
    ['triage', { decision: null }, ['outcome.decision required']],
    ['triage', { decision: 'ignore' }, ['outcome.decision one-of']],
    ['triage', { decision: 'close', consent: 'yes' }, ['outcome.consent type']],
    ['triage', undefined, ['outcome type']],
    ['triage', ['close'], ['outcome type']],
    ['send-receipt', 'done', ['outcome type']],
    ['accept-handover', {}, ['outcome.decision required']],
    ['accept-handover', { decision: 'maybe' }, ['outcome.decision one-of']],
    ['accept-handover', { decision: 'decline' }, ['outcome.reason required']],
    ['accept-handover', { decision: 'decline', reason: '   ' }, ['outcome.reason required']],
    ['accept-handover', { decision: 'decline', reason: 42 }, ['outcome.reason type']],
    ['child-conversation', { parentSuspected: false }, ['outcome.heldOn required']],
    ['child-conversation', { heldOn: '2025-11-24' }, ['outcome.parentSuspected required']],
    ['child-conversation', { heldOn: '2025-11-24', parentSuspected: 'no' }, ['outcome.parentSuspected one-of']],
    ['child-conversation', { heldOn: '24-11-2025', parentSuspected: false }, ['outcome.heldOn date']],
    ['child-conversation', { heldOn: '2025-02-29', parentSuspected: false }, ['outcome.heldOn date']],
    ['child-conversation', { heldOn: '2025-11-24T10:00:00Z', parentSuspected: false }, ['outcome.heldOn date']],
    ['child-conversation', { heldOn: 20251124, parentSuspected: false }, ['outcome.heldOn type']],
    [
      'child-conversation',
      { heldOn: '2025-11-24', parentSuspected: true },
      ['outcome.withoutParentalConsent required', 'outcome.parentsAbsent required'],
    ],
    [
      'child-conversation',
      { heldOn: '2025-11-24', parentSuspected: true, withoutParentalConsent: false, parentsAbsent: true },
      ['outcome.withoutParentalConsent one-of'],
    ],
    ['acute-action', {}, ['outcome.action required']],
    ['acute-action', { action: ' ' }, ['outcome.action required']],
    ['reassessment', { conclusion: '' }, ['outcome.conclusion required']],
    ['reassessment', { conclusion: ['fine'] }, ['outcome.conclusion type']],
    ['contribution', {}, ['outcome.summary required']],
  ])('%s refuses %j: %j', (kind, outcome, expected) => {
    expect(brief(kind, outcome)).toEqual(expected);
  });

  it.each<[TaskKind, unknown, string]>([
    ['triage', {}, 'outcome.decision is required'],
    ['triage', { decision: 'ignore' }, 'outcome.decision must be one of "close", "advice", "advisory-team", "investigation", "acute"'],
    ['triage', { decision: 'close', consent: 1 }, 'outcome.consent must be a boolean'],
    ['triage', 'close', 'outcome must be an object'],
    ['accept-handover', { decision: 'maybe' }, 'outcome.decision must be one of "accept", "decline"'],
    ['accept-handover', { decision: 'decline' }, 'outcome.reason is required when outcome.decision is "decline"'],
    ['child-conversation', { heldOn: 'Monday', parentSuspected: false }, 'outcome.heldOn must be a date as YYYY-MM-DD'],
    ['child-conversation', { heldOn: '2025-11-24', parentSuspected: 'no' }, 'outcome.parentSuspected must be one of false, true'],
    [
      'child-conversation',
      { heldOn: '2025-11-24', parentSuspected: true, withoutParentalConsent: false, parentsAbsent: true },
      'outcome.withoutParentalConsent must be true when outcome.parentSuspected is true',
    ],
    ['child-conversation', { heldOn: '2025-11-24', parentSuspected: true, withoutParentalConsent: true }, 'outcome.parentsAbsent is required when outcome.parentSuspected is true'],
  ])('%s %j says: %s', (kind, outcome, message) => {
    expect(outcomeProblems(kind, outcome)[0].message).toBe(message);
  });
});

describe('outcomeJsonSchema', () => {
  it.each(Object.keys(TASK_KINDS) as TaskKind[])('describes %s as a JSON Schema object that allows extra fields', (kind) => {
    const schema = outcomeJsonSchema(kind);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const objects = (schema.anyOf as Record<string, unknown>[] | undefined) ?? [schema];
    for (const object of objects) expect(object).toMatchObject({ type: 'object', additionalProperties: {} });
  });

  it.each<[TaskKind, string[][]]>([
    ['triage', [['decision']]],
    ['send-receipt', [[]]],
    ['accept-handover', [['decision'], ['decision', 'reason']]],
    ['child-conversation', [['heldOn', 'parentSuspected'], ['heldOn', 'parentSuspected', 'withoutParentalConsent', 'parentsAbsent']]],
    ['acute-action', [['action']]],
    ['reassessment', [['conclusion']]],
    ['contribution', [['summary']]],
  ])('requires in %s: %j', (kind, required) => {
    const schema = outcomeJsonSchema(kind);
    const objects = (schema.anyOf as Record<string, unknown>[] | undefined) ?? [schema];
    expect(objects.map((o) => o.required ?? [])).toEqual(required);
  });

  it('tells a form what each field takes', () => {
    expect(outcomeJsonSchema('triage').properties).toMatchObject({
      decision: { type: 'string', enum: ['close', 'advice', 'advisory-team', 'investigation', 'acute'] },
      consent: { type: 'boolean' },
    });
    expect(outcomeJsonSchema('child-conversation').anyOf).toMatchObject([
      { properties: { heldOn: { type: 'string', format: 'date' }, parentSuspected: { const: false } } },
      { properties: { parentSuspected: { const: true }, withoutParentalConsent: { const: true }, parentsAbsent: { const: true } } },
    ]);
    expect(outcomeJsonSchema('accept-handover').anyOf).toMatchObject([
      { properties: { decision: { const: 'accept' } } },
      { properties: { decision: { const: 'decline' }, reason: { type: 'string', minLength: 1 } } },
    ]);
  });
});
