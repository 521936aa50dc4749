import { caseStateQuery } from '@sagsflow/temporal';
import { EndedProcessSweep } from '../../apps/worker/src/ended-process-sweep';
import { notificationBody } from '../support/fixtures';
import { OpenSuite, openSuite, waitFor } from '../support/stack';

/** A process an operator terminated runs no code: the worker's sweep closes what it left open. */
describe('the ended-process sweep', () => {
  let suite: OpenSuite;

  beforeAll(async () => {
    suite = await openSuite(['reception1', 'caseworker1']);
  });
  afterAll(() => suite?.close());

  const triageOf = async (workflowId: string) =>
    (await suite.stack.db.query(`SELECT id, status FROM tasks WHERE workflow_id = $1 AND kind = 'triage'`, [workflowId])).rows[0] as
      | { id: string; status: string }
      | undefined;

  it('cancels the open tasks of a terminated process, writes the timeline and tells the case, and leaves running processes alone', async () => {
    const post = async () => (await suite.as('reception1').post('/api/notifications', notificationBody()).expect(201)).body as { caseId: string; workflowId: string };
    const [terminated, running] = [await post(), await post()];
    for (const n of [terminated, running]) await waitFor(async () => (await triageOf(n.workflowId)) !== undefined);
    await suite.stack.temporal.workflow.getHandle(terminated.workflowId).terminate('an operator stopped it');

    const sweep = suite.worker.get(EndedProcessSweep);
    const later = () => new Date(Date.now() + 10 * 60_000); // past the grace period for young tasks
    let ended: string[] = [];
    await waitFor(async () => (ended = await sweep.sweep(later())).includes(terminated.workflowId));
    expect(ended).not.toContain(running.workflowId);

    expect(await triageOf(terminated.workflowId)).toMatchObject({ status: 'cancelled' });
    expect(await triageOf(running.workflowId)).toMatchObject({ status: 'open' });
    const inbox = (await suite.as('reception1').get('/api/tasks?scope=agency').expect(200)).body as { id: string }[];
    expect(inbox.map((t) => t.id)).not.toContain((await triageOf(terminated.workflowId))!.id);
    expect(inbox.map((t) => t.id)).toContain((await triageOf(running.workflowId))!.id);

    const timeline = (await suite.as('reception1').get(`/api/cases/${terminated.caseId}`).expect(200)).body.timeline as { type: string; data: Record<string, string> }[];
    expect(timeline).toContainEqual(expect.objectContaining({ type: 'process.terminated', data: { workflowId: terminated.workflowId, status: 'TERMINATED' } }));
    const caseNumber = (await suite.as('reception1').get(`/api/cases/${terminated.caseId}`).expect(200)).body.caseNumber as string;
    await waitFor(async () => (await suite.stack.temporal.workflow.getHandle(`case-${caseNumber}`).query(caseStateQuery)).notifications.length === 0);

    // A second pass finds nothing more to do.
    expect(await sweep.sweep(later())).toEqual([]);
  });

  it('lets a case start a new investigation when an operator terminated the one it had', async () => {
    const { caseId } = (await suite.as('reception1').post('/api/notifications', notificationBody()).expect(201)).body as { caseId: string };
    const started = (await suite.as('caseworker1').post(`/api/cases/${caseId}/investigations`).send({ reason: 'bekymring for trivsel' }).expect(201)).body as { workflowId: string };
    const openTasks = async () => (await suite.stack.db.query(`SELECT count(*)::int AS n FROM tasks WHERE workflow_id = $1 AND status = 'open'`, [started.workflowId])).rows[0].n as number;
    await waitFor(async () => (await openTasks()) === 6);
    await suite.as('caseworker1').post(`/api/cases/${caseId}/investigations`).send({ reason: 'igen' }).expect(409);
    await suite.stack.temporal.workflow.getHandle(started.workflowId).terminate('an operator stopped it');

    const sweep = suite.worker.get(EndedProcessSweep);
    await waitFor(async () => (await sweep.sweep(new Date(Date.now() + 10 * 60_000))).includes(started.workflowId));
    expect(await openTasks()).toBe(0);
    const { investigations } = (await suite.as('caseworker1').get(`/api/cases/${caseId}`).expect(200)).body as { investigations: { status: string }[] };
    expect(investigations).toEqual([expect.objectContaining({ status: 'cancelled' })]);
    await suite.as('caseworker1').post(`/api/cases/${caseId}/investigations`).send({ reason: 'igen' }).expect(201);
  });
});
