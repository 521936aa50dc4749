import { notificationBody } from '../support/fixtures';
import { OpenSuite, openSuite, waitFor } from '../support/stack';

/** Hand-over (overdragelse), involvement (inddragelse) and tovholder through the API: who may ask, what is refused, and what the case shows. */
describe('case hand-over, involvement and tovholder API', () => {
  let suite: OpenSuite;

  beforeAll(async () => {
    suite = await openSuite(['reception1', 'caseworker1', 'lead1', 'ppr1', 'admin1']);
  });
  afterAll(async () => {
    await suite?.close();
  });

  const as = (user: string) => suite.as(user);
  const putTovholder = (user: string, caseId: string, body: object) => as(user).put(`/api/cases/${caseId}/tovholder`, body);

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

    it('lets only staff of the owner agency ask another agency to contribute', async () => {
      const body = { agency: 'PPR', what: 'PPR assessment' };
      const other = await as('caseworker1').post(`/api/cases/${caseId}/involvements`, body);
      expect(other.status).toBe(403);
      expect(other.body.message).toBe(`Only staff of the owner agency (RECEPTION) may ask another agency to contribute to case ${caseId}`);
      await as('ppr1').post(`/api/cases/${caseId}/involvements`, body).expect(403);
      await as('admin1').post(`/api/cases/${caseId}/involvements`, body).expect(403);
    });

    it.each([
      ['the owner itself', 'RECEPTION'],
      ['administrators', 'ADMIN'],
      ['an unknown agency', 'SCHOOL'],
    ])('refuses to involve %s with 422 naming `agency`', async (_label, agency) => {
      const res = await as('reception1').post(`/api/cases/${caseId}/involvements`, { agency, what: 'PPR assessment' });
      expect(res.status).toBe(422);
      expect(res.body.fields).toEqual([{ field: 'agency', rules: ['involved-agency'] }]);
      expect(res.body.message).toContain('agency must be a staff agency other than the owner (RECEPTION)');
    });

    it.each([
      ['missing', {}, 'isNotEmpty'],
      ['empty', { what: '' }, 'isNotEmpty'],
      ['blank', { what: '   ' }, 'isNotEmpty'],
      ['not text', { what: 42 }, 'isString'],
      ['longer than 200 characters', { what: 'x'.repeat(201) }, 'maxLength'],
    ])('requires what is asked (%s): 400 naming `what`', async (_label, what, rule) => {
      const res = await as('reception1').post(`/api/cases/${caseId}/involvements`, { agency: 'PPR', ...what });
      expect(res.status).toBe(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual(['what']);
      expect(res.body.fields[0].rules).toContain(rule);
    });

    it('refuses a malformed Idempotency-Key on an involvement, naming it', async () => {
      const res = await as('reception1').post(`/api/cases/${caseId}/involvements`, { agency: 'PPR', what: 'PPR assessment' }, { 'Idempotency-Key': 'with spaces' });
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

    it('gives the involved agency one contribution task however often the request is retried, and lets it read the case meanwhile', async () => {
      const caseId = await freshCase();
      await as('ppr1').get(`/api/cases/${caseId}`).expect(403);
      const body = { agency: 'PPR', what: '  PPR assessment  ' };
      const first = await as('reception1').post(`/api/cases/${caseId}/involvements`, body, { 'Idempotency-Key': 'involve-1' });
      expect(first.status).toBe(202);
      expect(first.body).toEqual({ taskId: expect.any(String) });
      const retry = await as('reception1').post(`/api/cases/${caseId}/involvements`, body, { 'Idempotency-Key': 'involve-1' });
      expect(retry.status).toBe(202);
      expect(retry.body).toEqual(first.body);

      const tasks = (await suite.stack.db.query(`SELECT id, agency, status FROM tasks WHERE case_id = $1 AND kind = 'contribution'`, [caseId])).rows;
      expect(tasks).toEqual([{ id: first.body.taskId, agency: 'PPR', status: 'open' }]);
      const view = (await as('ppr1').get(`/api/cases/${caseId}`).expect(200)).body;
      expect(view.owner).toBe('RECEPTION');
      expect(view.timeline.filter((e: { type: string }) => e.type === 'involvement.requested')).toEqual([
        { type: 'involvement.requested', actor: 'reception1', at: expect.any(String), data: { agency: 'PPR', what: 'PPR assessment' } },
      ]);
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
