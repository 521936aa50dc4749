import { ApplicationFailure } from '@temporalio/common';
import { EntityNotFoundError, QueryFailedError } from 'typeorm';
import { InvalidInputError } from '@sagsflow/casework';
import { PermanentFailure } from '@sagsflow/temporal/shared';

/**
 * An activity error that retrying can never heal, as a non-retryable failure of a named type, so
 * the process stops and raises an operator alert instead of retrying every minute for ever. Every
 * other error (the database or SMTP server is down) is returned as it is and retried.
 */
export function toActivityFailure(error: unknown): unknown {
  if (error instanceof ApplicationFailure) return error;
  if (error instanceof EntityNotFoundError) return permanent(PermanentFailure.missingRow, 'A row the activity needs does not exist', error);
  // Class 23 is "integrity constraint violation" (unique, foreign key, check, not null).
  const code = error instanceof QueryFailedError ? String((error.driverError as { code?: unknown } | undefined)?.code ?? '') : '';
  if (code.startsWith('23')) return permanent(PermanentFailure.constraintViolation, `The database refused the write (SQLSTATE ${code})`, error as Error);
  if (error instanceof InvalidInputError) return permanent(PermanentFailure.invalidInput, error.message, error);
  return error;
}

// The message is ours, not the driver's: a driver message can quote the row's values.
function permanent(type: string, message: string, cause: Error): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true, details: [cause.name] });
}
