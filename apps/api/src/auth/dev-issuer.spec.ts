import { devSubject } from './dev-issuer';

describe('devSubject', () => {
  it('is the RFC 9562 name-based UUID (version 5) of the username in the dev namespace', () => {
    // Python: uuid.uuid5(uuid.UUID('c9ab7b03-54cd-47b9-8b9e-0485ca444a71'), name)
    expect(devSubject('reception1')).toBe('4d2833a3-8ae8-5ccd-9919-88679a857a65');
    expect(devSubject('caseworker1')).toBe('cc531f94-c380-5d00-b25f-66fa14c9be5d');
  });

  it('is the same for a user every time, and different for another', () => {
    expect(devSubject('lead1')).toBe(devSubject('lead1'));
    expect(devSubject('lead1')).not.toBe(devSubject('lead2'));
    expect(devSubject('lead1')).not.toBe('lead1');
  });
});
