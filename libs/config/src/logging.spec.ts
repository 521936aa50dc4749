import { Writable } from 'node:stream';
import pino from 'pino';
import { loggerOptions, scrubPersonalData } from './logging';

describe('scrubPersonalData', () => {
  it.each([
    ['a CPR in a message', 'child 010203-1234 seen', 'child [cpr] seen'],
    ['a CPR without dash', 'cpr=0102031234.', 'cpr=[cpr].'],
    ['not a date-like number', 'order 999999-1234', 'order 999999-1234'],
    ['a longer number', 'id 12010203123456', 'id 12010203123456'],
  ])('scrubs %s', (_label, input, expected) => {
    expect(scrubPersonalData(input)).toBe(expected);
  });

  it('redacts personal fields by name, at any depth, and CPRs inside errors', () => {
    const scrubbed = scrubPersonalData({
      child: { cpr: '010203-1234' },
      notifier: { name: 'Lærer Hansen' },
      nested: { deeper: { name: 'Maja', ok: 1 } },
      err: new Error('lookup of 010203-1234 failed'),
    });
    expect(JSON.stringify(scrubbed)).not.toMatch(/010203|Hansen|Maja/);
    expect(scrubbed).toMatchObject({ nested: { deeper: { name: '[redacted]', ok: 1 } } });
  });
});

describe('loggerOptions', () => {
  it('writes no CPR number, name or bearer token, whatever a caller logs', () => {
    let out = '';
    const sink = new Writable({ write: (chunk, _enc, done) => ((out += chunk), done()) });
    const logger = pino(loggerOptions({ LOG_LEVEL: 'trace' }, 'test'), sink);
    logger.info({ req: { headers: { authorization: 'Bearer eyJsecret' }, body: { concern: 'x' } }, child: { name: 'Maja Jensen' } }, 'got 010203-1234');
    logger.error(new Error('failed for 0102031234'));
    logger.warn('plain %s', '010203-1234');
    expect(out).not.toMatch(/010203|Maja|Jensen|eyJsecret/);
    expect(out).toContain('[cpr]');
  });
});
