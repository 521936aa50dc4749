import request from 'supertest';
import { caseWorkflowId, setTovholderUpdate } from '@sagsflow/temporal';
import { notificationBody } from '../support/fixtures';
import { login, OpenSuite, openSuite, waitFor } from '../support/stack';

/** Administrators deactivate and re-activate staff; the case workflows a departure affects are told. */
describe('staff administration', () => {
  let suite: OpenSuite;

  beforeAll(async () => {
    suite = await openSuite(['reception1', 'lead1', 'admin1']);
  });
  afterAll(async () => {
    await suite?.close();
  });

  const patch = (user: string, username: string, body: object) =>
    request(suite.api.getHttpServer()).patch(`/api/staff/${username}`).auth(suite.tokens[user], { type: 'bearer' }).send(body);

  /** A fresh case with its case workflow running. */
  async function freshCase(): Promise<{ caseId: string; workflowId: string }> {
    const { caseId } = (await suite.as('reception1').post('/api/notifications', notificationBody()).expect(201)).body;
    const { case_number: caseNumber } = (await suite.stack.db.query(`SELECT case_number FROM cases WHERE id = $1`, [caseId])).rows[0];
    return { caseId, workflowId: caseWorkflowId(caseNumber) };
  }

  it('lets only administrators change staff', async () => {
    const lead = await patch('lead1', 'caseworker3', { active: false });
    expect(lead.status).toBe(403);
    expect(lead.body.message).toBe('Only ADMIN may do this');
    await patch('reception1', 'caseworker3', { active: false }).expect(403);
  });

  it('answers 404 for an unknown person and 400 naming `active` for a malformed body', async () => {
    const unknown = await patch('admin1', 'nobody', { active: false });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('No staff member nobody');
    for (const body of [{}, { active: 'no' }, { active: false, role: 'lead' }]) {
      const res = await patch('admin1', 'caseworker3', body);
      expect(res.status).toBe(400);
      expect(res.body.fields.length).toBeGreaterThan(0);
    }
    expect((await patch('admin1', 'caseworker3', { active: 'no' })).body.fields).toEqual([
      { field: 'active', rules: ['isBoolean'], messages: ['active must be true or false'] },
    ]);
  });

  it('deactivates a person (who can no longer sign in) and re-activates them', async () => {
    const off = await patch('admin1', 'caseworker3', { active: false });
    expect(off.status).toBe(200);
    expect(off.body).toEqual({ username: 'caseworker3', agency: 'AUTHORITY', team: 'family', role: 'caseworker', active: false, casesToReassign: 0 });
    await request(suite.api.getHttpServer()).post('/api/auth/dev-login').send({ username: 'caseworker3' }).expect(401);

    const on = await patch('admin1', 'caseworker3', { active: true });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ username: 'caseworker3', active: true, casesToReassign: 0 });
    await login(suite.api, 'caseworker3');
  });

  it('tells the workflow of every open case the departed person is tovholder of', async () => {
    const coordinated = await freshCase();
    const other = await freshCase();
    await suite.stack.db.query(`UPDATE cases SET coordinator = 'caseworker2', coordinator_since = now() WHERE id = $1`, [coordinated.caseId]);

    const res = await patch('admin1', 'caseworker2', { active: false });
    expect(res.status).toBe(200);
    expect(res.body.casesToReassign).toBe(1);
    // Counted over every run: a case workflow may continue as new with the signal in hand.
    const staffLeft = async (workflowId: string) => {
      let signals = 0;
      for await (const run of suite.stack.temporal.workflow.list({ query: `WorkflowId = "${workflowId}"` })) {
        const history = await suite.stack.temporal.workflow.getHandle(workflowId, run.runId).fetchHistory();
        signals += history.events!.filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'staffLeft').length;
      }
      return signals;
    };
    // The run list is eventually consistent.
    await waitFor(async () => (await staffLeft(coordinated.workflowId)) === 1);
    expect(await staffLeft(other.workflowId)).toBe(0);
    await patch('admin1', 'caseworker2', { active: true }).expect(200);
  });

  // Needs the case workflow that handles setTovholder and staffLeft.
  it('gives a case another tovholder when theirs is deactivated', async () => {
    const { caseId, workflowId } = await freshCase();
    await suite.stack.temporal.workflow.getHandle(workflowId).executeUpdate(setTovholderUpdate, { args: [{ username: 'caseworker1', by: 'lead1' }] });
    const tovholder = async () => (await suite.as('lead1').get(`/api/cases/${caseId}`)).body.tovholder as { username: string } | null;
    await waitFor(async () => (await tovholder())?.username === 'caseworker1');

    await patch('admin1', 'caseworker1', { active: false }).expect(200);
    await waitFor(async () => {
      const now = await tovholder();
      return now !== null && now.username !== 'caseworker1';
    });
    expect(await tovholder()).toMatchObject({ username: expect.stringMatching(/^caseworker[23]$/), agency: 'AUTHORITY' });
    await patch('admin1', 'caseworker1', { active: true }).expect(200);
  });
});
