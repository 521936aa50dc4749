import { randomUUID } from 'node:crypto';
import { EndedProcessSweep } from '../../apps/worker/src/ended-process-sweep';
import { childCpr, notificationBody } from '../support/fixtures';
import { EventStream, openEventStream } from '../support/event-stream';
import { OpenSuite, openSuite, waitFor } from '../support/stack';

/** Live inboxes and the unread-alert badge on the real stack: task changes per agency over SSE, alerts marked read. */
describe('live task events and unread alerts', () => {
  let suite: OpenSuite;
  let base: string;
  const streams: EventStream[] = [];

  beforeAll(async () => {
    suite = await openSuite(['reception1', 'reception2', 'ppr1']);
    base = await suite.api.getUrl();
  });
  afterAll(async () => {
    streams.forEach((s) => s.close());
    await suite?.close();
  });

  const as = (user: string) => suite.as(user);
  const stream = async (user: string) => {
    const s = await openEventStream(`${base}/api/events`, suite.tokens[user]);
    streams.push(s);
    return s;
  };
  /** A task change the stream received (an alert may share its type, task.assigned, but names no agency). */
  const received = (s: EventStream, type: string, taskId: string) =>
    s.events.find((e) => e.type === type && e.data.taskId === taskId && e.data.agency !== undefined);

  /** reception1 registers a notification naming a child; the triage task its workflow creates. */
  async function notify(cpr = childCpr()): Promise<{ taskId: string; workflowId: string }> {
    const res = await as('reception1')
      .post('/api/notifications', notificationBody({ concern: 'Ida Holm says she is afraid to go home', child: { cpr, name: 'Ida Holm' } }))
      .expect(201);
    let taskId = '';
    await waitFor(async () => {
      taskId = (await suite.stack.db.query(`SELECT id FROM tasks WHERE workflow_id = $1 AND kind = 'triage'`, [res.body.workflowId])).rows[0]?.id ?? '';
      return taskId !== '';
    });
    return { taskId, workflowId: res.body.workflowId };
  }

  /** The user's alert about the task, once it is stored. */
  async function alertAbout(user: string, taskId: string): Promise<{ id: string; readAt: string | null }> {
    let alert: { id: string; taskId: string; readAt: string | null } | undefined;
    await waitFor(async () => {
      alert = ((await as(user).get('/api/alerts').expect(200)).body as (typeof alert & object)[]).find((a) => a.taskId === taskId);
      return alert !== undefined;
    });
    return alert!;
  }

  const unread = async (user: string): Promise<number> => (await as(user).get('/api/alerts/unread').expect(200)).body.count;

  it("streams a new task to every user of its agency, not only its assignee, and to no other agency, without personal data", async () => {
    const reception2 = await stream('reception2');
    const ppr1 = await stream('ppr1');
    const cpr = childCpr();
    const { taskId } = await notify(cpr);

    await waitFor(() => received(reception2, 'task.created', taskId) !== undefined);
    const event = received(reception2, 'task.created', taskId)!;
    expect(event.data).toEqual({ type: 'task.created', taskId, kind: 'triage', agency: 'RECEPTION', team: 'reception', assignee: null });
    expect(JSON.stringify(reception2.events)).not.toMatch(new RegExp(`Ida|Holm|${cpr.slice(0, 6)}|${cpr.replace('-', '')}`));
    // One listener fans out to every stream at once: by now ppr1's would have had it too.
    expect(ppr1.events.filter((e) => e.type !== 'keepalive')).toEqual([]);
  });

  it('streams a claim as task.assigned and a completion as task.completed to the agency', async () => {
    const reception2 = await stream('reception2');
    const ppr1 = await stream('ppr1');
    const { taskId } = await notify();

    await as('reception1').post(`/api/tasks/${taskId}/claim`).expect(200);
    await waitFor(() => received(reception2, 'task.assigned', taskId) !== undefined);
    expect(received(reception2, 'task.assigned', taskId)!.data).toEqual({
      type: 'task.assigned',
      taskId,
      kind: 'triage',
      agency: 'RECEPTION',
      team: 'reception',
      assignee: 'reception1',
    });

    await as('reception1').post(`/api/tasks/${taskId}/complete`, { outcome: { decision: 'advice' } }).expect(200);
    await waitFor(() => received(reception2, 'task.completed', taskId) !== undefined);
    expect(received(reception2, 'task.completed', taskId)!.data).toEqual({
      type: 'task.completed',
      taskId,
      kind: 'triage',
      agency: 'RECEPTION',
      team: 'reception',
      assignee: 'reception1',
    });
    expect(ppr1.events.filter((e) => e.type !== 'keepalive')).toEqual([]);
  });

  it("streams a case's new timeline entry as case.changed to the agency that owns the case, and to no other, without personal data", async () => {
    const reception2 = await stream('reception2');
    const ppr1 = await stream('ppr1');
    const { taskId, workflowId } = await notify();
    const caseId = (await suite.stack.db.query(`SELECT case_id FROM notifications WHERE workflow_id = $1`, [workflowId])).rows[0].case_id;
    // Triage decided: the workflow writes its timeline entry after the task's own news.
    await as('reception1').post(`/api/tasks/${taskId}/complete`, { outcome: { decision: 'close' } }).expect(200);
    await waitFor(async () => (await suite.stack.db.query(`SELECT 1 FROM case_events WHERE case_id = $1 AND type = 'triage.decided'`, [caseId])).rowCount === 1);
    const entries = Number((await suite.stack.db.query(`SELECT count(*) FROM case_events WHERE case_id = $1`, [caseId])).rows[0].count);

    // One piece of news per entry, each naming only the case and its owner.
    const news = () => reception2.events.filter((e) => e.type === 'case.changed' && e.data.caseId === caseId);
    await waitFor(() => news().length >= entries);
    expect(new Set(news().map((e) => JSON.stringify(e.data)))).toEqual(new Set([JSON.stringify({ type: 'case.changed', caseId, agency: 'RECEPTION' })]));
    expect(ppr1.events.filter((e) => e.type === 'case.changed')).toEqual([]);
  });

  it("streams the cancellation of an ended process's task as task.cancelled, from the worker", async () => {
    const reception2 = await stream('reception2');
    const { taskId, workflowId } = await notify();
    await suite.stack.temporal.workflow.getHandle(workflowId).terminate('an operator stopped it');
    const pastGracePeriod = new Date(Date.now() + 10 * 60_000);
    await waitFor(async () => (await suite.worker.get(EndedProcessSweep).sweep(pastGracePeriod)).includes(workflowId));

    await waitFor(() => received(reception2, 'task.cancelled', taskId) !== undefined);
    expect(received(reception2, 'task.cancelled', taskId)!.data).toEqual({
      type: 'task.cancelled',
      taskId,
      kind: 'triage',
      agency: 'RECEPTION',
      team: 'reception',
      assignee: null,
    });
  });

  it('counts unread alerts, marks the listed ones or all read, and never touches another user\'s', async () => {
    const before = await unread('reception2');
    const { taskId } = await notify();
    const mine = await alertAbout('reception2', taskId);
    const theirs = await alertAbout('reception1', taskId);
    expect(mine.readAt).toBeNull();
    expect(await unread('reception2')).toBe(before + 1);
    const reception1Unread = await unread('reception1');

    const foreign = await as('reception2').post('/api/alerts/read', { ids: [theirs.id] }).expect(200);
    expect(foreign.body).toEqual({ count: before + 1 });
    expect(await unread('reception1')).toBe(reception1Unread);
    expect((await alertAbout('reception1', taskId)).readAt).toBeNull();

    expect((await as('reception2').post('/api/alerts/read', { ids: [mine.id] }).expect(200)).body).toEqual({ count: before });
    expect(Date.parse((await alertAbout('reception2', taskId)).readAt!)).not.toBeNaN();

    expect((await as('reception2').post('/api/alerts/read').expect(200)).body).toEqual({ count: 0 });
    expect(await unread('reception2')).toBe(0);
    expect(await unread('reception1')).toBe(reception1Unread);
  });

  it('refuses a malformed body with 400 naming the field, marking nothing', async () => {
    await notify();
    await waitFor(async () => (await unread('reception2')) > 0);
    const count = await unread('reception2');
    const bodies: [string, object][] = [
      ['ids', { ids: ['x'] }],
      ['ids', { ids: null }],
      ['ids', { ids: 'all' }],
      ['ids', { ids: Array.from({ length: 201 }, () => randomUUID()) }],
      ['everything', { everything: true }],
    ];
    for (const [field, body] of bodies) {
      const res = await as('reception2').post('/api/alerts/read', body);
      expect(res.status).toBe(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual([field]);
      expect(res.body.message).toContain(field);
    }
    expect(await unread('reception2')).toBe(count);
  });
});
