import { investigationDeadlines, POLICIES } from '@sagsflow/domain';
import { SearchAttributeKeys } from '@sagsflow/temporal';
import { notificationBody } from '../support/fixtures';
import { OpenSuite, openSuite, waitFor } from '../support/stack';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Starting a child welfare investigation and a preventive measure through the API: who may, what
 * is refused, that each starts its workflow once (under the case, without personal data in what
 * Temporal shows) and tells the case workflow, and what the case then shows.
 */
describe('investigations and measures API', () => {
  let suite: OpenSuite;

  beforeAll(async () => {
    suite = await openSuite(['reception1', 'caseworker1', 'ppr1']);
  });
  afterAll(async () => {
    await suite?.close();
  });

  const as = (user: string) => suite.as(user);
  const db = (sql: string, params: unknown[]) => suite.stack.db.query(sql, params);
  const investigate = (caseId: string, body: object, headers: Record<string, string> = {}) =>
    as('caseworker1').post(`/api/cases/${caseId}/investigations`, body, headers);
  const measure = (caseId: string, body: object, headers: Record<string, string> = {}) => as('caseworker1').post(`/api/cases/${caseId}/measures`, body, headers);
  const measureBody = { type: 'family-treatment', goal: 'Trygge rammer derhjemme', startsOn: '2026-12-01' };

  async function freshCase(): Promise<string> {
    return (await as('reception1').post('/api/notifications', notificationBody()).expect(201)).body.caseId;
  }

  /** What a case has started or stored of investigations and measures. */
  async function footprint(caseId: string) {
    const { rows } = await db(
      `SELECT (SELECT count(*)::int FROM investigations WHERE case_id = $1) AS investigations,
              (SELECT count(*)::int FROM measures WHERE case_id = $1) AS measures,
              (SELECT count(*)::int FROM process_outbox WHERE case_id = $1 AND id NOT IN (SELECT id FROM notifications)) AS owed,
              (SELECT count(*)::int FROM case_events WHERE case_id = $1 AND type IN ('investigation.started', 'measure.started')) AS events`,
      [caseId],
    );
    return rows[0];
  }

  describe('an investigation', () => {
    it('starts: 201 with its id, workflow and deadline from awareSince; the row, the timeline and a running investigationWorkflow under the case', async () => {
      const caseId = await freshCase();
      const awareSince = new Date(Date.now() - 10 * DAY).toISOString();
      const reason = 'Skolen er bekymret for Emils trivsel';
      const res = await investigate(caseId, { reason: `  ${reason}  `, awareSince });
      expect(res.status).toBe(201);
      const dueAt = investigationDeadlines(POLICIES[suite.stack.config.POLICY]).conclusion(new Date(awareSince)).toISOString();
      expect(res.body).toEqual({ id: expect.any(String), workflowId: `investigation-${res.body.id}`, dueAt });

      const { rows } = await db(`SELECT status, reason, aware_since, due_at, started_by, notification_id FROM investigations WHERE id = $1`, [res.body.id]);
      expect(rows).toEqual([{ status: 'open', reason, aware_since: new Date(awareSince), due_at: new Date(dueAt), started_by: 'caseworker1', notification_id: null }]);

      const description = await suite.stack.temporal.workflow.getHandle(res.body.workflowId).describe();
      expect(description.type).toBe('investigationWorkflow');
      expect(description.typedSearchAttributes.get(SearchAttributeKeys.processKind)).toBe('investigation');
      expect(description.typedSearchAttributes.get(SearchAttributeKeys.caseId)).toBe(caseId);
      // The reason is free text and may name the child: it stays in PostgreSQL.
      expect(JSON.stringify(description.memo)).not.toContain('Emil');

      const caseNumber = (await as('caseworker1').get(`/api/cases/${caseId}`).expect(200)).body.caseNumber;
      const [owed] = (await db(`SELECT calls, done_at FROM process_outbox WHERE id = $1`, [res.body.id])).rows;
      expect(owed.done_at).not.toBeNull();
      expect(owed.calls[1]).toEqual({ kind: 'signal', workflowId: `case-${caseNumber}`, signal: 'processStarted', args: [{ workflowId: res.body.workflowId, kind: 'investigation' }] });

      const timeline = (await as('caseworker1').get(`/api/cases/${caseId}`).expect(200)).body.timeline;
      expect(timeline.filter((e: { type: string }) => e.type === 'investigation.started')).toEqual([
        { type: 'investigation.started', actor: 'caseworker1', at: expect.any(String), data: { investigationId: res.body.id, dueAt } },
      ]);
    });

    it('is one at a time: a second while one is open is 409 naming the open one, and starts nothing', async () => {
      const caseId = await freshCase();
      const first = await investigate(caseId, { reason: 'Bekymring' }).expect(201);
      const before = await footprint(caseId);
      const second = await investigate(caseId, { reason: 'Ny bekymring' });
      expect(second.status).toBe(409);
      expect(second.body.message).toContain(first.body.id);
      expect(await footprint(caseId)).toEqual(before);
    });

    it('answers a retry with the same Idempotency-Key as the first time, with one investigation and one workflow', async () => {
      const caseId = await freshCase();
      const headers = { 'Idempotency-Key': 'investigation-1' };
      const [first, retry] = [await investigate(caseId, { reason: 'Bekymring' }, headers), await investigate(caseId, { reason: 'Bekymring' }, headers)];
      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(await footprint(caseId)).toEqual({ investigations: 1, measures: 0, owed: 1, events: 1 });
      const query = `CaseId = "${caseId}" AND ProcessKind = "investigation"`;
      await waitFor(async () => (await suite.stack.temporal.workflow.count(query)).count > 0);
      expect((await suite.stack.temporal.workflow.count(query)).count).toBe(1);
    });

    it('is for the authority only (403), and starts nothing', async () => {
      const caseId = await freshCase();
      await as('reception1').post(`/api/cases/${caseId}/investigations`, { reason: 'Bekymring' }).expect(403);
      await as('ppr1').post(`/api/cases/${caseId}/investigations`, { reason: 'Bekymring' }).expect(403);
      expect(await footprint(caseId)).toEqual({ investigations: 0, measures: 0, owed: 0, events: 0 });
    });

    it.each([
      ['a missing reason', {}, 'reason', 'isNotEmpty'],
      ['a blank reason', { reason: '   ' }, 'reason', 'isNotEmpty'],
      ['awareSince in the future', { reason: 'Bekymring', awareSince: new Date(Date.now() + DAY).toISOString() }, 'awareSince', 'isNotInFuture'],
      ['awareSince not a time', { reason: 'Bekymring', awareSince: 'last week' }, 'awareSince', 'isIso8601'],
    ])('refuses %s with 400 naming the field and rule, and starts nothing', async (_label, body, field, rule) => {
      const caseId = await freshCase();
      const res = await investigate(caseId, body);
      expect(res.status).toBe(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual([field]);
      expect(res.body.fields[0].rules).toContain(rule);
      expect(await footprint(caseId)).toEqual({ investigations: 0, measures: 0, owed: 0, events: 0 });
    });
  });

  describe('a measure', () => {
    it.each([
      ['an unknown type', { ...measureBody, type: 'boarding-school' }, 'type', 'isIn'],
      ['a blank goal', { ...measureBody, goal: ' ' }, 'goal', 'isNotEmpty'],
      ['a start that is no date', { ...measureBody, startsOn: '1 December' }, 'startsOn', 'isIso8601'],
      ['the stand-in body', { kind: 'preventive' }, 'kind', 'whitelistValidation'],
    ])('refuses %s with 400 naming the field and rule, and starts nothing', async (_label, body, field, rule) => {
      const caseId = await freshCase();
      const res = await measure(caseId, body);
      expect(res.status).toBe(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
      expect(res.body.fields.find((f: { field: string }) => f.field === field).rules).toContain(rule);
      expect(await footprint(caseId)).toEqual({ investigations: 0, measures: 0, owed: 0, events: 0 });
    });

    it('is for the authority only (403)', async () => {
      const caseId = await freshCase();
      await as('reception1').post(`/api/cases/${caseId}/measures`, measureBody).expect(403);
      expect(await footprint(caseId)).toEqual({ investigations: 0, measures: 0, owed: 0, events: 0 });
    });

    it('starts beside an open investigation: 201, a measureWorkflow that knows the investigation runs alongside, once per Idempotency-Key; the case lists both with their deadlines', async () => {
      const caseId = await freshCase();
      const investigation = (await investigate(caseId, { reason: 'Bekymring' }).expect(201)).body;
      const headers = { 'Idempotency-Key': 'measure-1' };
      const res = await measure(caseId, measureBody, headers);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(String), workflowId: `measure-${res.body.id}` });
      expect((await measure(caseId, measureBody, headers).expect(201)).body).toEqual(res.body);
      // Several measures may run at once.
      const other = await measure(caseId, { ...measureBody, type: 'mentor' }).expect(201);
      expect(other.body.id).not.toBe(res.body.id);

      const description = await suite.stack.temporal.workflow.getHandle(res.body.workflowId).describe();
      expect(description.type).toBe('measureWorkflow');
      expect(description.typedSearchAttributes.get(SearchAttributeKeys.processKind)).toBe('preventive-measure');
      expect(description.typedSearchAttributes.get(SearchAttributeKeys.caseId)).toBe(caseId);
      const [owed] = (await db(`SELECT calls FROM process_outbox WHERE id = $1`, [res.body.id])).rows;
      expect(owed.calls[0].args[0]).toMatchObject({ measureId: res.body.id, type: 'family-treatment', alongsideInvestigation: investigation.workflowId });
      expect(owed.calls[1]).toMatchObject({ kind: 'signal', signal: 'processStarted', args: [{ workflowId: res.body.workflowId, kind: 'preventive-measure' }] });

      const view = (await as('caseworker1').get(`/api/cases/${caseId}`).expect(200)).body;
      expect(view.investigations).toEqual([
        expect.objectContaining({ id: investigation.id, workflowId: investigation.workflowId, reason: 'Bekymring', dueAt: investigation.dueAt, overdue: false }),
      ]);
      expect(view.measures).toEqual([
        expect.objectContaining({
          id: res.body.id,
          kind: 'preventive',
          type: 'family-treatment',
          goal: 'Trygge rammer derhjemme',
          startsOn: '2026-12-01',
          workflowId: res.body.workflowId,
          planDueAt: expect.any(String),
        }),
        expect.objectContaining({ id: other.body.id, type: 'mentor' }),
      ]);
      expect(Date.parse(view.measures[0].planDueAt)).toBeGreaterThan(Date.parse(view.measures[0].decidedAt));
      await waitFor(async () => (await suite.stack.temporal.workflow.count(`CaseId = "${caseId}" AND ProcessKind = "preventive-measure"`)).count === 2);
    });
  });
});
