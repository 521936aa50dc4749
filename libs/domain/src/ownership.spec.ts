import fc from 'fast-check';
import { type Agency, STAFF_AGENCIES } from './agency';
import { handoverProblem, nextOwnership, type Ownership, type OwnershipEvent } from './ownership';

const start: Ownership = { owner: 'RECEPTION', pending: null };

describe('nextOwnership', () => {
  it.each<[string, Ownership, OwnershipEvent, Partial<ReturnType<typeof nextOwnership>>]>([
    ['a request waits for acceptance', start, { type: 'request', requestId: 'h1', to: 'AUTHORITY' }, {
      outcome: 'pending',
      state: { owner: 'RECEPTION', pending: { requestId: 'h1', from: 'RECEPTION', to: 'AUTHORITY' } },
    }],
    ['acceptance moves the case', { owner: 'RECEPTION', pending: { requestId: 'h1', from: 'RECEPTION', to: 'AUTHORITY' } },
      { type: 'accept', requestId: 'h1' }, { outcome: 'accepted', state: { owner: 'AUTHORITY', pending: null } }],
    ['a decline leaves it with the sender', { owner: 'AUTHORITY', pending: { requestId: 'h2', from: 'AUTHORITY', to: 'PPR' } },
      { type: 'decline', requestId: 'h2' }, { outcome: 'declined', state: { owner: 'AUTHORITY', pending: null } }],
    ['a timeout escalates and keeps waiting', { owner: 'AUTHORITY', pending: { requestId: 'h2', from: 'AUTHORITY', to: 'PPR' } },
      { type: 'timeout', requestId: 'h2' }, { outcome: 'escalated', state: { owner: 'AUTHORITY', pending: { requestId: 'h2', from: 'AUTHORITY', to: 'PPR' } } }],
    ['a second request while one is pending is busy', { owner: 'AUTHORITY', pending: { requestId: 'h2', from: 'AUTHORITY', to: 'PPR' } },
      { type: 'request', requestId: 'h3', to: 'JOBCENTER_UNG' }, { outcome: 'busy' }],
    ['an acute move goes at once and cancels the pending one', { owner: 'RECEPTION', pending: { requestId: 'h1', from: 'RECEPTION', to: 'ADVISORY_TEAM' } },
      { type: 'request', requestId: 'h4', to: 'AUTHORITY', acute: true }, { outcome: 'moved', cancelled: 'h1', state: { owner: 'AUTHORITY', pending: null } }],
    ['to the owner is already done', start, { type: 'request', requestId: 'h5', to: 'RECEPTION' }, { outcome: 'already-owner' }],
    ['to ADMIN is refused', start, { type: 'request', requestId: 'h6', to: 'ADMIN' }, { outcome: 'invalid', problem: expect.stringContaining('ADMIN') }],
    ['an answer to another hand-over is stale', start, { type: 'accept', requestId: 'h9' }, { outcome: 'stale', state: start }],
  ])('%s', (_name, state, event, expected) => {
    expect(nextOwnership(state, event)).toMatchObject(expected);
  });

  it.each([
    ['RECEPTION', 'RECEPTION', 'another agency than the owner'],
    ['RECEPTION', 'ADMIN', 'not ADMIN'],
    ['RECEPTION', 'POLICE', 'to must be one of'],
    ['RECEPTION', 'AUTHORITY', undefined],
  ])('handoverProblem(%s → %s)', (owner, to, problem) => {
    const found = handoverProblem(owner as Agency, to);
    if (problem) expect(found).toContain(problem);
    else expect(found).toBeUndefined();
  });

  it('keeps exactly one owner, changed only by an acceptance of the pending hand-over or an acute move', () => {
    const agency = fc.constantFrom(...STAFF_AGENCIES, 'ADMIN' as Agency);
    const id = fc.constantFrom('h1', 'h2', 'h3', 'h4');
    const event: fc.Arbitrary<OwnershipEvent> = fc.oneof(
      fc.record({ type: fc.constant('request' as const), requestId: id, to: agency, acute: fc.boolean() }),
      fc.record({ type: fc.constantFrom('accept' as const, 'decline' as const, 'timeout' as const), requestId: id }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        let state = start;
        for (const e of events) {
          const { state: next, outcome } = nextOwnership(state, e);
          expect(STAFF_AGENCIES).toContain(next.owner);
          if (next.pending) {
            expect(next.pending.from).toBe(next.owner);
            expect(next.pending.to).not.toBe(next.owner);
          }
          if (next.owner !== state.owner) {
            const acceptedPending = e.type === 'accept' && state.pending?.requestId === e.requestId && next.owner === state.pending.to;
            const acuteMove = e.type === 'request' && e.acute === true && next.owner === e.to;
            expect(acceptedPending || acuteMove).toBe(true);
            expect(['accepted', 'moved']).toContain(outcome);
          }
          state = next;
        }
      }),
      { numRuns: 500 },
    );
  });
});
