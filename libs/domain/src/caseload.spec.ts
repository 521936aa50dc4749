import { chooseCaseworker } from './caseload';

const team = (...loads: [string, number][]) => loads.map(([username, openCases]) => ({ username, openCases }));

describe('chooseCaseworker', () => {
  it.each([
    ['the least loaded', team(['anna', 12], ['bo', 7], ['carl', 19]), 20, [], { username: 'bo', atCap: false }],
    ['alphabetical on a tie', team(['carl', 5], ['anna', 5]), 20, [], { username: 'anna', atCap: false }],
    ['below the cap over one at it', team(['anna', 20], ['bo', 19]), 20, [], { username: 'bo', atCap: false }],
    ['nobody excluded when the least loaded is excluded', team(['anna', 1], ['bo', 9]), 20, ['anna'], { username: 'bo', atCap: false }],
    ['the least loaded when all are at the cap', team(['anna', 22], ['bo', 20], ['carl', 21]), 20, [], { username: 'bo', atCap: true }],
    ['at cap even when the only eligible one is above it', team(['anna', 3], ['bo', 25]), 20, ['anna'], { username: 'bo', atCap: true }],
    ['a cap of zero puts everyone at the cap', team(['anna', 0]), 0, [], { username: 'anna', atCap: true }],
  ])('picks %s', (_label, members, cap, exclude, expected) => {
    expect(chooseCaseworker(members, cap, exclude)).toEqual(expected);
  });

  it.each([
    ['an empty team', team(), []],
    ['everyone excluded', team(['anna', 1], ['bo', 2]), ['anna', 'bo']],
  ])('finds nobody in %s', (_label, members, exclude) => {
    expect(chooseCaseworker(members, 20, exclude)).toEqual({ username: undefined, atCap: false, reason: 'no-eligible-caseworker' });
  });
});
