import request from 'supertest';
import { notificationBody } from '../support/fixtures';
import { OpenSuite, openSuite, waitFor } from '../support/stack';

/** Hand-over (overdragelse) and tovholder through the API: who may ask, what is refused, and what the case shows. */
describe('case hand-over and tovholder API', () => {
  let suite: OpenSuite;

  beforeAll(async () => {
    suite = await openSuite(['reception1', 'caseworker1', 'lead1', 'ppr1', 'admin1']);
  });
  afterAll(async () => {
    await suite?.close();
  });

  const as = (user: string) => suite.as(user);
  const putTovholder = (user: string, caseId: string, body: object) =>
    request(suite.api.getHttpServer()).put(`/api/cases/${caseId}/tovholder`).auth(suite.tokens[user], { type: 'bearer' }).send(body);

  /** A fresh case, owned by reception (its notification is not triaged yet). */
  async function freshCase(): Promise<string> {
    return (await as('reception1').post('/api/notifications', notificationBody()).expect(201)).body.caseId;
  }

  describe('refusals (the API decides these before the case workflow is asked)', () => {
    let caseId: string;
    beforeAll(async () => {
      caseId = await freshCase();
    });

    it('shows the owner, no tovholder and no pending hand-over for a fresh case, under one name each', async () => {
      const view = (await as('reception1').get(`/api/cases/${caseId}`).expect(200)).body;
      expect(view).toMatchObject({ owner: 'RECEPTION', tovholder: null, pendingHandover: null });
      expect(view).not.toHaveProperty('ownerAgency');
      expect(view).not.toHaveProperty('coordinator');
    });

    it('lets only staff of the owner agency ask for a hand-over', async () => {
      const body = { to: 'AUTHORITY', reason: 'Needs an investigation' };
      const other = await as('caseworker1').post(`/api/cases/${caseId}/handovers`, body);
      expect(other.status).toBe(403);
      expect(other.body.message).toBe(`Only staff of the owner agency (RECEPTION) may hand case ${caseId} over`);
      // PPR neither owns nor sees the case; administrators never work in cases.
      await as('ppr1').post(`/api/cases/${caseId}/handovers`, body).expect(403);
      await as('admin1').post(`/api/cases/${caseId}/handovers`, body).expect(403);
    });

    it.each([
      ['the owner itself', 'RECEPTION'],
      ['administrators', 'ADMIN'],
      ['an unknown agency', 'SCHOOL'],
    ])('refuses a hand-over to %s with 422 naming `to`', async (_label, to) => {
      const res = await as('reception1').post(`/api/cases/${caseId}/handovers`, { to, reason: 'Needs an investigation' });
      expect(res.status).toBe(422);
      expect(res.body.fields).toEqual([{ field: 'to', rules: ['handover-recipient'] }]);
      expect(res.body.message).toContain('to must be a staff agency other than the owner (RECEPTION)');
    });

    it.each([
      ['missing', {}],
      ['empty', { reason: '' }],
      ['blank', { reason: '   ' }],
    ])('requires a reason (%s): 400 naming `reason`', async (_label, reason) => {
      const res = await as('reception1').post(`/api/cases/${caseId}/handovers`, { to: 'AUTHORITY', ...reason });
      expect(res.status).toBe(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual(['reason']);
      expect(res.body.fields[0].rules).toContain('isNotEmpty');
    });

    it('refuses a malformed Idempotency-Key, naming it', async () => {
      const res = await as('reception1').post(`/api/cases/${caseId}/handovers`, { to: 'AUTHORITY', reason: 'Needs an investigation' }, { 'Idempotency-Key': 'with spaces' });
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual([{ field: 'Idempotency-Key', rules: ['format'] }]);
    });

    it('lets only team leads choose the tovholder', async () => {
      const caseworker = await putTovholder('caseworker1', caseId, { username: 'caseworker1' });
      expect(caseworker.status).toBe(403);
      expect(caseworker.body.message).toBe('Only a team lead may choose the tovholder');
      await putTovholder('ppr1', caseId, { username: 'caseworker1' }).expect(403);
      await putTovholder('admin1', caseId, { username: 'caseworker1' }).expect(403);
    });

    it.each([
      ['someone outside the agencies the policy allows', 'reception1'],
      ['an unknown person', 'nobody'],
    ])('refuses %s as tovholder with 422 naming `username`', async (_label, username) => {
      const res = await putTovholder('lead1', caseId, { username });
      expect(res.status).toBe(422);
      expect(res.body.fields).toEqual([{ field: 'username', rules: ['tovholder-candidate'] }]);
      expect(res.body.message).toContain('(AUTHORITY)');
    });

    it('refuses a malformed username with 400 naming it', async () => {
      const res = await putTovholder('lead1', caseId, { username: 'Not a username!' });
      expect(res.status).toBe(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual(['username']);
    });
  });

  // These need the case workflow that handles requestHandover and setTovholder.
  describe('through the case workflow', () => {
    it('holds one pending hand-over: a retry with the same key gets the first answer, another request 409', async () => {
      const caseId = await freshCase();
      const body = { to: 'AUTHORITY', reason: 'Needs an investigation' };
      const first = await as('reception1').post(`/api/cases/${caseId}/handovers`, body, { 'Idempotency-Key': 'handover-1' });
      expect(first.status).toBe(202);
      expect(first.body).toMatchObject({ requestId: expect.any(String), status: 'pending', owner: 'RECEPTION' });
      const retry = await as('reception1').post(`/api/cases/${caseId}/handovers`, body, { 'Idempotency-Key': 'handover-1' });
      expect(retry.status).toBe(202);
      expect(retry.body).toEqual(first.body);

      const second = await as('reception1').post(`/api/cases/${caseId}/handovers`, { to: 'PPR', reason: 'School difficulties' });
      expect(second.status).toBe(409);
      expect(second.body.message).toContain('one at a time');

      let view: Record<string, unknown> = {};
      await waitFor(async () => {
        view = (await as('reception1').get(`/api/cases/${caseId}`)).body;
        return view.pendingHandover !== null;
      });
      expect(view).toMatchObject({
        owner: 'RECEPTION',
        pendingHandover: {
          requestId: first.body.requestId,
          from: 'RECEPTION',
          to: 'AUTHORITY',
          reason: 'Needs an investigation',
          requestedBy: 'reception1',
          requestedAt: expect.any(String),
          dueAt: expect.any(String),
        },
      });
    });

    it('sets the tovholder a lead chooses, and the case shows them', async () => {
      const caseId = await freshCase();
      const res = await putTovholder('lead1', caseId, { username: 'caseworker1' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ username: 'caseworker1', agency: 'AUTHORITY', since: expect.any(String) });
      await waitFor(async () => (await as('lead1').get(`/api/cases/${caseId}`)).body.tovholder?.username === 'caseworker1');
      const view = (await as('lead1').get(`/api/cases/${caseId}`).expect(200)).body;
      expect(view.tovholder).toEqual(res.body);
    });
  });
});
