/**
 * Failure types of activities that can never succeed by retrying: the worker turns such errors
 * into non-retryable failures (see apps/worker/src/activity-failures.ts), and workflows list them
 * as non-retryable too.
 */
export const PermanentFailure = {
  /** A row the activity needs does not exist. */
  missingRow: 'MissingRow',
  /** The database refused the write (unique, foreign key, check or not-null constraint). */
  constraintViolation: 'ConstraintViolation',
  /** The input breaks a rule of ours. */
  invalidInput: 'InvalidInput',
} as const;

export const PERMANENT_FAILURE_TYPES: readonly string[] = Object.values(PermanentFailure);
