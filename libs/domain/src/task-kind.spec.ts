import { isTaskKind, missingOutcomeFields } from './task-kind';

describe('missingOutcomeFields', () => {
  it.each([
    [{ decision: 'close' }, []],
    [{ decision: 'close', note: 'x' }, []],
    [{}, ['decision']],
    [undefined, ['decision']],
    [{ decision: '' }, ['decision']],
    [{ decision: null }, ['decision']],
  ])('triage outcome %j misses %j', (outcome, expected) => {
    expect(missingOutcomeFields('triage', outcome as Record<string, unknown> | undefined)).toEqual(expected);
  });
});

describe('isTaskKind', () => {
  it.each([
    ['triage', true],
    ['contribution', true],
    ['toString', false],
    ['unknown', false],
  ])('%s → %s', (kind, expected) => expect(isTaskKind(kind)).toBe(expected));
});
