import { ConfigError, loadConfig } from './config';

const valid = { DATABASE_URL: 'postgres://u:p@localhost:5432/sagsflow' };

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

  it('turns the development login off by default in production', () => {
    const config = loadConfig({ ...valid, NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example/jwks' });
    expect(config.AUTH_DEV_LOGIN).toBe(false);
  });

  it.each([
    ['DATABASE_URL', {}, 'DATABASE_URL: is required'],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL: must start with postgres://'],
    ['DATABASE_URL', { DATABASE_URL: 'not a url' }, 'DATABASE_URL: must be a URL'],
    ['PORT', { ...valid, PORT: 'eighty' }, 'PORT:'],
    ['PORT', { ...valid, PORT: '70000' }, 'PORT:'],
    ['TEMPORAL_ADDRESS', { ...valid, TEMPORAL_ADDRESS: 'localhost' }, 'TEMPORAL_ADDRESS: must be host:port'],
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
