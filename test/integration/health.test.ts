import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { Client as PgClient } from 'pg';
import { freePort } from '../../tools/stack/ports';
import { stackValue } from '../support/stack-env';
import { createSuiteStack, startApi, SuiteStack } from '../support/stack';

describe('GET /health', () => {
  const opened: { stack: SuiteStack; api: INestApplication }[] = [];
  async function open(overrides: Parameters<typeof createSuiteStack>[0] = {}) {
    const stack = await createSuiteStack(overrides);
    const api = await startApi(stack.config);
    opened.push({ stack, api });
    return { stack, api };
  }
  afterAll(async () => {
    for (const { stack, api } of opened) {
      await api.close();
      await stack.close();
    }
  });

  it('is 200 with the database and Temporal reported separately when both are up', async () => {
    const { api } = await open();
    const res = await request(api.getHttpServer()).get('/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.details.database.status).toBe('up');
    expect(res.body.details.temporal.status).toBe('up');
  });

  it('is 503 naming Temporal when Temporal cannot be reached', async () => {
    const { api } = await open({ TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}` });
    const res = await request(api.getHttpServer()).get('/health').expect(503);
    expect(res.body.details.database.status).toBe('up');
    expect(res.body.details.temporal.status).toBe('down');
    expect(Object.keys(res.body.error)).toEqual(['temporal']);
  });

  it('is 503 naming the database when PostgreSQL stops answering', async () => {
    const { stack, api } = await open();
    const database = new URL(stack.config.DATABASE_URL).pathname.slice(1);
    const admin = new PgClient({ connectionString: stackValue('postgresAdminUrl') });
    await admin.connect();
    await admin.query(`DROP DATABASE ${database} WITH (FORCE)`);
    await admin.end();

    const res = await request(api.getHttpServer()).get('/health').expect(503);
    expect(res.body.details.database.status).toBe('down');
    expect(res.body.details.temporal.status).toBe('up');
  });
});
