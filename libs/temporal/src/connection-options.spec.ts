import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { temporalConnectionOptions } from './connection-options';

describe('temporalConnectionOptions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'temporal-tls-'));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const address = 'temporal:7233';

  it('connects without TLS when nothing is set', () => {
    expect(temporalConnectionOptions({ TEMPORAL_ADDRESS: address })).toEqual({ address });
  });

  it('presents the client certificate and trusts the given CA (mutual TLS)', () => {
    const options = temporalConnectionOptions({
      TEMPORAL_ADDRESS: address,
      TEMPORAL_TLS_CERT: file('client.crt', 'CERT'),
      TEMPORAL_TLS_KEY: file('client.key', 'KEY'),
      TEMPORAL_TLS_CA: file('ca.crt', 'CA'),
    });
    expect(options.tls?.clientCertPair).toEqual({ crt: Buffer.from('CERT'), key: Buffer.from('KEY') });
    expect(options.tls?.serverRootCACertificate).toEqual(Buffer.from('CA'));
  });

  it('uses TLS with the system CAs when only a client certificate is given', () => {
    const options = temporalConnectionOptions({ TEMPORAL_ADDRESS: address, TEMPORAL_TLS_CERT: file('c.crt', 'C'), TEMPORAL_TLS_KEY: file('c.key', 'K') });
    expect(options.tls).toEqual({ clientCertPair: { crt: Buffer.from('C'), key: Buffer.from('K') } });
  });

  it('stops at start-up when a file is missing, naming it', () => {
    expect(() => temporalConnectionOptions({ TEMPORAL_ADDRESS: address, TEMPORAL_TLS_CA: join(dir, 'nowhere.crt') })).toThrow('nowhere.crt');
  });
});
