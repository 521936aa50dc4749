import { ApplicationFailure } from '@temporalio/common';
import { EntityNotFoundError, QueryFailedError } from 'typeorm';
import { InvalidInputError } from '@sagsflow/casework';
import { MISSING_ROW_ATTEMPTS, toActivityFailure } from './activity-failures';

const dbError = (code: string) => new QueryFailedError('INSERT …', [], Object.assign(new Error('duplicate key value (cpr)=(010203-1234)'), { code }));

describe('toActivityFailure', () => {
  const last = MISSING_ROW_ATTEMPTS;
  it.each<[string, unknown, number, string | undefined]>([
    ['a missing row, at first (maybe not committed yet)', new EntityNotFoundError('CaseEntity', { id: 'x' }), 1, undefined],
    ['a missing row, still missing', new EntityNotFoundError('CaseEntity', { id: 'x' }), last, 'MissingRow'],
    ['a foreign-key violation, at first', dbError('23503'), 1, undefined],
    ['a foreign-key violation, still', dbError('23503'), last, 'MissingRow'],
    ['a unique violation', dbError('23505'), 1, 'ConstraintViolation'],
    ['a check violation', dbError('23514'), 1, 'ConstraintViolation'],
    ['invalid input', new InvalidInputError('to must be another agency'), 1, 'InvalidInput'],
    ['a connection refused (heals)', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), last, undefined],
    ['a serialization failure (heals)', dbError('40001'), last, undefined],
  ])('%s', (_name, error, attempt, type) => {
    const failure = toActivityFailure(error, attempt);
    if (type === undefined) {
      expect(failure).toBe(error);
      return;
    }
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type, nonRetryable: true });
    // the driver's message may quote personal data: it is not passed on
    expect((failure as ApplicationFailure).message).not.toContain('010203');
  });

  it('passes an ApplicationFailure on as it is', () => {
    const failure = ApplicationFailure.retryable('try again', 'Busy');
    expect(toActivityFailure(failure, 1)).toBe(failure);
  });
});
