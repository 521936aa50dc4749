import { caseStateQuery, SearchAttributeKeys } from '@sagsflow/temporal';
import { notificationBody } from '../support/fixtures';
import { OpenSuite, openSuite, waitFor } from '../support/stack';

type Event = { type: string; actor: string; data: Record<string, string> };

/**
 * One case walked through hand-over, decline and involvement on the real stack. The case workflow
 * is the one writer of the owner; after every step the owner must agree in all four places that
 * show it: the API, the workflow's `OwnerAgency`, the read model's row and the timeline.
 */
describe('the case workflow keeps one owner everywhere', () => {
  let suite: OpenSuite;
  let caseId: string;
  let caseNumber: string;
  let contribution: string;

  beforeAll(async () => {
    suite = await openSuite(['reception1', 'caseworker1', 'lead1', 'ppr1']);
  });
  afterAll(async () => {
    await suite?.close();
  });

  const as = (user: string) => suite.as(user);
  const view = async () => (await as('reception1').get(`/api/cases/${caseId}`).expect(200)).body;
  const timeline = async (): Promise<Event[]> => (await view()).timeline;

  /** The owner as each place shows it; the timeline's is its last `owner.changed`, RECEPTION before any. */
  async function owners() {
    const [api, description, row, events] = await Promise.all([
      view(),
      suite.stack.temporal.workflow.getHandle(`case-${caseNumber}`).describe(),
      suite.stack.db.query(`SELECT owner_agency FROM cases WHERE id = $1`, [caseId]),
      timeline(),
    ]);
    const changes = events.filter((e) => e.type === 'owner.changed');
    return {
      api: api.owner,
      searchAttribute: description.typedSearchAttributes.get(SearchAttributeKeys.ownerAgency),
      readModel: row.rows[0].owner_agency,
      timeline: changes.at(-1)?.data.to ?? 'RECEPTION',
    };
  }

  /** Waits (the workflow writes the four one after another) until all four show `owner`. */
  async function expectOwner(owner: string): Promise<void> {
    const everywhere = { api: owner, searchAttribute: owner, readModel: owner, timeline: owner };
    // On a timeout the expectation below shows which place disagrees.
    await waitFor(async () => JSON.stringify(await owners()) === JSON.stringify(everywhere)).catch(() => undefined);
    expect(await owners()).toEqual(everywhere);
  }

  /** The open task of `kind` on the case workflow, once it exists. */
  async function openTask(kind: string): Promise<string> {
    let id: string | undefined;
    await waitFor(async () => {
      id = (await suite.stack.db.query(`SELECT id FROM tasks WHERE workflow_id = $1 AND kind = $2 AND status = 'open'`, [`case-${caseNumber}`, kind])).rows[0]?.id;
      return id !== undefined;
    });
    return id!;
  }

  /** The authority asks PPR for its assessment; the key makes a retry the same request. */
  const involvePpr = () => as('caseworker1').post(`/api/cases/${caseId}/involvements`, { agency: 'PPR', what: 'PPR assessment' }, { 'Idempotency-Key': 'ppr-assessment' });
  const hasEvent = async (type: string) => (await timeline()).some((e) => e.type === type);

  it('opens the case with a notification: reception owns it', async () => {
    const res = await as('reception1').post('/api/notifications', notificationBody()).expect(201);
    caseId = res.body.caseId;
    caseNumber = (await view()).caseNumber;
    await expectOwner('RECEPTION');
  });

  it('hands it to the authority on request, pending until accepted; a second request meanwhile is refused', async () => {
    const first = await as('reception1').post(`/api/cases/${caseId}/handovers`, { to: 'AUTHORITY', reason: 'Needs an investigation' });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ status: 'pending', owner: 'RECEPTION' });
    await waitFor(async () => (await view()).pendingHandover !== null);
    expect((await view()).pendingHandover).toMatchObject({ requestId: first.body.requestId, from: 'RECEPTION', to: 'AUTHORITY', requestedBy: 'reception1' });
    await expectOwner('RECEPTION');

    await as('reception1').post(`/api/cases/${caseId}/handovers`, { to: 'PPR', reason: 'School difficulties' }).expect(409);
    await expectOwner('RECEPTION');
  });

  it('moves the case when an authority caseworker accepts', async () => {
    const accept = await openTask('accept-handover');
    await as('caseworker1').post(`/api/tasks/${accept}/complete`, { outcome: { decision: 'accept' } }).expect(200);
    await expectOwner('AUTHORITY');
    expect((await view()).pendingHandover).toBeNull();
    expect((await timeline()).filter((e) => e.type === 'owner.changed')).toEqual([
      expect.objectContaining({ actor: 'caseworker1', data: expect.objectContaining({ from: 'RECEPTION', to: 'AUTHORITY' }) }),
    ]);
  });

  it('keeps the case with the authority when PPR declines, and alerts the authority’s lead', async () => {
    await as('caseworker1').post(`/api/cases/${caseId}/handovers`, { to: 'PPR', reason: 'School difficulties' }).expect(202);
    await expectOwner('AUTHORITY');
    const accept = await openTask('accept-handover');
    await as('ppr1').post(`/api/tasks/${accept}/complete`, { outcome: { decision: 'decline', reason: 'Not a school matter' } }).expect(200);

    await waitFor(() => hasEvent('handover.declined'));
    await expectOwner('AUTHORITY');
    const view1 = await view();
    expect(view1.pendingHandover).toBeNull();
    expect(view1.timeline.find((e: Event) => e.type === 'handover.declined')).toMatchObject({
      actor: 'ppr1',
      data: { from: 'AUTHORITY', to: 'PPR', reason: 'Not a school matter' },
    });
    await waitFor(async () => (await suite.stack.db.query(`SELECT 1 FROM alerts WHERE case_id = $1 AND type = 'handover.declined'`, [caseId])).rowCount === 1);
    const alerts = (await suite.stack.db.query(`SELECT username, data FROM alerts WHERE case_id = $1 AND type = 'handover.declined'`, [caseId])).rows;
    expect(alerts).toEqual([{ username: 'lead1', data: { from: 'AUTHORITY', to: 'PPR' } }]);
  });

  it('involves PPR without handing over: PPR reads the case while its contribution is open, and the owner stays', async () => {
    // Its hand-over task is closed: PPR has no open work on the case and may not read it.
    await as('ppr1').get(`/api/cases/${caseId}`).expect(403);

    const res = await involvePpr();
    expect(res.status).toBe(202);
    contribution = await openTask('contribution');
    expect(res.body).toEqual({ taskId: contribution });
    expect((await as('ppr1').get(`/api/cases/${caseId}`).expect(200)).body.owner).toBe('AUTHORITY');
    await as('ppr1').get(`/api/tasks/${contribution}`).expect(200);
    await expectOwner('AUTHORITY');

    await as('ppr1').post(`/api/tasks/${contribution}/complete`, { outcome: { summary: 'Needs a support teacher in class' } }).expect(200);
    await waitFor(() => hasEvent('involvement.contributed'));
    expect((await timeline()).find((e) => e.type === 'involvement.contributed')).toMatchObject({ actor: 'ppr1', data: { agency: 'PPR' } });
    await expectOwner('AUTHORITY');
    await as('ppr1').get(`/api/cases/${caseId}`).expect(403);
    // Its own task's outcome too: a task is read only while its case is shared with the agency.
    const read = await as('ppr1').get(`/api/tasks/${contribution}`);
    expect(read.status).toBe(403);
    expect(read.body.message).toBe(`Task ${contribution} belongs to case ${caseId}, which is not shared with PPR`);
  });

  // This stack suggests continue-as-new every 30 events, so by now Temporal no longer knows the
  // first Update's id: the case workflow itself remembers the involvements it answered.
  it('answers a retried involvement after the contribution is in as the first time, with no task left open', async () => {
    const retry = await involvePpr().expect(202);
    const state = await suite.stack.temporal.workflow.getHandle(`case-${caseNumber}`).query(caseStateQuery);
    expect({ taskId: retry.body.taskId, openTasks: state.openTasks }).toEqual({ taskId: contribution, openTasks: [] });
  });
});
