import { isTaskKind } from './task-kind';

describe('isTaskKind', () => {
  it.each([
    ['triage', true],
    ['contribution', true],
    ['toString', false],
    ['unknown', false],
  ])('%s → %s', (kind, expected) => expect(isTaskKind(kind)).toBe(expected));
});
