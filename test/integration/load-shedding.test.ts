import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DevIssuer } from '../../apps/api/src/auth/dev-issuer';
import { notificationBody } from '../support/fixtures';
import { createSuiteStack, startApi, SuiteStack } from '../support/stack';

/** Under more load than it may serve at once, the API sheds with 503 and Retry-After, storing nothing. */
describe('load shedding', () => {
  let stack: SuiteStack;
  let api: INestApplication;

  beforeAll(async () => {
    stack = await createSuiteStack({ API_MAX_IN_FLIGHT: '2' });
    api = await startApi(stack.config);
  });
  afterAll(async () => {
    await api?.close();
    await stack?.close();
  });

  it('answers the overflow 503 with Retry-After before storing anything, and takes the same requests when retried', async () => {
    const token = await api.get(DevIssuer).sign('reception1');
    const bodies = Array.from({ length: 30 }, () => notificationBody());
    const post = (i: number) =>
      request(api.getHttpServer()).post('/api/notifications').auth(token, { type: 'bearer' }).set('Idempotency-Key', `shed-${i}`).send(bodies[i]);
    const stored = async () => (await stack.db.query(`SELECT count(*)::int AS n FROM notifications`)).rows[0].n as number;

    const [answers, health] = await Promise.all([Promise.all(bodies.map((_, i) => post(i))), request(api.getHttpServer()).get('/health')]);
    const shed = answers.flatMap((res, i) => (res.status === 503 ? [i] : []));
    expect(answers.every((res) => res.status === 201 || res.status === 503)).toBe(true);
    expect(shed.length).toBeGreaterThan(0);
    expect(answers[shed[0]].headers['retry-after']).toBe('1');
    expect(answers[shed[0]].body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    expect(health.status).toBe(200); // operations never shed
    expect(await stored()).toBe(answers.length - shed.length);

    for (const i of shed) expect((await post(i)).status).toBe(201);
    expect(await stored()).toBe(bodies.length);
  });
});
