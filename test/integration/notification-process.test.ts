import { caseStateQuery } from '@sagsflow/temporal';
import { childCpr, notificationBody, professionalNotificationBody } from '../support/fixtures';
import { OpenSuite, openSuite, waitFor } from '../support/stack';

/** The notification process and the child's case, end to end on the real suite.stack. */
describe('the notification process and the child’s case', () => {
  let suite: OpenSuite;

  beforeAll(async () => {
    suite = await openSuite(['reception1', 'reception2', 'caseworker1', 'caseworker2', 'caseworker3', 'lead1']);
  });
  afterAll(async () => {
    await suite?.close();
  });

  const as = (user: string) => suite.as(user);
  const measureBody = { type: 'family-treatment', goal: 'Trygge rammer derhjemme', startsOn: '2026-12-01' };

  /** The open task of `kind` that a notification's (or case's) workflow created, once it exists. */
  async function taskOf(workflowId: string, kind: string): Promise<{ id: string; assignee: string | null; due_at: Date }> {
    let row: { id: string; assignee: string | null; due_at: Date } | undefined;
    await waitFor(async () => {
      row = (await suite.stack.db.query(`SELECT id, assignee, due_at FROM tasks WHERE workflow_id = $1 AND kind = $2 AND status = 'open'`, [workflowId, kind])).rows[0];
      return row !== undefined;
    });
    return row!;
  }

  /** The case workflow, which holds hand-over acceptances. */
  async function caseWorkflowOf(caseId: string): Promise<string> {
    return `case-${(await as('reception1').get(`/api/cases/${caseId}`).expect(200)).body.caseNumber}`;
  }

  async function notify(body: Record<string, unknown>, headers: Record<string, string> = {}) {
    const res = await as('reception1').post('/api/notifications', body, headers);
    expect(res.status).toBe(201);
    return res.body as { id: string; caseId: string; workflowId: string };
  }

  it('gathers three notifications about one child in one case, and with an open measure the third is re-assessed by fresh eyes', async () => {
    const child = { cpr: childCpr() };
    const first = await notify(notificationBody({ child }));
    await as('reception1').post(`/api/tasks/${(await taskOf(first.workflowId, 'triage')).id}/complete`, { outcome: { decision: 'investigation' } }).expect(200);
    const handover = await taskOf(await caseWorkflowOf(first.caseId), 'accept-handover');
    expect(handover.assignee).toMatch(/^caseworker[123]$/);
    await as(handover.assignee!).post(`/api/tasks/${handover.id}/complete`, { outcome: { decision: 'accept' } }).expect(200);

    const second = await notify(notificationBody({ child, source: 'anonymous' }));
    expect(second.caseId).toBe(first.caseId);
    await as('reception2').post(`/api/tasks/${(await taskOf(second.workflowId, 'triage')).id}/complete`, { outcome: { decision: 'advice' } }).expect(200);

    await waitFor(async () => (await as('caseworker1').get(`/api/cases/${first.caseId}`)).body.owner === 'AUTHORITY');
    await as('caseworker1').post(`/api/cases/${first.caseId}/measures`, measureBody).expect(201);
    await as('reception1').post(`/api/cases/${first.caseId}/measures`, measureBody).expect(403);

    const third = await notify(notificationBody({ child: { ...child, name: 'Same Child' } }));
    expect(third.caseId).toBe(first.caseId);
    const caseView = (await as('caseworker1').get(`/api/cases/${first.caseId}`).expect(200)).body;
    const reassessment = await taskOf(`case-${caseView.caseNumber}`, 'reassessment');
    const handlers = [handover.assignee, 'reception1', 'reception2'];
    expect(reassessment.assignee).toMatch(/^caseworker[123]$/);
    expect(handlers).not.toContain(reassessment.assignee);

    const expectedEvents = ['triage.decided', 'handover.requested', 'handover.accepted', 'owner.changed', 'measure.started', 'reassessment.requested'];
    // The timeline is written by activities of two workflows, each on its own schedule.
    await waitFor(async () => {
      const types = (await as('caseworker1').get(`/api/cases/${first.caseId}`)).body.timeline.map((e: { type: string }) => e.type);
      return expectedEvents.every((t) => types.includes(t));
    });
    const view = (await as('caseworker1').get(`/api/cases/${first.caseId}`).expect(200)).body;
    expect(view.notifications.map((n: { id: string }) => n.id)).toEqual([first.id, second.id, third.id]);
    expect(view).toMatchObject({ owner: 'AUTHORITY', responsibleCaseworker: handover.assignee, child: { cpr: child.cpr } });
    expect(view.measures).toMatchObject([{ kind: 'preventive', status: 'open' }]);
    expect(view.timeline.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(expectedEvents));
    expect(view.deadlines).toContainEqual(expect.objectContaining({ what: 'reassessment', state: 'on-time', owner: reassessment.assignee }));
    const state = await suite.stack.temporal.workflow.getHandle(`case-${view.caseNumber}`).query(caseStateQuery);
    expect(state).toMatchObject({ reassessments: 1, ownerAgency: 'AUTHORITY' });
    // Ended processes leave the case's carried state; the third is still being triaged.
    await waitFor(async () => (await suite.stack.temporal.workflow.getHandle(`case-${view.caseNumber}`).query(caseStateQuery)).notifications.length === 1);
  });

  it('lets only fresh eyes complete a re-assessment (BL §137 stk. 1): not the caseworker who accepted the case, even when a lead assigns it to them', async () => {
    const child = { cpr: childCpr() };
    const first = await notify(notificationBody({ child }));
    await as('reception1').post(`/api/tasks/${(await taskOf(first.workflowId, 'triage')).id}/complete`, { outcome: { decision: 'investigation' } }).expect(200);
    const handover = await taskOf(await caseWorkflowOf(first.caseId), 'accept-handover');
    const handoverSchema = (await as(handover.assignee!).get(`/api/tasks/${handover.id}`).expect(200)).body.outcomeSchema;
    expect(handoverSchema.anyOf).toMatchObject([{ required: ['decision'] }, { required: ['decision', 'reason'] }]);
    const declineWithoutReason = await as(handover.assignee!).post(`/api/tasks/${handover.id}/complete`, { outcome: { decision: 'decline' } });
    expect(declineWithoutReason.status).toBe(422);
    expect(declineWithoutReason.body).toMatchObject({
      message: 'outcome.reason is required when outcome.decision is "decline"',
      fields: [{ field: 'outcome.reason', rules: ['required'] }],
    });
    await as(handover.assignee!).post(`/api/tasks/${handover.id}/complete`, { outcome: { decision: 'accept' } }).expect(200);
    // Retried: the case workflow takes the acceptance in on its own schedule.
    await waitFor(async () => (await as('caseworker1').post(`/api/cases/${first.caseId}/measures`, measureBody)).status === 201);

    await notify(notificationBody({ child }));
    const caseNumber = (await as('caseworker1').get(`/api/cases/${first.caseId}`).expect(200)).body.caseNumber;
    const reassessment = await taskOf(`case-${caseNumber}`, 'reassessment');
    const fresh = reassessment.assignee!;
    expect(fresh).not.toBe(handover.assignee);

    await as('lead1').post(`/api/tasks/${reassessment.id}/reassign`, { to: handover.assignee }).expect(200);
    const refused = await as(handover.assignee!).post(`/api/tasks/${reassessment.id}/complete`, { outcome: { conclusion: 'As before' } });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('BL §137 stk. 1 (fresh eyes)');

    // Being assigned the re-assessment itself is no handling of the case.
    await as('lead1').post(`/api/tasks/${reassessment.id}/reassign`, { to: fresh }).expect(200);
    const blank = await as(fresh).post(`/api/tasks/${reassessment.id}/complete`, { outcome: { conclusion: ' ' } });
    expect(blank.status).toBe(422);
    expect(blank.body.fields).toEqual([{ field: 'outcome.conclusion', rules: ['required'] }]);
    const done = await as(fresh).post(`/api/tasks/${reassessment.id}/complete`, { outcome: { conclusion: 'The measure continues; school to be involved' } });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', completedBy: fresh });
  });

  it.each([
    ['across Easter 2025', '2025-04-15T10:00:00+02:00', '2025-04-28'],
    ['across Christmas 2025', '2025-12-19T10:00:00+01:00', '2026-01-05'],
    ['across Store Bededag 2023 (a holiday)', '2023-05-01T10:00:00+02:00', '2023-05-10'],
    ['across the former Store Bededag 2024 (a working day)', '2024-04-22T10:00:00+02:00', '2024-04-30'],
  ])('gives a professional notifier a receipt due on the right day %s', async (_label, receivedAt, dueDate) => {
    const { workflowId, id } = await notify(professionalNotificationBody({ receivedAt }));
    const task = await taskOf(workflowId, 'send-receipt');
    const copenhagenDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(task.due_at);
    expect(copenhagenDate).toBe(dueDate);
    const letter = (await suite.stack.db.query(`SELECT kind, due_at, body FROM letters WHERE notification_id = $1`, [id])).rows[0];
    expect(letter).toMatchObject({ kind: 'receipt', due_at: task.due_at });
    expect(letter.body).toContain('Kære Lærer Hansen');
  });

  it('refuses to triage an abuse notification as "close", with a message', async () => {
    const { workflowId } = await notify(notificationBody({ abuse: true }));
    const triage = await taskOf(workflowId, 'triage');
    const res = await as('reception1').post(`/api/tasks/${triage.id}/complete`, { outcome: { decision: 'close' } });
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/abuse/);
    expect(res.body.fields).toEqual([{ field: 'outcome.decision', rules: ['triage'] }]);
    const advisory = await as('reception1').post(`/api/tasks/${triage.id}/complete`, { outcome: { decision: 'advisory-team' } });
    expect(advisory.status).toBe(422);
    await as('reception1').post(`/api/tasks/${triage.id}/complete`, { outcome: { decision: 'investigation' } }).expect(200);
  });

  it('starts one workflow for a repeated POST with the same Idempotency-Key, and refuses the key for another body', async () => {
    const body = notificationBody();
    const key = `retry-${childCpr()}`;
    const [a, b] = await Promise.all([
      as('reception1').post('/api/notifications', body, { 'Idempotency-Key': key }),
      as('reception1').post('/api/notifications', body, { 'Idempotency-Key': key }),
    ]);
    const c = await as('reception1').post('/api/notifications', body, { 'Idempotency-Key': key });
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    expect(b.body).toEqual(a.body);
    expect(c.body).toEqual(a.body);
    expect((await suite.stack.db.query('SELECT count(*)::int AS n FROM notifications WHERE case_id = $1', [a.body.caseId])).rows[0].n).toBe(1);
    await waitFor(async () => (await suite.stack.temporal.workflow.count(`CaseId = "${a.body.caseId}"`)).count === 2);
    expect((await suite.stack.temporal.workflow.count(`CaseId = "${a.body.caseId}" AND ProcessKind = "notification"`)).count).toBe(1);
    const state = await suite.stack.temporal.workflow.getHandle(`case-${(await as('reception1').get(`/api/cases/${a.body.caseId}`)).body.caseNumber}`).query(caseStateQuery);
    expect(state.notifications).toHaveLength(1);

    const other = await as('reception1').post('/api/notifications', { ...body, concern: 'Something else' }, { 'Idempotency-Key': key });
    expect(other.status).toBe(422);
    expect(other.body.message).toContain('Idempotency-Key');
  });

  it('shows every deadline of the case with its state', async () => {
    const overdue = await notify(professionalNotificationBody({ receivedAt: new Date(Date.now() - 30 * 3_600_000).toISOString() }));
    await taskOf(overdue.workflowId, 'send-receipt');
    await taskOf(overdue.workflowId, 'triage');
    const view = (await as('reception1').get(`/api/cases/${overdue.caseId}`).expect(200)).body;
    expect(view.deadlines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: 'task', what: 'triage', state: 'overdue' }),
        expect.objectContaining({ source: 'task', what: 'send-receipt', state: 'on-time' }),
        expect.objectContaining({ source: 'letter', what: 'receipt-letter', state: 'on-time' }),
      ]),
    );
    const dues = view.deadlines.map((d: { dueAt: string }) => d.dueAt);
    expect(dues).toEqual([...dues].sort());
  });

  it('lets the long-lived case workflow continue as new when the server suggests it, keeping its state', async () => {
    const child = { cpr: childCpr() };
    const first = await notify(notificationBody({ child }));
    const caseNumber = (await as('reception1').get(`/api/cases/${first.caseId}`)).body.caseNumber;
    // Each signal is one history event however the worker batches them: 35 exceed the server's
    // suggestion threshold (30 in tests) on their own.
    for (let i = 0; i < 34; i++) await notify(notificationBody({ child }));
    const handle = suite.stack.temporal.workflow.getHandle(`case-${caseNumber}`);
    await waitFor(async () => (await handle.query(caseStateQuery)).notifications.length === 35);
    const runs: string[] = [];
    for await (const wf of suite.stack.temporal.workflow.list({ query: `WorkflowId = "case-${caseNumber}"` })) runs.push(wf.runId);
    expect(runs.length).toBeGreaterThan(1);
    expect((await handle.describe()).status.name).toBe('RUNNING');
  });
});
