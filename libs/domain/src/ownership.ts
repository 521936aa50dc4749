import { AGENCIES, type Agency } from './agency';

/**
 * Who owns a case (DOMAIN.md: "at every moment exactly one agency owns the case"), as a pure state
 * machine the case workflow runs. The owner changes only when the receiving agency accepts a
 * hand-over (overdragelse), or at once in an acute situation; one hand-over waits at a time.
 */
export interface Ownership {
  owner: Agency;
  pending: { requestId: string; from: Agency; to: Agency } | null;
}

export type OwnershipEvent =
  | { type: 'request'; requestId: string; to: Agency; acute?: boolean }
  | { type: 'accept'; requestId: string }
  | { type: 'decline'; requestId: string }
  /** The receiving agency let the deadline pass: escalated, still pending. */
  | { type: 'timeout'; requestId: string };

export type OwnershipOutcome =
  | 'pending'
  | 'accepted'
  | 'declined'
  | 'escalated'
  /** Acute: moved at once (any pending hand-over is cancelled). */
  | 'moved'
  | 'already-owner'
  /** Another hand-over is pending; the request must wait or be refused. */
  | 'busy'
  | 'invalid'
  /** An answer to a hand-over that is not the pending one. */
  | 'stale';

export interface OwnershipStep {
  state: Ownership;
  outcome: OwnershipOutcome;
  /** The pending hand-over an acute move cancelled. */
  cancelled?: string;
  problem?: string;
}

/**
 * Why a case cannot be handed to (or a contribution asked of) `to`, if it cannot: the owner
 * itself, administrators, no agency. `field` names the request's field in the message.
 */
export function handoverProblem(owner: Agency, to: string, field = 'to'): string | undefined {
  if (!(AGENCIES as readonly string[]).includes(to)) return `${field} must be one of ${AGENCIES.filter((a) => a !== 'ADMIN').join(', ')}`;
  if (to === 'ADMIN') return `${field} must be an agency that works in cases, not ADMIN`;
  if (to === owner) return `${field} must be another agency than the owner (${owner})`;
  return undefined;
}

export function nextOwnership(state: Ownership, event: OwnershipEvent): OwnershipStep {
  const same = (outcome: OwnershipOutcome, problem?: string): OwnershipStep => ({ state, outcome, ...(problem ? { problem } : {}) });
  switch (event.type) {
    case 'request': {
      if (event.to === state.owner && !state.pending) return same('already-owner');
      const problem = event.to === state.owner ? undefined : handoverProblem(state.owner, event.to);
      if (problem) return same('invalid', problem);
      if (event.acute) {
        return { state: { owner: event.to, pending: null }, outcome: 'moved', ...(state.pending ? { cancelled: state.pending.requestId } : {}) };
      }
      if (state.pending) return same('busy');
      return { state: { owner: state.owner, pending: { requestId: event.requestId, from: state.owner, to: event.to } }, outcome: 'pending' };
    }
    case 'accept':
      if (state.pending?.requestId !== event.requestId) return same('stale');
      return { state: { owner: state.pending.to, pending: null }, outcome: 'accepted' };
    case 'decline':
      if (state.pending?.requestId !== event.requestId) return same('stale');
      return { state: { owner: state.owner, pending: null }, outcome: 'declined' };
    case 'timeout':
      return same(state.pending?.requestId === event.requestId ? 'escalated' : 'stale');
  }
}
