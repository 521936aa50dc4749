/**
 * A request that breaks one of our rules and will break it however often it is retried; the
 * worker reports it to the workflow as a non-retryable `InvalidInput` failure.
 */
export class InvalidInputError extends Error {
  override name = 'InvalidInputError';
}
