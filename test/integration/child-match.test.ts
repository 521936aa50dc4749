import { notificationBody } from '../support/fixtures';
import { OpenSuite, openSuite } from '../support/stack';

/**
 * A child without a CPR number is known by name and birth date only, which two children may share:
 * reception confirms a match, or rules it out, instead of the product merging them silently.
 */
describe('intake of a child without a CPR number who may be a known child', () => {
  let suite: OpenSuite;
  beforeAll(async () => {
    suite = await openSuite(['reception1']);
  });
  afterAll(async () => {
    await suite?.close();
  });

  const intake = (child: Record<string, unknown>) => suite.as('reception1').post('/api/notifications', notificationBody({ child }));
  const count = async (table: string) => (await suite.stack.db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;

  it('asks, stores nothing, and then files the notification as reception decided', async () => {
    const child = { name: `Barn ${Date.now()}`, birthDate: '2014-06-07' };
    const first = (await intake(child).expect(201)).body;

    const before = { notifications: await count('notifications'), children: await count('children'), outbox: await count('process_outbox') };
    const asked = await intake(child).expect(409);
    expect(asked.body.fields).toEqual([{ field: 'child.sameAs', rules: ['confirmMatch'] }]);
    expect(asked.body.message).toMatch(/child\.sameAs .* child\.distinct/);
    const [known] = asked.body.matches;
    expect(asked.body.matches).toEqual([{ childId: known.childId, caseId: first.caseId, caseNumber: expect.stringMatching(/^\d{4}-\d{6}$/) }]);
    expect({ notifications: await count('notifications'), children: await count('children'), outbox: await count('process_outbox') }).toEqual(before);

    // The same child: the notification joins their open case.
    const same = (await intake({ ...child, sameAs: known.childId }).expect(201)).body;
    expect(same.caseId).toBe(first.caseId);

    // Another child of the same name and birth date: a child and a case of their own.
    const other = (await intake({ ...child, distinct: true }).expect(201)).body;
    expect(other.caseId).not.toBe(first.caseId);

    // From now on reception chooses between both.
    const both = (await intake(child).expect(409)).body.matches.map((m: { caseId: string }) => m.caseId);
    expect(both).toEqual([first.caseId, other.caseId]);
  });

  it('names the field when the confirmation does not fit the child', async () => {
    const child = { name: `Barn ${Date.now()}`, birthDate: '2013-02-03' };
    await intake(child).expect(201);
    const stranger = await intake({ ...child, sameAs: '6f1c3a52-0d1e-4c43-9a55-2b8f0e7d9c10' }).expect(422);
    expect(stranger.body.fields).toEqual([{ field: 'child.sameAs', rules: ['isKnownMatch'] }]);

    const withCpr = await intake({ cpr: '170514-4321', sameAs: '6f1c3a52-0d1e-4c43-9a55-2b8f0e7d9c10' }).expect(400);
    expect(withCpr.body.fields).toEqual([expect.objectContaining({ field: 'child.sameAs', rules: ['withoutCpr'] })]);
    const both = await intake({ ...child, sameAs: '6f1c3a52-0d1e-4c43-9a55-2b8f0e7d9c10', distinct: true }).expect(400);
    expect(both.body.fields).toEqual([expect.objectContaining({ field: 'child.distinct', rules: ['notWithSameAs'] })]);
    const notUuid = await intake({ ...child, sameAs: 'the first one' }).expect(400);
    expect(notUuid.body.fields).toEqual([expect.objectContaining({ field: 'child.sameAs', rules: ['isUuid'] })]);
  });
});
