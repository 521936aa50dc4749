import { notificationBody } from '../support/fixtures';
import { openEventStream, EventStream } from '../support/event-stream';
import { readMail } from '../support/mail';
import { OpenSuite, openSuite, waitFor } from '../support/stack';

/** People, tasks and alerts end to end: API + worker + Temporal dev server + PostgreSQL + SMTP. */
describe('tasks and coordinator alerts on the real stack', () => {
  let suite: OpenSuite;
  let base: string;
  const streams: EventStream[] = [];

  beforeAll(async () => {
    suite = await openSuite(['reception1', 'reception2', 'ppr1', 'lead1']);
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

  /** A new notification (its text names a child) and the id of the triage task its workflow creates. */
  async function notify(): Promise<{ taskId: string; workflowId: string }> {
    const res = await as('reception1')
      .post(
        '/api/notifications',
        notificationBody({ concern: 'Maja Jensen (CPR 010203-1234) says she is afraid to go home', child: { cpr: '010203-1234', name: 'Maja Jensen' } }),
      )
      .expect(201);
    let taskId = '';
    await waitFor(async () => {
      const tasks = (await as('reception1').get('/api/tasks?scope=team').expect(200)).body as { id: string; kind: string; workflowId: string }[];
      taskId = (await suite.stack.db.query(`SELECT id FROM tasks WHERE workflow_id = $1 AND kind = 'triage'`, [res.body.workflowId])).rows[0]?.id ?? '';
      return taskId !== '' && tasks.some((t) => t.id === taskId);
    });
    return { taskId, workflowId: res.body.workflowId };
  }

  it('shows a new task in the team inbox, alerts the team live and by e-mail without personal data, and no one else', async () => {
    const reception1 = await stream('reception1');
    const ppr1 = await stream('ppr1');
    const { taskId } = await notify();

    await waitFor(() => reception1.events.some((e) => e.type === 'task.assigned' && e.data.taskId === taskId));
    const event = reception1.events.find((e) => e.type === 'task.assigned' && e.data.taskId === taskId)!;
    expect(event.data).toMatchObject({ username: 'reception1', type: 'task.assigned', subject: 'Ny opgave: Vurdering af underretning', data: { kind: 'triage', step: 'triage' } });
    expect(JSON.stringify(event)).not.toMatch(/Maja|Jensen|010203/);

    const mentioning = () => suite.stack.mail.messages.filter((m) => readMail(m).text.includes(taskId));
    await waitFor(() => mentioning().length === 2);
    const mails = mentioning();
    expect(mails.flatMap((m) => m.to).sort()).toEqual(['reception1@demo.sagsflow.local', 'reception2@demo.sagsflow.local']);
    for (const mail of mails) {
      const { subject, text, raw } = readMail(mail);
      expect(subject).toBe('Ny opgave: Vurdering af underretning');
      expect(text).toContain(`${suite.stack.config.PUBLIC_URL}/tasks/${taskId}`);
      expect(text).toMatch(/Frist: \d{1,2}\. \w+\.? \d{4}/);
      // 010203 stands for the CPR number: 1234 alone turns up by chance in a message id.
      expect(`${raw}\n${subject}\n${text}`).not.toMatch(/Maja|Jensen|010203/);
    }

    const team = (await as('reception2').get('/api/tasks?scope=team').expect(200)).body;
    expect(team.find((t: { id: string }) => t.id === taskId)).toMatchObject({ kind: 'triage', agency: 'RECEPTION', overdue: false });
    expect((await as('reception1').get('/api/tasks?scope=mine').expect(200)).body).not.toContainEqual(expect.objectContaining({ id: taskId }));
    expect((await as('ppr1').get('/api/tasks?scope=agency').expect(200)).body).toEqual([]);
    expect(ppr1.events.filter((e) => e.type !== 'keepalive')).toEqual([]);
  });

  it('lets exactly one of two concurrent completions through: one 200, one 409, and one completion in the workflow', async () => {
    const { taskId, workflowId } = await notify();
    const [a, b] = await Promise.all([
      as('reception1').post(`/api/tasks/${taskId}/complete`, { outcome: { decision: 'advice' } }),
      as('reception2').post(`/api/tasks/${taskId}/complete`, { outcome: { decision: 'close' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? a : b;
    expect(winner.body).toMatchObject({ id: taskId, status: 'completed', completedBy: winner === a ? 'reception1' : 'reception2' });

    const handle = suite.stack.temporal.workflow.getHandle(workflowId);
    expect(await handle.result()).toMatchObject({ step: 'done', decision: winner.body.outcome.decision });
    const history = await handle.fetchHistory();
    const accepted = history.events!.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
    expect(accepted).toHaveLength(1);
    const completed = await suite.stack.db.query(`SELECT actor FROM task_events WHERE task_id = $1 AND type = 'completed'`, [taskId]);
    expect(completed.rows).toEqual([{ actor: winner.body.completedBy }]);

    const again = await as('reception1').post(`/api/tasks/${taskId}/complete`, { outcome: { decision: 'close' } });
    expect(again.status).toBe(409);
  });

  it('lets the workflow take a completion stored by a try whose Update was lost (Temporal gone before it was recorded) when it is sent again', async () => {
    const { taskId, workflowId } = await notify();
    // What the lost try left behind: the completion in the read model, none in the workflow.
    await suite.stack.db.query(
      `UPDATE tasks SET status = 'completed', outcome = '{"decision":"close"}', completed_by = 'reception2', completed_at = now() WHERE id = $1`,
      [taskId],
    );
    const again = await as('reception2').post(`/api/tasks/${taskId}/complete`, { outcome: { decision: 'close' } });
    expect(again.status).toBe(200);
    expect(await suite.stack.temporal.workflow.getHandle(workflowId).result()).toMatchObject({ step: 'done', decision: 'close' });
    const other = await as('reception1').post(`/api/tasks/${taskId}/complete`, { outcome: { decision: 'advice' } });
    expect(other.status).toBe(409);
  });

  it('refuses a user of another agency with 403, and a missing outcome field with 422 naming it', async () => {
    const { taskId } = await notify();
    const forbidden = await as('ppr1').post(`/api/tasks/${taskId}/complete`, { outcome: { decision: 'close' } });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.message).toContain('RECEPTION');

    const missing = await as('reception1').post(`/api/tasks/${taskId}/complete`, { outcome: { note: 'no decision' } });
    expect(missing.status).toBe(422);
    expect(missing.body.message).toContain('outcome.decision');
    expect(missing.body.fields).toEqual([{ field: 'outcome.decision', rules: ['required'] }]);

    const notAnObject = await as('reception1').post(`/api/tasks/${taskId}/complete`, { outcome: 'close' });
    expect(notAnObject.status).toBe(400);
    expect(notAnObject.body.fields[0].field).toBe('outcome');

    const task = (await as('reception1').get(`/api/tasks/${taskId}`).expect(200)).body;
    expect(task.status).toBe('open');
  });

  it('describes the outcome a task takes as JSON Schema, and refuses one that breaks it with 422 naming each field and rule', async () => {
    const { taskId } = await notify();
    const task = (await as('reception1').get(`/api/tasks/${taskId}`).expect(200)).body;
    expect(task.outcomeSchema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { decision: { type: 'string', enum: ['close', 'advice', 'advisory-team', 'investigation', 'acute'] }, consent: { type: 'boolean' } },
      required: ['decision'],
    });

    const invalid = await as('reception1').post(`/api/tasks/${taskId}/complete`, { outcome: { decision: 'later', consent: 'yes' } });
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity' });
    expect(invalid.body.message).toContain('outcome.decision must be one of "close", "advice"');
    expect(invalid.body.message).toContain('outcome.consent must be a boolean');
    expect(invalid.body.fields).toEqual([
      { field: 'outcome.decision', rules: ['one-of'] },
      { field: 'outcome.consent', rules: ['type'] },
    ]);
    expect((await as('reception1').get(`/api/tasks/${taskId}`).expect(200)).body.status).toBe('open');
  });

  it('supports claim, release, reassignment by a lead, and comments, keeping the history', async () => {
    const { taskId } = await notify();
    await as('reception1').post(`/api/tasks/${taskId}/claim`).expect(200);
    await as('reception2').post(`/api/tasks/${taskId}/claim`).expect(409);
    expect((await as('reception1').get('/api/tasks?scope=mine').expect(200)).body.map((t: { id: string }) => t.id)).toContain(taskId);
    await as('reception2').post(`/api/tasks/${taskId}/complete`, { outcome: { decision: 'close' } }).expect(403);
    await as('reception2').post(`/api/tasks/${taskId}/release`).expect(403);
    await as('reception1').post(`/api/tasks/${taskId}/reassign`, { to: 'reception2' }).expect(403);

    const reception2 = await stream('reception2');
    const reassigned = await as('lead1').post(`/api/tasks/${taskId}/reassign`, { to: 'reception2' }).expect(200);
    expect(reassigned.body.assignee).toBe('reception2');
    await waitFor(() => reception2.events.some((e) => e.type === 'task.assigned' && e.data.taskId === taskId));
    await as('lead1').post(`/api/tasks/${taskId}/reassign`, { to: 'ppr1' }).expect(409);

    await as('reception2').post(`/api/tasks/${taskId}/comments`, { text: 'Calling the school first' }).expect(201);
    await as('reception2').post(`/api/tasks/${taskId}/release`).expect(200);
    const detail = (await as('reception1').get(`/api/tasks/${taskId}`).expect(200)).body;
    expect(detail.assignee).toBeNull();
    expect(detail.history.map((e: { type: string; actor: string }) => `${e.type}:${e.actor}`)).toEqual([
      'created:system',
      'claimed:reception1',
      'reassigned:lead1',
      'commented:reception2',
      'released:reception2',
    ]);
  });

  it('pages the inbox sorted by due time, with the total in headers, and rejects a bad query naming the field', async () => {
    const res = await as('reception1').get('/api/tasks?scope=agency&status=open&page=1').expect(200);
    const dues = res.body.map((t: { dueAt: string }) => t.dueAt);
    expect(dues).toEqual([...dues].sort());
    expect(Number(res.headers['x-total-count'])).toBe(res.body.length);
    expect(res.headers.link).toContain('rel="first"');

    const bad = await as('reception1').get('/api/tasks?scope=everyone&page=0').expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['page', 'scope']);
  });
});
