import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import request from 'supertest';
import { createSuiteStack, startApi, SuiteStack } from '../support/stack';

/** Bearer tokens from an external OIDC issuer, verified against its JWKS over HTTP. */
describe('authentication against an OIDC issuer', () => {
  const ISSUER = 'https://login.kommune.test';
  let stack: SuiteStack;
  let api: INestApplication;
  let jwks: Server;
  let issuerKey: KeyLike;
  let strangerKey: KeyLike;

  beforeAll(async () => {
    const issuer = await generateKeyPair('RS256');
    issuerKey = issuer.privateKey;
    strangerKey = (await generateKeyPair('RS256')).privateKey;
    const publicJwk = { ...(await exportJWK(issuer.publicKey)), kid: 'k1', alg: 'RS256' };
    jwks = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] })));
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    stack = await createSuiteStack({
      NODE_ENV: 'production',
      AUTH_DEV_LOGIN: 'false',
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: 'sagsflow',
      AUTH_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks`,
    });
    api = await startApi(stack.config);
  });
  afterAll(async () => {
    await api?.close();
    await stack?.close();
    jwks?.close();
  });

  // Each person's own opaque subject: the identity, not the name, is what sign-in binds to a staff user.
  const token = (claims: { user?: string; issuer?: string; audience?: string; expires?: string | number; key?: KeyLike }) =>
    new SignJWT({ preferred_username: claims.user ?? 'caseworker1' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject(`3f1c-opaque-subject-of-${claims.user ?? 'caseworker1'}`)
      .setIssuer(claims.issuer ?? ISSUER)
      .setAudience(claims.audience ?? 'sagsflow')
      .setIssuedAt()
      .setExpirationTime(claims.expires ?? '5m')
      .sign(claims.key ?? issuerKey);
  const me = async (bearer: string) => request(api.getHttpServer()).get('/api/auth/me').auth(bearer, { type: 'bearer' });

  it("accepts the issuer's token and resolves the person from the staff directory", async () => {
    const res = await me(await token({}));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ username: 'caseworker1', displayName: 'Caseworker One', agency: 'AUTHORITY', team: 'family', role: 'caseworker' });
  });

  it.each([
    ['another issuer', () => ({ issuer: 'https://evil.test' })],
    ['another audience', () => ({ audience: 'someone-else' })],
    ['an expired token', () => ({ expires: Math.floor(Date.parse('2020-01-01T00:00:00Z') / 1000) })],
    ['a key the issuer does not publish', () => ({ key: strangerKey })],
    ['a user missing from the directory', () => ({ user: 'mallory' })],
  ])('refuses %s with 401', async (_label, claims) => {
    const res = await me(await token(claims()));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ statusCode: 401 });
  });

  it('has no development login in production', async () => {
    await request(api.getHttpServer()).post('/api/auth/dev-login').send({ username: 'admin1' }).expect(404);
  });
});
