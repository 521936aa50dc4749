import { Actor, canSeeTask, canWorkOnTask, hasFreshEyes, isLeadFor, needsFreshEyes, TaskAccessView } from './task-access';

const reception1: Actor = { username: 'reception1', agency: 'RECEPTION', team: 'reception', role: 'caseworker' };
const reception2: Actor = { ...reception1, username: 'reception2' };
const lead1: Actor = { username: 'lead1', agency: 'AUTHORITY', team: 'family', role: 'lead' };
const ppr1: Actor = { username: 'ppr1', agency: 'PPR', team: 'ppr', role: 'caseworker' };
const task = (assignee: string | null): TaskAccessView => ({ agency: 'RECEPTION', assignee, escalateTo: 'lead1', status: 'open' });

describe('task access', () => {
  it.each([
    ['reception1', reception1, task(null), true],
    ['reception1 (assignee)', reception1, task('reception1'), true],
    ['reception2 (someone else assigned)', reception2, task('reception1'), false],
    ['lead1 (the lead it escalates to)', lead1, task('reception1'), true],
    ['ppr1 (another agency)', ppr1, task(null), false],
    ['caseworker1 (the authority may triage)', { ...lead1, username: 'caseworker1', role: 'caseworker' }, { ...task(null), kind: 'triage' }, true],
    ['caseworker1 on a receipt (reception only)', { ...lead1, username: 'caseworker1', role: 'caseworker' }, { ...task(null), kind: 'send-receipt', escalateTo: null }, false],
  ])('%s may work on it: %s', (_label, actor, view, expected) => {
    expect(canWorkOnTask(actor, view)).toBe(expected);
  });

  it.each([
    [reception2, task('reception1'), true],
    [lead1, task(null), true],
    [ppr1, task(null), false],
  ])('%j sees %j: %s', (actor, view, expected) => {
    expect(canSeeTask(actor, view)).toBe(expected);
  });

  it.each([
    [lead1, true],
    [reception1, false],
    [{ ...lead1, username: 'lead2', agency: 'RECEPTION' as const }, true],
    [{ ...lead1, username: 'lead3' }, false],
  ])('%j is a lead for a reception task: %s', (actor, expected) => {
    expect(isLeadFor(actor, task(null))).toBe(expected);
  });
});

describe('fresh eyes (BL §137 stk. 1)', () => {
  const handlers = ['caseworker1', 'reception1', 'lead1'];

  it.each([
    ['reassessment', true],
    ['triage', false],
    ['accept-handover', false],
    ['unknown', false],
    [undefined, false],
  ])('a %s task needs fresh eyes: %s', (kind, expected) => {
    expect(needsFreshEyes({ kind })).toBe(expected);
  });

  it.each([
    ['caseworker2 (new to the case)', 'caseworker2', 'reassessment', handlers, true],
    ['caseworker1 (responsible, or did another task)', 'caseworker1', 'reassessment', handlers, false],
    ['lead1 (a lead who handled it: no exception)', 'lead1', 'reassessment', handlers, false],
    ['caseworker1 on another kind of task', 'caseworker1', 'acute-action', handlers, true],
    ['caseworker1 when no one has handled the case', 'caseworker1', 'reassessment', [], true],
  ])('%s may complete it: %s', (_label, username, kind, caseHandlers, expected) => {
    expect(hasFreshEyes({ username }, { kind }, caseHandlers)).toBe(expected);
  });
});
