import { INestApplication } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import request from 'supertest';
import { caseWorkflowId, notificationWorkflowId } from '@sagsflow/temporal';
import { uuidFrom } from '@sagsflow/casework';
import { notificationBody } from '../support/fixtures';
import { freePort } from '../../tools/stack/ports';
import { login, OpenSuite, openSuite, startApi, waitFor } from '../support/stack';

/**
 * Intake commits the notification, the case and the Temporal calls it owes in one transaction, and
 * makes the calls after the commit; the worker's outbox relay makes whatever is still owed. So a
 * failed commit starts nothing, and an unreachable Temporal loses nothing.
 */
describe('intake through the process outbox', () => {
  let suite: OpenSuite;
  /** A second API on the same database whose Temporal is a closed port: every call after commit fails. */
  let cutOff: INestApplication;
  let cutOffToken: string;

  beforeAll(async () => {
    suite = await openSuite(['reception1', 'admin1']);
    cutOff = await startApi({ ...suite.stack.config, TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}` });
    cutOffToken = await login(cutOff, 'reception1');
  });
  afterAll(async () => {
    await cutOff?.close();
    await suite?.close();
  });

  const describeWorkflow = (workflowId: string) => suite.stack.temporal.workflow.getHandle(workflowId).describe();
  const outboxEntry = async (id: string) => (await suite.stack.db.query(`SELECT attempts, done_at, last_error FROM process_outbox WHERE id = $1`, [id])).rows[0];

  it('starts the workflows right after the commit and marks the entry done', async () => {
    const { id, caseId, workflowId } = (await suite.as('reception1').post('/api/notifications', notificationBody()).expect(201)).body;
    expect((await describeWorkflow(workflowId)).status.name).toBe('RUNNING');
    const { case_number: caseNumber } = (await suite.stack.db.query(`SELECT case_number FROM cases WHERE id = $1`, [caseId])).rows[0];
    expect((await describeWorkflow(caseWorkflowId(caseNumber))).status.name).toBe('RUNNING');
    expect(await outboxEntry(id)).toMatchObject({ attempts: 0, done_at: expect.any(Date), last_error: null });
  });

  it('answers 201 while Temporal is unreachable, and the relay starts the workflows after', async () => {
    const res = await request(cutOff.getHttpServer()).post('/api/notifications').auth(cutOffToken, { type: 'bearer' }).send(notificationBody());
    expect(res.status).toBe(201);
    const { id, workflowId } = res.body;
    expect(workflowId).toBe(notificationWorkflowId(id));
    expect((await suite.stack.db.query(`SELECT count(*)::int AS n FROM notifications WHERE id = $1`, [id])).rows[0].n).toBe(1);
    // The API tried and failed; the worker's relay, on the reachable Temporal, makes the calls.
    await waitFor(async () => (await outboxEntry(id))?.done_at != null, 20_000);
    expect((await describeWorkflow(workflowId)).status.name).toBe('RUNNING');
    await waitFor(async () => (await suite.stack.db.query(`SELECT count(*)::int AS n FROM tasks WHERE workflow_id = $1`, [workflowId])).rows[0].n === 1);
  });

  it('starts nothing when the transaction fails', async () => {
    // A fault at commit time: the outbox refuses this one entry, so the whole transaction rolls back.
    const key = 'outbox-rollback-1';
    const id = uuidFrom(`reception1\u0000${key}`);
    await suite.stack.db.query(`
      CREATE FUNCTION refuse_entry() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.id = '${id}' THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER refuse_entry BEFORE INSERT ON process_outbox FOR EACH ROW EXECUTE FUNCTION refuse_entry();`);
    try {
      const cases = (await suite.stack.db.query(`SELECT count(*)::int AS n FROM cases`)).rows[0].n;
      await suite.as('reception1').post('/api/notifications', notificationBody(), { 'Idempotency-Key': key }).expect(500);
      expect((await suite.stack.db.query(`SELECT count(*)::int AS n FROM notifications WHERE id = $1`, [id])).rows[0].n).toBe(0);
      expect((await suite.stack.db.query(`SELECT count(*)::int AS n FROM cases`)).rows[0].n).toBe(cases);
      await expect(describeWorkflow(notificationWorkflowId(id))).rejects.toBeInstanceOf(WorkflowNotFoundError);
    } finally {
      await suite.stack.db.query(`DROP TRIGGER refuse_entry ON process_outbox; DROP FUNCTION refuse_entry()`);
    }
    // The retry, with the same key, now goes through and binds the notification to its own new workflow.
    const retried = (await suite.as('reception1').post('/api/notifications', notificationBody(), { 'Idempotency-Key': key }).expect(201)).body;
    expect(retried.id).toBe(id);
    expect((await describeWorkflow(retried.workflowId)).status.name).toBe('RUNNING');
  });

  it('tells the cases of someone who left while Temporal is unreachable, through the relay', async () => {
    const { caseId } = (await suite.as('reception1').post('/api/notifications', notificationBody()).expect(201)).body;
    const { case_number: caseNumber } = (await suite.stack.db.query(`UPDATE cases SET coordinator = 'caseworker2', coordinator_since = now() WHERE id = $1 RETURNING case_number`, [caseId])).rows[0];
    const adminToken = await login(cutOff, 'admin1');
    const staff = (active: boolean) => request(cutOff.getHttpServer()).patch('/api/staff/caseworker2').auth(adminToken, { type: 'bearer' }).send({ active });
    const res = await staff(false);
    expect(res.status).toBe(200);
    expect(res.body.casesToReassign).toBe(1);
    const owed = async () => (await suite.stack.db.query(`SELECT done_at FROM process_outbox WHERE case_id IS NULL AND calls @> $1::jsonb`, [JSON.stringify([{ workflowId: caseWorkflowId(caseNumber) }])])).rows;
    await waitFor(async () => (await owed()).some((entry) => entry.done_at != null), 20_000);
    const history = await suite.stack.temporal.workflow.getHandle(caseWorkflowId(caseNumber)).fetchHistory();
    expect(history.events!.filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'staffLeft')).toHaveLength(1);
    await staff(true).expect(200);
  });
});
