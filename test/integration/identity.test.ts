import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import request from 'supertest';
import { devSubject } from '../../apps/api/src/auth/dev-issuer';
import { notificationBody } from '../support/fixtures';
import { login, OpenSuite, openSuite, waitFor } from '../support/stack';

/**
 * Sign-in binds an identity (the token's issuer and subject) to a staff user once; from then on the
 * binding, not `preferred_username`, says who someone is.
 */
describe('identities bound by issuer and subject', () => {
  const ISSUER = 'https://login.kommune.test';
  let suite: OpenSuite;
  let jwks: Server;
  let issuerKey: KeyLike;

  beforeAll(async () => {
    const issuer = await generateKeyPair('RS256');
    issuerKey = issuer.privateKey;
    const publicJwk = { ...(await exportJWK(issuer.publicKey)), kid: 'k1', alg: 'RS256' };
    jwks = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] })));
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    // The development login stays on beside the issuer: reception1 registers notifications, admin1 changes staff.
    suite = await openSuite(['reception1', 'admin1'], {
      AUTH_ISSUER: ISSUER,
      AUTH_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks`,
    });
  });
  afterAll(async () => {
    await suite?.close();
    jwks?.close();
  });

  /** A token of the identity provider's account `subject`, going by `name` there. */
  const token = (subject: string, name: string) =>
    new SignJWT({ preferred_username: name })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject(subject)
      .setIssuer(ISSUER)
      .setAudience('sagsflow')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(issuerKey);
  const as = (bearer: string) => ({
    get: (path: string) => request(suite.api.getHttpServer()).get(path).auth(bearer, { type: 'bearer' }),
    post: (path: string) => request(suite.api.getHttpServer()).post(path).auth(bearer, { type: 'bearer' }).send({}),
  });
  const me = async (subject: string, name: string) => as(await token(subject, name)).get('/api/auth/me');
  const identitiesOf = async (username: string) =>
    (await suite.stack.db.query(`SELECT issuer, subject FROM user_identities WHERE username = $1 ORDER BY subject`, [username])).rows;

  it('keeps a renamed person their staff user and their tasks', async () => {
    const before = await token('idp-7c1e', 'reception2');
    expect((await as(before).get('/api/auth/me').expect(200)).body.username).toBe('reception2');
    expect(await identitiesOf('reception2')).toEqual([{ issuer: ISSUER, subject: 'idp-7c1e' }]);

    const { workflowId } = (await suite.as('reception1').post('/api/notifications', notificationBody()).expect(201)).body;
    let taskId = '';
    await waitFor(async () => {
      taskId = (await suite.stack.db.query(`SELECT id FROM tasks WHERE workflow_id = $1 AND kind = 'triage'`, [workflowId])).rows[0]?.id ?? '';
      return taskId !== '';
    });
    await as(before).post(`/api/tasks/${taskId}/claim`).expect(200);

    // Renamed at the identity provider: same subject, another preferred_username.
    const after = await token('idp-7c1e', 'reception2.hansen');
    expect((await as(after).get('/api/auth/me').expect(200)).body).toMatchObject({ username: 'reception2', agency: 'RECEPTION' });
    const mine = (await as(after).get('/api/tasks?scope=mine').expect(200)).body as { id: string }[];
    expect(mine.map((t) => t.id)).toContain(taskId);
    await as(after).post(`/api/tasks/${taskId}/release`).expect(200);
    expect(await identitiesOf('reception2')).toEqual([{ issuer: ISSUER, subject: 'idp-7c1e' }]);

    // The audit log names the staff user, never the subject.
    const audited = await suite.stack.db.query(`SELECT username, detail FROM audit_log WHERE username = 'reception2' AND action = 'change'`);
    expect(audited.rows.map((r) => r.detail.route)).toEqual(expect.arrayContaining(['/api/tasks/:id/claim', '/api/tasks/:id/release']));
    expect((await suite.stack.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE audit_log::text LIKE '%idp-7c1e%'`)).rows[0].n).toBe(0);
  });

  it('refuses (403) another account presenting a bound name, and binds nothing for it', async () => {
    expect((await me('idp-2b8f', 'caseworker1')).status).toBe(200);

    const impostor = await me('idp-0d4a', 'caseworker1');
    expect(impostor.status).toBe(403);
    expect(impostor.body.message).toMatch(/^Unknown identity/);
    // Nor does it become anyone by a name nobody in the directory has.
    expect((await me('idp-0d4a', 'caseworker1.hansen')).status).toBe(401);

    expect(await identitiesOf('caseworker1')).toEqual([{ issuer: ISSUER, subject: 'idp-2b8f' }]);
    expect((await me('idp-2b8f', 'caseworker1')).status).toBe(200);
  });

  it('records a first sign-in once, however many requests make it at once', async () => {
    const bearer = await token('idp-5b90', 'caseworker2');
    const statuses = (await Promise.all(Array.from({ length: 8 }, () => as(bearer).get('/api/auth/me')))).map((r) => r.status);
    expect(statuses).toEqual(Array(8).fill(200));
    expect(await identitiesOf('caseworker2')).toEqual([{ issuer: ISSUER, subject: 'idp-5b90' }]);
  });

  it('lets one of several new accounts racing for one name bind it, and refuses the others', async () => {
    const subjects = ['idp-r1', 'idp-r2', 'idp-r3', 'idp-r4'];
    const responses = await Promise.all(subjects.map((subject) => me(subject, 'caseworker3')));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 403, 403, 403]);
    const winner = subjects[responses.findIndex((r) => r.status === 200)];
    expect(await identitiesOf('caseworker3')).toEqual([{ issuer: ISSUER, subject: winner }]);
  });

  it('refuses a bound person once deactivated, and binds no new identity to a deactivated person', async () => {
    expect((await me('idp-9e22', 'ppr1')).status).toBe(200);
    await suite.as('admin1').patch('/api/staff/ppr1', { active: false }).expect(200);
    await suite.as('admin1').patch('/api/staff/advisor1', { active: false }).expect(200);
    try {
      expect((await me('idp-9e22', 'ppr1')).status).toBe(401);
      expect((await me('idp-41aa', 'advisor1')).status).toBe(401);
      expect(await identitiesOf('advisor1')).toEqual([]);
    } finally {
      await suite.as('admin1').patch('/api/staff/ppr1', { active: true }).expect(200);
      await suite.as('admin1').patch('/api/staff/advisor1', { active: true }).expect(200);
    }
    expect((await me('idp-9e22', 'ppr1')).status).toBe(200);
  });

  it('gives each demo user one identity at the development issuer, the same at every sign-in', async () => {
    await login(suite.api, 'reception1');
    await suite.as('reception1').get('/api/auth/me').expect(200);
    const again = await login(suite.api, 'reception1');
    await as(again).get('/api/auth/me').expect(200);
    expect(await identitiesOf('reception1')).toEqual([{ issuer: ISSUER, subject: devSubject('reception1') }]);
  });
});
