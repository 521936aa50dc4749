import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { investigationDeadlines, POLICIES } from '@sagsflow/domain';
import { CaseRepository } from '@sagsflow/persistence';
import { CaseActivities, ProcessActivities, TaskActivities } from '../../activities';
import { childCpr } from '../support/fixtures';
import { createSuiteStack, startCasework, SuiteStack } from '../support/stack';

/**
 * The activities the investigation and measure workflows call, on PostgreSQL, the way Temporal
 * retries them: opening (once per key, one investigation at a time per case), recording progress,
 * the outcome letter, and closing the case only when nothing is left open on it.
 */
describe('ProcessActivities (idempotent under retries)', () => {
  let stack: SuiteStack;
  let app: INestApplicationContext;
  let processes: ProcessActivities;

  beforeAll(async () => {
    stack = await createSuiteStack();
    app = await startCasework(stack.config, [ProcessActivities, CaseActivities, TaskActivities]);
    processes = app.get(ProcessActivities);
  });
  afterAll(async () => {
    await app?.close();
    await stack?.close();
  });

  const db = (sql: string, params: unknown[] = []) => stack.db.query(sql, params);
  const receivedAt = new Date('2026-11-20T08:30:00Z');

  /** A case about a child born 17 May 2012 (as the child's row says), with a professional's notification and a responsible caseworker. */
  async function caseWithNotification(): Promise<{ caseId: string; notificationId: string }> {
    const em = app.get(DataSource).manager;
    const repo = app.get(CaseRepository);
    const child = await repo.findOrAddChild(em, stack.config.MUNICIPALITY, { cpr: childCpr(), name: null, birthDate: '2012-05-17' });
    const opened = await repo.openCase(em, stack.config.MUNICIPALITY, 'AUTHORITY', new Date(), (child as { childId: string }).childId);
    await repo.setResponsibleCaseworker(em, opened.id, 'caseworker2');
    const notificationId = randomUUID();
    await repo.addNotification(em, opened.id, {
      id: notificationId,
      source: 'professional',
      receivedAt,
      concern: 'Kommer sulten i skole',
      workflowId: `notification-${notificationId}`,
      professionalKind: 'school',
      notifier: { name: 'Lærer Hansen' },
      abuse: false,
      acute: false,
      createdBy: 'reception1',
      idempotencyKey: null,
      requestHash: null,
    });
    return { caseId: opened.id, notificationId };
  }

  const openFrom = (caseId: string, notificationId: string, key = `notification-${notificationId}/investigation`) =>
    processes.openInvestigation({ key, caseId, notificationId, reason: 'triage decision: investigation', startedBy: 'system' });

  it("opens one investigation per key, from the notification's receipt, with what its workflow needs; while it is open, others get it back", async () => {
    const { caseId, notificationId } = await caseWithNotification();
    const [first, ...retries] = await Promise.all([1, 2, 3].map(() => openFrom(caseId, notificationId)));
    expect(first).toMatchObject({ workflowId: `investigation-${first.id}`, existing: false });
    expect(retries).toEqual([first, first]);
    expect(await openFrom(caseId, notificationId, 'another-process/investigation')).toMatchObject({ id: first.id, existing: true });

    const dueAt = investigationDeadlines(POLICIES[stack.config.POLICY]).conclusion(receivedAt).toISOString();
    const { rows } = await db(`SELECT calls FROM process_outbox WHERE id = $1`, [first.id]);
    expect(rows[0].calls[0]).toMatchObject({
      kind: 'start',
      workflowType: 'investigationWorkflow',
      searchAttributes: { caseId, processKind: 'investigation', ownerAgency: 'AUTHORITY' },
      args: [{ investigationId: first.id, awareSince: receivedAt.toISOString(), dueAt, notificationId, notifierGetsLetters: true, childBornOn: '2012-05-17', caseworker: 'caseworker2', startedBy: 'system' }],
    });
    // What Temporal is given: no name, CPR number, concern or free-text reason.
    const cpr = (await db(`SELECT ch.cpr FROM children ch JOIN cases c ON c.child_id = ch.id WHERE c.id = $1`, [caseId])).rows[0].cpr;
    expect(JSON.stringify(rows[0].calls)).not.toMatch(new RegExp(`${cpr}|Hansen|sulten|triage decision`));
    expect((await db(`SELECT count(*)::int AS n FROM investigations WHERE case_id = $1`, [caseId])).rows[0].n).toBe(1);
    expect((await db(`SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND type = 'investigation.started'`, [caseId])).rows[0].n).toBe(1);
  });

  it('records only the fields given, as often as it is told; null clears the next follow-up', async () => {
    const { caseId, notificationId } = await caseWithNotification();
    const investigation = await openFrom(caseId, notificationId);
    const preliminary = '2027-04-01T21:59:59.999Z';
    await processes.recordInvestigation({ investigationId: investigation.id, preliminaryAssessmentDueAt: preliminary });
    const concluded = { investigationId: investigation.id, status: 'concluded' as const, decision: 'preventive-measure' as const, concludedAt: '2027-03-01T10:00:00.000Z' };
    await Promise.all([processes.recordInvestigation(concluded), processes.recordInvestigation(concluded)]);
    expect((await db(`SELECT status, decision, concluded_at, preliminary_assessment_due_at FROM investigations WHERE id = $1`, [investigation.id])).rows).toEqual([
      { status: 'concluded', decision: 'preventive-measure', concluded_at: new Date(concluded.concludedAt), preliminary_assessment_due_at: new Date(preliminary) },
    ]);

    const measureInput = { key: `${investigation.workflowId}/measure`, caseId, type: 'mentor' as const, goal: 'Fremmøde i skolen', startsOn: '2027-03-02', decidedBy: 'caseworker2', investigationId: investigation.id };
    const measure = await processes.openMeasure(measureInput);
    expect(await processes.openMeasure(measureInput)).toEqual(measure);
    await processes.recordMeasureProgress({ measureId: measure.id, nextFollowUpAt: '2027-06-02T21:59:59.999Z', type: 'contact-person' });
    await processes.recordMeasureProgress({ measureId: measure.id, status: 'closed', closedAt: '2027-09-01T10:00:00.000Z', nextFollowUpAt: null });
    expect((await db(`SELECT type, status, next_follow_up_at, closed_at, plan_due_at IS NOT NULL AS planned, investigation_id FROM measures WHERE id = $1`, [measure.id])).rows).toEqual([
      { type: 'contact-person', status: 'closed', next_follow_up_at: null, closed_at: new Date('2027-09-01T10:00:00.000Z'), planned: true, investigation_id: investigation.id },
    ]);
    // The investigation that decided it does not run alongside it.
    const { rows } = await db(`SELECT calls FROM process_outbox WHERE id = $1`, [measure.id]);
    expect(rows[0].calls[0].args[0]).not.toHaveProperty('alongsideInvestigation');
  });

  it('drafts the outcome letter to the professional notifier, saying whether the investigation led to support', async () => {
    const { caseId, notificationId } = await caseWithNotification();
    const draft = (decision: string, key = `letter-${randomUUID()}`) =>
      app.get(CaseActivities).draftLetter({ key, notificationId, caseId, kind: 'outcome', dueAt: '2027-03-10T22:59:59.999Z', decision });
    const letter = await draft('no-support');
    const { rows } = await db(`SELECT kind, body FROM letters WHERE id = $1`, [letter.id]);
    expect(rows[0].kind).toBe('outcome');
    expect(rows[0].body).toContain('Kære Lærer Hansen');
    expect(rows[0].body).toContain('Undersøgelsen har ikke ført til støtte.');
    expect((await db(`SELECT body FROM letters WHERE id = $1`, [(await draft('placement')).id])).rows[0].body).toContain('anbringelse uden for hjemmet');
    await expect(draft('advice')).rejects.toThrow("An outcome letter needs the investigation's decision");
  });

  describe('closing the case', () => {
    const isClosed = async (caseId: string) => (await db(`SELECT status FROM cases WHERE id = $1`, [caseId])).rows[0].status === 'closed';
    const close = (caseId: string, exceptWorkflowId: string) => processes.closeCaseIfIdle({ caseId, by: 'caseworker2', exceptWorkflowId });

    it('waits for every open task, running process, investigation, measure and hand-over but those of the process asking; then closes once, and a new investigation opens it again', async () => {
      const { caseId, notificationId } = await caseWithNotification();
      const investigation = await openFrom(caseId, notificationId);
      const own = investigation.workflowId;
      const task = await app.get(TaskActivities).createTask({
        id: randomUUID(),
        key: `${own}/step`,
        kind: 'siblings-considered',
        caseId,
        processKind: 'investigation',
        workflowId: own,
        step: 'siblings',
        agency: 'AUTHORITY',
        dueAt: '2027-03-01T10:00:00.000Z',
      });
      const blockers: [string, string, string][] = [
        ['a task of another process', `UPDATE tasks SET workflow_id = 'notification-other' WHERE id = '${task.id}'`, `UPDATE tasks SET status = 'cancelled' WHERE id = '${task.id}'`],
        [
          'another running process',
          `INSERT INTO process_positions (workflow_id, case_id, kind, status, active, completed, at, seq) VALUES ('notification-${notificationId}', '${caseId}', 'notification', 'running', '{}', '{}', now(), 1)`,
          `UPDATE process_positions SET status = 'completed' WHERE case_id = '${caseId}'`,
        ],
        ['a pending hand-over', `UPDATE cases SET pending_handover = '{"requestId": "r"}' WHERE id = '${caseId}'`, `UPDATE cases SET pending_handover = NULL WHERE id = '${caseId}'`],
        [
          'an open measure',
          `INSERT INTO measures (id, case_id, kind, status, decided_at, decided_by) VALUES ('${randomUUID()}', '${caseId}', 'preventive', 'open', now(), 'caseworker1')`,
          `UPDATE measures SET status = 'closed' WHERE case_id = '${caseId}'`,
        ],
      ];
      // Its own open task, its own investigation and the case workflow's position do not count.
      await db(
        `INSERT INTO process_positions (workflow_id, case_id, kind, status, active, completed, at, seq)
         SELECT workflow_id, id, 'case', 'running', '{}', '{}', now(), 1 FROM cases WHERE id = $1`,
        [caseId],
      );
      for (const [label, block, unblock] of blockers) {
        await db(block);
        expect([label, await close(caseId, own)]).toEqual([label, { closed: false }]);
        expect(await isClosed(caseId)).toBe(false);
        await db(unblock);
      }
      await db(`UPDATE tasks SET workflow_id = $2, status = 'open' WHERE id = $1`, [task.id, own]);
      const results = await Promise.all([close(caseId, own), close(caseId, own)]);
      expect(results).toEqual([{ closed: true }, { closed: true }]);
      expect(await isClosed(caseId)).toBe(true);
      const events = await db(`SELECT actor, data FROM case_events WHERE case_id = $1 AND type = 'case.closed'`, [caseId]);
      expect(events.rows).toEqual([{ actor: 'caseworker2', data: { workflowId: own } }]);

      await processes.recordInvestigation({ investigationId: investigation.id, status: 'concluded', decision: 'no-support', concludedAt: new Date().toISOString() });
      const next = await processes.openInvestigation({ key: `api/investigation/${randomUUID()}`, caseId, reason: 'Ny bekymring', startedBy: 'caseworker1' });
      expect(next).toMatchObject({ existing: false });
      expect(next.id).not.toBe(investigation.id);
      expect(await isClosed(caseId)).toBe(false);
    });

    it('another open investigation keeps the case open', async () => {
      const { caseId, notificationId } = await caseWithNotification();
      await openFrom(caseId, notificationId);
      expect(await close(caseId, 'measure-elsewhere')).toEqual({ closed: false });
    });
  });
});
