import { ApplicationFailure } from '@temporalio/common';
import { EntityNotFoundError, QueryFailedError } from 'typeorm';
import { InvalidInputError } from '@sagsflow/casework';
import { PermanentFailure } from '@sagsflow/temporal/shared';

/**
 * Attempts a missing row gets before it counts as missing for good (about 30 s of backoff): intake
 * starts a notification's workflows inside the transaction that stores it, so its first activities
 * can run a moment before the rows they need are committed.
 */
export const MISSING_ROW_ATTEMPTS = 6;

const FOREIGN_KEY_VIOLATION = '23503';

/**
 * An activity error that retrying can never heal, as a non-retryable failure of a named type, so
 * the process stops and raises an operator alert instead of retrying every minute for ever: at
 * once for a violated constraint or invalid input, after a few attempts for a missing row (it may
 * not be committed yet). Every other error (the database or SMTP server is down) is returned as it
 * is and retried.
 */
export function toActivityFailure(error: unknown, attempt: number): unknown {
  if (error instanceof ApplicationFailure) return error;
  const code = error instanceof QueryFailedError ? String((error.driverError as { code?: unknown } | undefined)?.code ?? '') : '';
  if (error instanceof EntityNotFoundError || code === FOREIGN_KEY_VIOLATION) {
    if (attempt < MISSING_ROW_ATTEMPTS) return error;
    return permanent(PermanentFailure.missingRow, 'A row the activity needs does not exist', error as Error);
  }
  // Class 23 is "integrity constraint violation" (unique, check, not null; foreign keys above).
  if (code.startsWith('23')) return permanent(PermanentFailure.constraintViolation, `The database refused the write (SQLSTATE ${code})`, error as Error);
  if (error instanceof InvalidInputError) return permanent(PermanentFailure.invalidInput, error.message, error);
  return error;
}

// The message is ours, not the driver's: a driver message can quote the row's values.
function permanent(type: string, message: string, cause: Error): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true, details: [cause.name] });
}
