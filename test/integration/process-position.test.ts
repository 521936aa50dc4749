import { randomUUID } from 'node:crypto';
import { notificationBody } from '../support/fixtures';
import { type OpenSuite, openSuite, waitFor } from '../support/stack';

interface Process {
  kind: string;
  workflowId: string;
  status: string;
  active: string[];
  completed: string[];
  deadlines: { step: string; kind: string; dueAt: string; state: string }[];
}

/**
 * Where a case's processes are on their maps, on the real stack: the workflows record their
 * positions as they go, so the read model (GET /api/cases/:id/processes) and Temporal Web's
 * `ProcessStep` show them without asking the workflows.
 */
describe('process positions', () => {
  let suite: OpenSuite;

  beforeAll(async () => {
    suite = await openSuite(['reception1', 'caseworker1', 'caseworker2', 'caseworker3', 'ppr1']);
  });
  afterAll(async () => {
    await suite?.close();
  });

  const as = (user: string) => suite.as(user);
  const processesOf = async (caseId: string): Promise<Process[]> => (await as('reception1').get(`/api/cases/${caseId}/processes`).expect(200)).body;
  const processOf = async (caseId: string, workflowId: string) => (await processesOf(caseId)).find((p) => p.workflowId === workflowId);

  /** Waits (the workflow records its position from an activity) until `check` holds of the process, then returns it. */
  async function positionOf(caseId: string, workflowId: string, check: (p: Process) => boolean): Promise<Process> {
    // On a timeout the caller's expectation shows the position as it stands.
    await waitFor(async () => {
      const found = await processOf(caseId, workflowId);
      return found !== undefined && check(found);
    }).catch(() => undefined);
    return (await processOf(caseId, workflowId))!;
  }

  async function notify() {
    const res = await as('reception1').post('/api/notifications', notificationBody()).expect(201);
    return res.body as { id: string; caseId: string; workflowId: string };
  }

  /** The open task of `kind` a workflow created, once it exists. */
  async function openTask(workflowId: string, kind: string): Promise<{ id: string; assignee: string | null; due_at: Date }> {
    let row: { id: string; assignee: string | null; due_at: Date } | undefined;
    await waitFor(async () => {
      row = (await suite.stack.db.query(`SELECT id, assignee, due_at FROM tasks WHERE workflow_id = $1 AND kind = $2 AND status = 'open'`, [workflowId, kind])).rows[0];
      return row !== undefined;
    });
    return row!;
  }

  it('follows a notification from triage through the hand-over its case accepts, and lists the case’s process first', async () => {
    const { caseId, workflowId } = await notify();
    // The step is recorded as the process enters it, a moment before its task exists.
    const waiting = await positionOf(caseId, workflowId, (p) => p.active.includes('triage') && p.deadlines.length === 1);
    expect(waiting).toMatchObject({ kind: 'notification', status: 'running', active: ['triage'] });
    // The case's own process is listed from its start, waiting for its first request.
    const caseWorkflow = `case-${(await as('reception1').get(`/api/cases/${caseId}`).expect(200)).body.caseNumber}`;
    expect(await positionOf(caseId, caseWorkflow, (p) => p.status === 'running')).toMatchObject({ kind: 'case', status: 'running', active: [] });
    const triage = await openTask(workflowId, 'triage');
    // Triage is due within 24 hours, so from the start within a day of its deadline.
    expect(waiting.deadlines).toEqual([{ step: 'triage', kind: 'triage', dueAt: triage.due_at.toISOString(), state: 'due-soon' }]);

    await as('reception1').post(`/api/tasks/${triage.id}/complete`, { outcome: { decision: 'investigation' } }).expect(200);
    const handingOver = await positionOf(caseId, workflowId, (p) => p.active.includes('handover'));
    expect(handingOver).toMatchObject({ status: 'running', active: ['handover'], deadlines: [] });
    expect(handingOver.completed).toContain('triage');

    const accepting = await positionOf(caseId, caseWorkflow, (p) => p.active.includes('accept-handover') && p.deadlines.length === 1);
    expect(accepting).toMatchObject({ kind: 'case', status: 'running' });
    expect(accepting.active).toContain('accept-handover');
    const handover = await openTask(caseWorkflow, 'accept-handover');
    // Two working days: on time or, across a weekend's edge, within a day.
    expect(accepting.deadlines).toEqual([
      { step: 'accept-handover', kind: 'accept-handover', dueAt: handover.due_at.toISOString(), state: expect.stringMatching(/^(on-time|due-soon)$/) },
    ]);
    expect((await processesOf(caseId)).map((p) => p.workflowId)).toEqual([caseWorkflow, workflowId]);

    expect(handover.assignee).toMatch(/^caseworker[123]$/);
    await as(handover.assignee!).post(`/api/tasks/${handover.id}/complete`, { outcome: { decision: 'accept' } }).expect(200);
    const done = await positionOf(caseId, workflowId, (p) => p.status === 'completed');
    expect(done).toMatchObject({ status: 'completed', active: [], deadlines: [] });
    expect(done.completed).toEqual(expect.arrayContaining(['triage', 'handover', 'open-investigation', 'done']));
    const accepted = await positionOf(caseId, caseWorkflow, (p) => p.completed.includes('change-owner'));
    expect(accepted).toMatchObject({ status: 'running', active: [], deadlines: [] });
    expect(accepted.completed).toEqual(expect.arrayContaining(['accept-handover', 'change-owner']));
    // The authority took it on: its investigation runs, its five steps and the conclusion open.
    let investigating: Process | undefined;
    await waitFor(async () => {
      investigating = (await processesOf(caseId)).find((p) => p.kind === 'investigation');
      return investigating?.deadlines.length === 6;
    });
    expect(investigating!.active).toEqual(expect.arrayContaining(['child-conversation', 'conclusion']));
    // The case now belongs to the authority; its caseworkers read the same positions.
    expect((await as('caseworker1').get(`/api/cases/${caseId}/processes`).expect(200)).body).toEqual(await processesOf(caseId));
  });

  it('lets Temporal Web find a notification waiting for triage by ProcessStep, and no longer once triaged', async () => {
    const { workflowId } = await notify();
    const waitingForTriage = async () => {
      const ids: string[] = [];
      for await (const wf of suite.stack.temporal.workflow.list({ query: 'ProcessStep = "triage"' })) ids.push(wf.workflowId);
      return ids;
    };
    // Visibility is eventually consistent.
    await waitFor(async () => (await waitingForTriage()).includes(workflowId));

    const triage = await openTask(workflowId, 'triage');
    await as('reception1').post(`/api/tasks/${triage.id}/complete`, { outcome: { decision: 'close' } }).expect(200);
    await waitFor(async () => !(await waitingForTriage()).includes(workflowId));
  });

  it('audits a look at the processes as a read of the case, refuses an agency the case is not shared with (403) and answers 404 for an unknown case', async () => {
    const { caseId } = await notify();
    await as('reception1').get(`/api/cases/${caseId}/processes`).set('X-Purpose', 'checking the triage').expect(200);
    const audited = await suite.stack.db.query(`SELECT username, action, what, purpose FROM audit_log WHERE case_id = $1 AND action = 'read'`, [caseId]);
    expect(audited.rows).toEqual([{ username: 'reception1', action: 'read', what: 'case', purpose: 'checking the triage' }]);
    await as('ppr1').get(`/api/cases/${caseId}/processes`).expect(403);
    await as('reception1').get(`/api/cases/${randomUUID()}/processes`).expect(404);
  });
});
