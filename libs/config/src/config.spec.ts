import { ConfigError, loadConfig } from './config';

const KEY = Buffer.alloc(32, 7).toString('base64');
const valid = { DATABASE_URL: 'postgres://u:p@localhost:5432/sagsflow', TEMPORAL_PAYLOAD_KEYS: `k1:${KEY}` };

describe('loadConfig', () => {
  it('fills in the embedded defaults', () => {
    expect(loadConfig(valid)).toMatchObject({
      PORT: 3000,
      TEMPORAL_ADDRESS: 'localhost:7233',
      TEMPORAL_NAMESPACE: 'default',
      MUNICIPALITY: 'demo',
      NODE_ENV: 'development',
      POLICY: 'legal',
      AUTH_DEV_LOGIN: true,
    });
  });

  it('encrypts with the last key listed unless told otherwise', () => {
    const two = `k1:${KEY},k2:${Buffer.alloc(32, 9).toString('base64')}`;
    expect(loadConfig({ ...valid, TEMPORAL_PAYLOAD_KEYS: two }).TEMPORAL_PAYLOAD_KEY_ID).toBe('k2');
    expect(loadConfig({ ...valid, TEMPORAL_PAYLOAD_KEYS: two, TEMPORAL_PAYLOAD_KEY_ID: 'k1' }).TEMPORAL_PAYLOAD_KEY_ID).toBe('k1');
    expect(loadConfig(valid).TEMPORAL_PAYLOAD_KEYS[0].key).toHaveLength(32);
  });

  it('migrates as the application\'s own role unless given a migration role', () => {
    expect(loadConfig(valid).MIGRATION_DATABASE_URL).toBe(valid.DATABASE_URL);
    const owner = 'postgres://owner:p@localhost:5432/sagsflow';
    expect(loadConfig({ ...valid, MIGRATION_DATABASE_URL: owner }).MIGRATION_DATABASE_URL).toBe(owner);
  });

  it('takes mutual TLS to Temporal as file paths, off unless set', () => {
    const plain = loadConfig(valid);
    expect([plain.TEMPORAL_TLS_CERT, plain.TEMPORAL_TLS_KEY, plain.TEMPORAL_TLS_CA]).toEqual([undefined, undefined, undefined]);
    const tls = { TEMPORAL_TLS_CERT: '/run/secrets/worker.crt', TEMPORAL_TLS_KEY: '/run/secrets/worker.key', TEMPORAL_TLS_CA: '/run/secrets/temporal-ca.crt' };
    expect(loadConfig({ ...valid, ...tls })).toMatchObject(tls);
  });

  it('turns the development login off by default in production', () => {
    const config = loadConfig({ ...valid, NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example/jwks' });
    expect(config.AUTH_DEV_LOGIN).toBe(false);
  });

  it.each([
    ['DATABASE_URL', { TEMPORAL_PAYLOAD_KEYS: valid.TEMPORAL_PAYLOAD_KEYS }, 'DATABASE_URL: is required'],
    ['TEMPORAL_PAYLOAD_KEYS', { DATABASE_URL: valid.DATABASE_URL }, 'TEMPORAL_PAYLOAD_KEYS: is required'],
    ['TEMPORAL_PAYLOAD_KEYS', { ...valid, TEMPORAL_PAYLOAD_KEYS: 'k1:c2hvcnQ=' }, 'key k1 must be 32 bytes'],
    ['TEMPORAL_PAYLOAD_KEYS', { ...valid, TEMPORAL_PAYLOAD_KEYS: `K 1:${KEY}` }, 'key id "K 1" must be'],
    ['TEMPORAL_PAYLOAD_KEYS', { ...valid, TEMPORAL_PAYLOAD_KEYS: `k1:${KEY},k1:${KEY}` }, 'key ids must be unique'],
    ['TEMPORAL_PAYLOAD_KEY_ID', { ...valid, TEMPORAL_PAYLOAD_KEY_ID: 'k2' }, 'TEMPORAL_PAYLOAD_KEY_ID: must be one of k1'],
    ['CODEC_DEV_SECRET', { ...valid, NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp/jwks', CODEC_DEV_SECRET: 'x'.repeat(20) }, 'CODEC_DEV_SECRET: is for development only'],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL: must start with postgres://'],
    ['DATABASE_URL', { DATABASE_URL: 'not a url' }, 'DATABASE_URL: must be a URL'],
    ['MIGRATION_DATABASE_URL', { ...valid, MIGRATION_DATABASE_URL: 'mysql://x/y' }, 'MIGRATION_DATABASE_URL: must start with postgres://'],
    ['PORT', { ...valid, PORT: 'eighty' }, 'PORT:'],
    ['PORT', { ...valid, PORT: '70000' }, 'PORT:'],
    ['TEMPORAL_ADDRESS', { ...valid, TEMPORAL_ADDRESS: 'localhost' }, 'TEMPORAL_ADDRESS: must be host:port'],
    ['TEMPORAL_TLS_KEY', { ...valid, TEMPORAL_TLS_CERT: '/run/secrets/worker.crt' }, 'TEMPORAL_TLS_KEY: is required with TEMPORAL_TLS_CERT'],
    ['TEMPORAL_TLS_CERT', { ...valid, TEMPORAL_TLS_KEY: '/run/secrets/worker.key', TEMPORAL_TLS_CA: '/ca.crt' }, 'TEMPORAL_TLS_CERT: is required with TEMPORAL_TLS_KEY'],
    ['MUNICIPALITY', { ...valid, MUNICIPALITY: 'Hvidovre Kommune' }, 'MUNICIPALITY: must be 2–40 lowercase'],
    ['NODE_ENV', { ...valid, NODE_ENV: 'staging' }, 'NODE_ENV:'],
    ['POLICY', { ...valid, POLICY: 'lenient' }, 'POLICY:'],
    ['SMTP_URL', { ...valid, SMTP_URL: 'mail.example.com' }, 'SMTP_URL: must start with smtp://'],
    ['AUTH_DEV_LOGIN', { ...valid, NODE_ENV: 'production', AUTH_DEV_LOGIN: 'true' }, 'AUTH_DEV_LOGIN: must be false in production'],
    ['AUTH_JWKS_URL', { ...valid, NODE_ENV: 'production' }, 'AUTH_JWKS_URL: is required when the development login is off'],
  ])('names %s when it is missing or malformed', (_name, env, expected) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(expected);
  });
});
