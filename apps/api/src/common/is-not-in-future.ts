import { Rule } from './rule';

/** The value is an ISO-8601 time no later than now (a notification cannot be received tomorrow). */
export const IsNotInFuture = (options?: { message?: string }) =>
  Rule(
    'isNotInFuture',
    (value) => typeof value === 'string' && Date.parse(value) <= Date.now(),
    options?.message ?? ((args) => `${args.property} must not be in the future`),
  );
