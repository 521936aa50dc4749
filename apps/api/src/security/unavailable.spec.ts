import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { QueryFailedError } from 'typeorm';
import { unavailableServer } from './unavailable';

/** A gRPC error as @grpc/grpc-js makes it. */
const grpcError = (code: number, details: string) => Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });
/** A node-postgres DatabaseError, which carries the SQLSTATE as `code`. */
const pgError = (code: string) => Object.assign(new Error('terminating connection due to administrator command'), { code });
const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });

describe('unavailableServer', () => {
  it.each([
    ['an unreachable Temporal frontend', new ServiceError('Workflow Update failed', { cause: grpcError(14, 'No connection established') }), 'Temporal'],
    ['a Temporal call past its deadline', grpcError(4, 'Deadline exceeded'), 'Temporal'],
    ['an Update call that timed out', new WorkflowUpdateRPCTimeoutOrCancelledError('timeout'), 'Temporal'],
    ['a refused PostgreSQL connection', socketError('ECONNREFUSED'), 'PostgreSQL'],
    ['a reset PostgreSQL connection', socketError('ECONNRESET'), 'PostgreSQL'],
    ['PostgreSQL shutting down (57P01), wrapped by TypeORM', new QueryFailedError('SELECT 1', [], pgError('57P01')), 'PostgreSQL'],
    ['PostgreSQL starting up or shutting down (57P03)', pgError('57P03'), 'PostgreSQL'],
    ['a connection exception (class 08)', pgError('08006'), 'PostgreSQL'],
    ['too many connections', pgError('53300'), 'PostgreSQL'],
    ['a connection ended under a query', new Error('Connection terminated unexpectedly'), 'PostgreSQL'],
    ['a pooled client whose connection failed, wrapped by TypeORM', new QueryFailedError('SELECT 1', [], new Error('Client has encountered a connection error and is not queryable')), 'PostgreSQL'],
    ['no connection from the pool in time', new Error('timeout exceeded when trying to connect'), 'PostgreSQL'],
  ])('names %s', (_, error, server) => {
    expect(unavailableServer(error)).toBe(server);
  });

  it.each([
    ['a violated constraint', new QueryFailedError('INSERT', [], pgError('23505'))],
    ['a syntax error', new QueryFailedError('SELEC', [], pgError('42601'))],
    ['a workflow that is not there', new ServiceError('not found', { cause: grpcError(5, 'workflow not found') })],
    ['a refused request to Temporal', grpcError(3, 'invalid argument')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['something that is not an error', 'ECONNREFUSED'],
  ])('leaves %s to be a 500', (_, error) => {
    expect(unavailableServer(error)).toBeUndefined();
  });
});
