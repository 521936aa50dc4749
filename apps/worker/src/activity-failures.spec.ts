import { ApplicationFailure } from '@temporalio/common';
import { EntityNotFoundError, QueryFailedError } from 'typeorm';
import { InvalidInputError } from '@sagsflow/casework';
import { toActivityFailure } from './activity-failures';

const dbError = (code: string) => new QueryFailedError('INSERT …', [], Object.assign(new Error('duplicate key value (cpr)=(010203-1234)'), { code }));

describe('toActivityFailure', () => {
  it.each<[string, unknown, string | undefined]>([
    ['a missing row', new EntityNotFoundError('CaseEntity', { id: 'x' }), 'MissingRow'],
    ['a unique violation', dbError('23505'), 'ConstraintViolation'],
    ['a foreign-key violation', dbError('23503'), 'ConstraintViolation'],
    ['invalid input', new InvalidInputError('to must be another agency'), 'InvalidInput'],
    ['a connection refused (heals)', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), undefined],
    ['a serialization failure (heals)', dbError('40001'), undefined],
  ])('%s', (_name, error, type) => {
    const failure = toActivityFailure(error);
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
    expect(toActivityFailure(failure)).toBe(failure);
  });
});
