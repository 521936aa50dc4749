import { isGrpcServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';

/** How long a client waits before sending a request again that found a server it needs down. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * SQLSTATEs of a PostgreSQL that is unreachable or going away, not of a refused statement: class 08
 * (connection exception), 57P01–57P03 (shut down by an administrator, crashed, cannot connect now)
 * and 53300 (too many connections).
 */
const DATABASE_DOWN = /^(08|57P0[1-3]$|53300$)/;
/** Socket errors: the only server the API reaches over a plain socket is PostgreSQL (Temporal is gRPC). */
const SOCKET_DOWN = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/**
 * What node-postgres says, without a code, when the server is gone: a connection ended under a
 * query, a pooled client whose connection already failed (the pool may hand it out before it has
 * heard), or no new connection in time.
 */
const CONNECTION_ENDED = /^(Connection terminated|Client has encountered a connection error and is not queryable|timeout exceeded when trying to connect)/;
/** gRPC status codes (fixed by the gRPC specification): DEADLINE_EXCEEDED, UNAVAILABLE. */
const TEMPORAL_DOWN = new Set([4, 14]);

/**
 * The server a request failed on because it could not be reached (`PostgreSQL` or `Temporal`), so
 * that the API answers 503 with Retry-After rather than 500: nothing was changed, and the same
 * request succeeds once the server is back. Looks through the error's causes (a TypeORM
 * QueryFailedError carries the driver's error, a Temporal ServiceError the gRPC one).
 */
export function unavailableServer(error: unknown): 'PostgreSQL' | 'Temporal' | undefined {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; depth++) {
    if (cause instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return 'Temporal';
    if (isGrpcServiceError(cause)) return TEMPORAL_DOWN.has(cause.code) ? 'Temporal' : undefined;
    const code = String((cause as { code?: unknown }).code ?? '');
    if (DATABASE_DOWN.test(code) || SOCKET_DOWN.has(code) || CONNECTION_ENDED.test(cause.message)) return 'PostgreSQL';
    cause = (cause as { driverError?: unknown }).driverError ?? cause.cause;
  }
  return undefined;
}
