import { Client as PgClient } from 'pg';
import { notificationBody } from '../support/fixtures';
import { OpenSuite, openSuite, waitFor } from '../support/stack';

/** Every look at and change of a case's personal data is in the append-only audit log. */
describe('audit log', () => {
  let suite: OpenSuite;

  beforeAll(async () => {
    suite = await openSuite(['reception1', 'caseworker1', 'ppr1', 'admin1']);
  });
  afterAll(async () => {
    await suite?.close();
  });

  const as = (user: string) => suite.as(user);

  it('records who read or changed which case, when, what and why, for administrators to query', async () => {
    const created = (await as('reception1').post('/api/notifications', notificationBody()).expect(201)).body;
    let taskId = '';
    await waitFor(async () => {
      taskId = (await suite.stack.db.query(`SELECT id FROM tasks WHERE workflow_id = $1`, [created.workflowId])).rows[0]?.id ?? '';
      return taskId !== '';
    });
    await as('reception1').get(`/api/cases/${created.caseId}`).expect(200);
    await as('caseworker1').get(`/api/cases/${created.caseId}`).set('X-Purpose', 'preparing the investigation').expect(200);
    await as('reception1').get(`/api/tasks/${taskId}`).expect(200);
    await as('reception1').post(`/api/tasks/${taskId}/claim`).expect(200);
    await as('reception1').post(`/api/tasks/${taskId}/release`).expect(200);
    await as('reception1').post(`/api/tasks/${taskId}/complete`, { outcome: { decision: 'investigation' } }).expect(200);
    await as('caseworker1').post(`/api/cases/${created.caseId}/measures`, { type: 'mentor', goal: 'Fremmøde i skolen', startsOn: '2026-12-01' }).expect(201);
    await as('caseworker1').get(`/api/cases/${created.caseId}`).set('X-Purpose', '<script>not a purpose</script>').expect(200);

    const res = await as('admin1').get(`/api/audit?caseId=${created.caseId}`).expect(200);
    const entries = (res.body as { username: string; action: string; what: string; purpose: string; at: string }[])
      .reverse()
      .map((e) => `${e.username} ${e.action} ${e.what}: ${e.purpose}`);
    expect(entries).toEqual([
      'reception1 create notification: intake of a notification',
      'reception1 read case: casework',
      'caseworker1 read case: preparing the investigation',
      'reception1 read task: casework',
      'reception1 change task: casework', // claimed
      'reception1 change task: casework', // released
      'reception1 change task: casework', // completed
      'caseworker1 change case: decision on a measure',
      'caseworker1 read case: casework',
    ]);
    const reads = (await as('admin1').get(`/api/audit?caseId=${created.caseId}&username=caseworker1`).expect(200)).body;
    expect(reads.map((e: { action: string }) => e.action)).toEqual(['read', 'change', 'read']);
    expect(reads.every((e: { at: string }) => Date.parse(e.at) <= Date.now())).toBe(true);
  });

  it('records a refused attempt on a case, without its data', async () => {
    const created = (await as('reception1').post('/api/notifications', notificationBody()).expect(201)).body;
    await as('ppr1').get(`/api/cases/${created.caseId}`).expect(403);
    const entries = (await as('admin1').get(`/api/audit?caseId=${created.caseId}&username=ppr1`).expect(200)).body;
    expect(entries).toEqual([expect.objectContaining({ username: 'ppr1', agency: 'PPR', action: 'refused', what: 'case', caseId: created.caseId })]);
    const [detail] = (await suite.stack.db.query(`SELECT detail FROM audit_log WHERE username = 'ppr1'`)).rows;
    expect(detail.detail).toEqual({ method: 'GET', route: '/api/cases/:id', status: 403 });
  });

  it('records a read of the inbox, which carries outcomes, as one entry without a case', async () => {
    await as('caseworker1').get('/api/tasks?scope=team&status=completed').expect(200);
    const entries = (await as('admin1').get('/api/audit?username=caseworker1').expect(200)).body as { what: string; action: string; caseId: string | null }[];
    expect(entries[0]).toMatchObject({ action: 'read', what: 'tasks', caseId: null });
  });

  it('commits a change the API makes and its audit entry together, or neither', async () => {
    const created = (await as('reception1').post('/api/notifications', notificationBody()).expect(201)).body;
    let taskId = '';
    await waitFor(async () => {
      taskId = (await suite.stack.db.query(`SELECT id FROM tasks WHERE workflow_id = $1`, [created.workflowId])).rows[0]?.id ?? '';
      return taskId !== '';
    });
    // A fault in writing the audit entry of a change: the change must not stay behind without it.
    await suite.stack.db.query(`
      CREATE FUNCTION refuse_change_entries() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action IN ('change', 'create') THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER refuse_change_entries BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_change_entries();`);
    const count = async (table: string) => (await suite.stack.db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
    const stored = async () => ({ notifications: await count('notifications'), owed: await count('process_outbox'), investigations: await count('investigations') });
    try {
      const before = await stored();
      await as('reception1').post('/api/notifications', notificationBody()).expect(500);
      await as('caseworker1').post(`/api/cases/${created.caseId}/investigations`, { reason: 'Bekymring for trivsel' }).expect(500);
      expect(await stored()).toEqual(before);
      await as('reception1').post(`/api/tasks/${taskId}/claim`).expect(500);
      await as('reception1').post(`/api/tasks/${taskId}/comments`, { text: 'Ringer skolen i morgen' }).expect(500);
      const task = (await suite.stack.db.query(`SELECT assignee FROM tasks WHERE id = $1`, [taskId])).rows[0];
      expect(task.assignee).toBeNull();
      const events = (await suite.stack.db.query(`SELECT type FROM task_events WHERE task_id = $1`, [taskId])).rows.map((r) => r.type);
      expect(events).toEqual(['created']);
    } finally {
      await suite.stack.db.query(`DROP TRIGGER refuse_change_entries ON audit_log; DROP FUNCTION refuse_change_entries()`);
    }
    await as('reception1').post(`/api/tasks/${taskId}/claim`).expect(200);
    const entries = (await as('admin1').get(`/api/audit?caseId=${created.caseId}&username=reception1`).expect(200)).body as { action: string }[];
    // Written once, in the claim's transaction, not again by the interceptor.
    expect(entries.map((e) => e.action)).toEqual(['change', 'create']);
  });

  it("refuses to update, delete or truncate audit entries through the application's own database role", async () => {
    const app = new PgClient({ connectionString: suite.stack.config.DATABASE_URL });
    await app.connect();
    try {
      const before = (await app.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
      expect(before).toBeGreaterThan(0);
      await expect(app.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only|permission denied/);
      await expect(app.query(`UPDATE audit_log SET purpose = 'nothing to see'`)).rejects.toThrow(/append-only|permission denied/);
      await expect(app.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only|permission denied/);
      expect((await app.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n).toBe(before);
      expect((await app.query(`SELECT count(*)::int AS n FROM audit_log WHERE purpose = 'nothing to see'`)).rows[0].n).toBe(0);
    } finally {
      await app.end();
    }
  });
});
