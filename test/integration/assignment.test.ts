import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { MailRelay } from '@sagsflow/casework';
import { AssignmentActivities } from '../../activities';
import { createSuiteStack, startCasework, SuiteStack, waitFor } from '../support/stack';

/** Caseload balancing on PostgreSQL under Hvidovre's cap of 20 open cases per caseworker. */
describe('AssignmentActivities on PostgreSQL', () => {
  let stack: SuiteStack;
  let app: INestApplicationContext;
  let assignment: AssignmentActivities;

  beforeAll(async () => {
    stack = await createSuiteStack({ POLICY: 'hvidovre' });
    // The relay mails the lead's alert, as it does in the worker.
    app = await startCasework(stack.config, [AssignmentActivities, MailRelay]);
    assignment = app.get(AssignmentActivities);
  });
  afterAll(async () => {
    await app?.close();
    await stack?.close();
  });

  async function newCase(): Promise<string> {
    const id = randomUUID();
    await stack.db.query(
      `INSERT INTO cases (id, case_number, municipality, owner_agency) VALUES ($1, $2, 'demo', 'AUTHORITY')`,
      [id, `T-${id.slice(0, 8)}`],
    );
    return id;
  }

  /** Sets each caseworker's open caseload to exactly the given number. */
  async function setLoads(loads: Record<string, number>): Promise<void> {
    await stack.db.query(`UPDATE cases SET status = 'closed'`);
    for (const [username, count] of Object.entries(loads)) {
      await stack.db.query(
        `INSERT INTO cases (id, case_number, municipality, owner_agency, responsible_caseworker)
         SELECT gen_random_uuid(), 'L-' || gen_random_uuid(), 'demo', 'AUTHORITY', $1 FROM generate_series(1, $2)`,
        [username, count],
      );
    }
  }

  it('gives a new case to the least loaded caseworker, keeps it on a retry, and honours exclusions', async () => {
    await setLoads({ caseworker1: 5, caseworker2: 2, caseworker3: 9 });
    const caseId = await newCase();
    expect(await assignment.assignCaseworker({ caseId, agency: 'AUTHORITY' })).toEqual({ username: 'caseworker2', atCap: false });
    expect(await assignment.assignCaseworker({ caseId, agency: 'AUTHORITY' })).toEqual({ username: 'caseworker2', atCap: false });

    const reassessment = await newCase();
    expect(await assignment.assignCaseworker({ caseId: reassessment, agency: 'AUTHORITY', exclude: ['caseworker2'] })).toEqual({
      username: 'caseworker1',
      atCap: false,
    });
  });

  it('never assigns above the cap while someone is below it, even under concurrent assignments', async () => {
    await setLoads({ caseworker1: 19, caseworker2: 18, caseworker3: 20 });
    const cases = await Promise.all([1, 2, 3].map(() => newCase()));
    const results = await Promise.all(cases.map((caseId) => assignment.assignCaseworker({ caseId, agency: 'AUTHORITY' })));
    // caseworker2 takes two (18 → 20), caseworker1 one (19 → 20); caseworker3 is at the cap
    expect(results.map((r) => r.username).sort()).toEqual(['caseworker1', 'caseworker2', 'caseworker2']);
    expect(results.every((r) => !r.atCap)).toBe(true);
  });

  it('assigns the least loaded when everyone is at the cap, and tells the lead once', async () => {
    await setLoads({ caseworker1: 21, caseworker2: 20, caseworker3: 22 });
    const caseId = await newCase();
    expect(await assignment.assignCaseworker({ caseId, agency: 'AUTHORITY' })).toEqual({ username: 'caseworker2', atCap: true });
    const alerts = await stack.db.query(`SELECT username, data FROM alerts WHERE case_id = $1 AND type = 'caseload.at-cap'`, [caseId]);
    expect(alerts.rows).toEqual([{ username: 'lead1', data: { team: 'family', cap: 20, assignedTo: 'caseworker2' } }]);
    await waitFor(() => stack.mail.messages.some((m) => m.to.includes('lead1@demo.sagsflow.local')));
  });

  it('assigns a coordinator (tovholder) from the policy’s eligible agencies, least loaded first', async () => {
    await stack.db.query(`UPDATE cases SET status = 'closed'`);
    const first = await newCase();
    const second = await newCase();
    const a = await assignment.assignCoordinator({ caseId: first });
    const b = await assignment.assignCoordinator({ caseId: second });
    expect(['caseworker1', 'caseworker2', 'caseworker3']).toContain(a.username);
    expect(b.username).not.toBe(a.username);
    expect((await assignment.assignCoordinator({ caseId: first })).username).toBe(a.username);
  });
});
