import { randomBytes, randomUUID } from 'node:crypto';
import { Client, WorkflowFailedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  AesGcmPayloadCodec,
  caseStateQuery,
  caseWorkflowId,
  completeTaskUpdate,
  NOTIFICATION_WORKFLOW_TYPE,
  ownerChangedSignal,
  recordMeasureUpdate,
  REFUSED_FAILURE_TYPE,
  unencryptedDataConverter,
} from '@sagsflow/temporal';
import { notificationBody } from '../support/fixtures';
import { OpenSuite, openSuite, waitFor } from '../support/stack';

/**
 * Anyone who reaches the Temporal frontend can send a workflow a message. Only the API and the
 * worker hold the payload keys, so only what they wrote is believed: a message sent without the
 * codec, or sealed with another key under ours, changes nothing, and the process goes on.
 */
describe('nothing forged: an Update, a signal or a start the API did not write is refused', () => {
  let suite: OpenSuite;
  /** What an intruder at the frontend has: a plain client, without our data converter. */
  let bare: Client;
  /** An intruder who knows our key id and the payload format, sealing with a key of their own. */
  let forger: Client;

  beforeAll(async () => {
    suite = await openSuite(['reception1', 'reception2', 'lead1']);
    const { connection } = suite.stack.temporal;
    const { TEMPORAL_NAMESPACE: namespace, TEMPORAL_PAYLOAD_KEY_ID: keyId } = suite.stack.config;
    bare = new Client({ connection, namespace });
    const attackersKey = new AesGcmPayloadCodec([{ id: keyId, key: randomBytes(32) }], keyId);
    forger = new Client({ connection, namespace, dataConverter: { ...unencryptedDataConverter, payloadCodecs: [attackersKey] } });
  });
  afterAll(async () => {
    await suite?.close();
  });

  /** A registered notification, its open triage task and its case. */
  async function notified(): Promise<{ workflowId: string; caseId: string; caseWorkflow: string; taskId: string }> {
    const { workflowId, caseId } = (await suite.as('reception1').post('/api/notifications', notificationBody()).expect(201)).body;
    let taskId = '';
    await waitFor(async () => {
      taskId = (await suite.stack.db.query(`SELECT id FROM tasks WHERE workflow_id = $1 AND kind = 'triage'`, [workflowId])).rows[0]?.id ?? '';
      return taskId !== '';
    });
    const { caseNumber } = (await suite.as('reception1').get(`/api/cases/${caseId}`).expect(200)).body;
    return { workflowId, caseId, caseWorkflow: caseWorkflowId(caseNumber), taskId };
  }

  const taskEvents = async (taskId: string) => (await suite.stack.db.query(`SELECT type FROM task_events WHERE task_id = $1 ORDER BY id`, [taskId])).rows;
  const changesAudited = async (caseId: string) =>
    (await suite.stack.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE case_id = $1 AND action <> 'read'`, [caseId])).rows[0].n;
  const history = async (workflowId: string) => (await suite.stack.temporal.workflow.getHandle(workflowId).fetchHistory()).events ?? [];

  it.each([
    ['in plain JSON, from a client without the codec', () => bare],
    ['sealed with an attacker’s key under our key id (GCM fails)', () => forger],
  ])('refuses a completeTask Update as lead1 %s: the task stays open, with no event and nothing audited', async (_how, client) => {
    const { workflowId, caseId, taskId } = await notified();
    const eventsBefore = await taskEvents(taskId);
    const auditedBefore = await changesAudited(caseId);
    const updateId = `forged-${randomUUID()}`;

    const forged = client()
      .workflow.getHandle(workflowId)
      .executeUpdate(completeTaskUpdate, { updateId, args: [{ taskId, outcome: { decision: 'close' }, actor: 'lead1' }] });
    await expect(forged).rejects.toThrow();

    const task = (await suite.as('reception2').get(`/api/tasks/${taskId}`).expect(200)).body;
    expect(task).toMatchObject({ status: 'open', completedBy: null });
    expect(await taskEvents(taskId)).toEqual(eventsBefore);
    expect(await changesAudited(caseId)).toBe(auditedBefore);
    // Rejected before it was accepted: the Update is nowhere in the history.
    expect(JSON.stringify(await history(workflowId))).not.toContain(updateId);
  });

  it('names the refusal (RefusedPayload) to a client that can read its answer', async () => {
    const { workflowId, taskId } = await notified();
    const forged = forger.workflow.getHandle(workflowId).executeUpdate(completeTaskUpdate, { args: [{ taskId, outcome: { decision: 'close' }, actor: 'lead1' }] });
    const error = await forged.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((error as WorkflowUpdateFailedError).cause).toMatchObject({ type: REFUSED_FAILURE_TYPE });
  });

  it('refuses a plain recordMeasure Update on the case, whose handler checks nothing of its own', async () => {
    const { caseId, caseWorkflow } = await notified();
    const updateId = `forged-${randomUUID()}`;
    const forged = bare.workflow.getHandle(caseWorkflow).executeUpdate(recordMeasureUpdate, { updateId, args: [{ measureId: randomUUID(), kind: 'placement', decidedBy: 'lead1' }] });
    await expect(forged).rejects.toThrow();
    expect(JSON.stringify(await history(caseWorkflow))).not.toContain(updateId);
    expect((await suite.stack.db.query(`SELECT 1 FROM measures WHERE case_id = $1`, [caseId])).rowCount).toBe(0);
    expect((await suite.stack.temporal.workflow.getHandle(caseWorkflow).query(caseStateQuery)).openMeasures).toEqual([]);
  });

  it('drops a plain signal to the case (ownerChanged), the case keeps running, and the next real action works', async () => {
    const { workflowId, caseId, caseWorkflow, taskId } = await notified();
    const handle = suite.stack.temporal.workflow.getHandle(caseWorkflow);
    await bare.workflow.getHandle(caseWorkflow).signal(ownerChangedSignal, { agency: 'AUTHORITY', reason: 'forged' });

    // The signal is in the history, and the workflow task that saw it completed (it did not fail).
    await waitFor(async () => {
      const events = await history(caseWorkflow);
      const signalled = events.findIndex((e) => e.workflowExecutionSignaledEventAttributes?.signalName === ownerChangedSignal.name);
      return signalled >= 0 && events.slice(signalled).some((e) => e.workflowTaskCompletedEventAttributes);
    });
    expect((await history(caseWorkflow)).filter((e) => e.workflowTaskFailedEventAttributes)).toEqual([]);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    expect(await handle.query(caseStateQuery)).toMatchObject({ ownerAgency: 'RECEPTION' });
    const caseView = (await suite.as('reception1').get(`/api/cases/${caseId}`).expect(200)).body;
    expect(caseView.owner).toBe('RECEPTION');
    expect(caseView.timeline.map((e: { type: string }) => e.type)).not.toContain('owner.changed');

    await suite.as('reception2').post(`/api/tasks/${taskId}/complete`, { outcome: { decision: 'close' } }).expect(200);
    expect((await suite.as('reception2').get(`/api/tasks/${taskId}`).expect(200)).body).toMatchObject({ status: 'completed', completedBy: 'reception2' });
    await expect(suite.stack.temporal.workflow.getHandle(workflowId).result()).resolves.toMatchObject({ decision: 'close' });
  });

  it('fails a workflow started with plain input before any of its code runs: no task, nothing in the read model', async () => {
    const workflowId = `notification-forged-${randomUUID()}`;
    await bare.workflow.start(NOTIFICATION_WORKFLOW_TYPE, {
      workflowId,
      taskQueue: suite.stack.config.TEMPORAL_TASK_QUEUE,
      args: [{ notificationId: randomUUID(), caseId: randomUUID() }],
    });
    const error = await suite.stack.temporal.workflow.getHandle(workflowId).result().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkflowFailedError);
    expect((error as WorkflowFailedError).cause).toBeInstanceOf(ApplicationFailure);
    expect((error as WorkflowFailedError).cause).toMatchObject({ type: REFUSED_FAILURE_TYPE, message: expect.stringContaining('not encrypted') });
    expect((await suite.stack.db.query(`SELECT 1 FROM tasks WHERE workflow_id = $1`, [workflowId])).rowCount).toBe(0);
  });
});
