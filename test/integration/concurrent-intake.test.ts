import { childCpr, notificationBody } from '../support/fixtures';
import { OpenSuite, openSuite } from '../support/stack';

/** Notifications about one child that arrive at the same moment open one case, never two. */
describe('concurrent intake for one child', () => {
  let suite: OpenSuite;
  beforeAll(async () => {
    suite = await openSuite(['reception1']);
  });
  afterAll(async () => {
    await suite?.close();
  });

  const sendTen = (child: Record<string, unknown>) =>
    Promise.all(Array.from({ length: 10 }, () => suite.as('reception1').post('/api/notifications', notificationBody({ child }))));

  const footprintOf = async (where: string, values: unknown[]) => {
    const { rows } = await suite.stack.db.query(
      `SELECT count(DISTINCT ch.id)::int AS children, count(DISTINCT c.id)::int AS cases, count(n.id)::int AS notifications
         FROM children ch LEFT JOIN cases c ON c.child_id = ch.id LEFT JOIN notifications n ON n.case_id = c.id
        WHERE ${where}`,
      values,
    );
    return rows[0];
  };

  it('ten at once for one CPR number: ten notifications, one child, one case', async () => {
    const cpr = childCpr();
    const answers = await sendTen({ cpr });
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => a.body.caseId)).size).toBe(1);
    expect(await footprintOf('ch.cpr = $1', [cpr])).toEqual({ children: 1, cases: 1, notifications: 10 });
  });

  it('ten at once for a child without a CPR number (same name and birth date): one child, one case, the others asked to confirm', async () => {
    const name = `Barn ${Date.now()}`;
    const answers = await sendTen({ name, birthDate: '2015-03-04' });
    const created = answers.filter((a) => a.status === 201);
    expect(created).toHaveLength(1);
    // The first registered the child; the others found it and ask reception whether it is the same child.
    const asked = answers.filter((a) => a.status === 409);
    expect(asked).toHaveLength(9);
    expect(new Set(asked.map((a) => JSON.stringify(a.body.matches))).size).toBe(1);
    expect(asked[0].body.matches).toEqual([{ childId: expect.any(String), caseId: created[0].body.caseId, caseNumber: expect.any(String) }]);
    expect(await footprintOf('ch.name = $1', [name])).toEqual({ children: 1, cases: 1, notifications: 1 });
  });

  it('ten confirmed as the same known child at once: ten notifications on its one case', async () => {
    const name = `Barn ${Date.now()}`;
    const first = (await suite.as('reception1').post('/api/notifications', notificationBody({ child: { name, birthDate: '2016-01-02' } })).expect(201)).body;
    const { childId } = (await suite.as('reception1').post('/api/notifications', notificationBody({ child: { name, birthDate: '2016-01-02' } })).expect(409)).body.matches[0];
    const answers = await sendTen({ name, birthDate: '2016-01-02', sameAs: childId });
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => a.body.caseId))).toEqual(new Set([first.caseId]));
    expect(await footprintOf('ch.name = $1', [name])).toEqual({ children: 1, cases: 1, notifications: 11 });
  });
});
