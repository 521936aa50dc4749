import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DevIssuer } from '../../apps/api/src/auth/dev-issuer';
import { notificationBody } from '../support/fixtures';
import { createSuiteStack, startApi, SuiteStack } from '../support/stack';

/** Rate limits on sign-in and intake, and security headers. */
describe('hardening', () => {
  let stack: SuiteStack;
  let api: INestApplication;

  beforeAll(async () => {
    stack = await createSuiteStack({ RATE_LIMIT_LOGIN_PER_MINUTE: '4', RATE_LIMIT_INTAKE_PER_MINUTE: '2' });
    api = await startApi(stack.config);
  });
  afterAll(async () => {
    await api?.close();
    await stack?.close();
  });

  it('limits sign-in attempts per address', async () => {
    const attempts = [];
    for (let i = 0; i < 6; i++) attempts.push((await request(api.getHttpServer()).post('/api/auth/dev-login').send({ username: 'reception1' })).status);
    expect(attempts.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(attempts.slice(4)).toEqual([429, 429]);
  });

  it('limits intake per user, storing nothing over the limit, while others go on', async () => {
    // Sign-in is limited too: take the tokens from the directory's issuer directly.
    const issuer = api.get(DevIssuer);
    const [reception1, reception2] = [await issuer.sign('reception1'), await issuer.sign('reception2')];
    const post = (token: string) => request(api.getHttpServer()).post('/api/notifications').auth(token, { type: 'bearer' }).send(notificationBody());
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(reception1)).status);
    expect(statuses).toEqual([201, 201, 429]);
    const limited = await post(reception1);
    expect(limited.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect((await stack.db.query(`SELECT count(*)::int AS n FROM notifications WHERE created_by = 'reception1'`)).rows[0].n).toBe(2);
    expect((await post(reception2)).status).toBe(201);
  });

  it('sends security headers and no stack trace on an unexpected route', async () => {
    const res = await request(api.getHttpServer()).get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
    const missing = await request(api.getHttpServer()).get('/api/nothing-here');
    expect(missing.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String) });
    expect(JSON.stringify(missing.body)).not.toMatch(/\n\s+at /);
  });
});
