import { readFileSync, existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import request from 'supertest';
import { childCpr, notificationBody } from '../support/fixtures';
import { AesGcmPayloadCodec, dataConverterFor, notificationWorkflowId } from '@sagsflow/temporal';
import { defaultPayloadConverter } from '@temporalio/common';
import { stackValue } from '../support/stack-env';
import { createSuiteStack, login, startApi, startWorker, SuiteStack, waitFor } from '../support/stack';

const CPR = '150318-4321';
const NAME = 'Sofie Østergaard-Nielsen';

/** What administrators see in Temporal Web, and what the Temporal server stores on disk. */
describe('Temporal Web: findable processes, no personal data in the clear', () => {
  let stack: SuiteStack;
  let api: INestApplication;
  let worker: Awaited<ReturnType<typeof startWorker>>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    stack = await createSuiteStack({ CODEC_DEV_SECRET: 'a-development-secret-0123' });
    worker = await startWorker(stack.config);
    api = await startApi(stack.config);
    for (const user of ['reception1', 'admin1', 'caseworker1']) tokens[user] = await login(api, user);
  });
  afterAll(async () => {
    await api?.close();
    await worker?.stop();
    await stack?.close();
  });

  async function notify(receivedAt = new Date(), child: Record<string, string> = { cpr: CPR, name: NAME }): Promise<{ caseId: string; workflowId: string; taskId: string }> {
    const res = await request(api.getHttpServer())
      .post('/api/notifications')
      .auth(tokens.reception1, { type: 'bearer' })
      .send(notificationBody({ receivedAt: receivedAt.toISOString(), concern: `Concern about ${NAME}, ${CPR}`, child }))
      .expect(201);
    let taskId = '';
    await waitFor(async () => {
      taskId = (await stack.db.query('SELECT id FROM tasks WHERE case_id = $1', [res.body.caseId])).rows[0]?.id ?? '';
      return taskId !== '';
    });
    return { ...res.body, taskId };
  }

  /** Every byte the dev server has written for its SQLite database (main file and write-ahead log). */
  const serverBytes = () => {
    const file = stackValue('temporalDbFile');
    return Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
  };
  const contains = (haystack: Buffer, needle: string) =>
    haystack.includes(Buffer.from(needle, 'utf8')) || haystack.includes(Buffer.from(needle, 'utf16le'));

  it('keeps a CPR number and a name that pass through a process out of the server database', async () => {
    const { workflowId, taskId } = await notify();
    // The caseworker's note travels to the workflow in the Update's arguments and result.
    await request(api.getHttpServer())
      .post(`/api/tasks/${taskId}/complete`)
      .auth(tokens.reception1, { type: 'bearer' })
      .send({ outcome: { decision: 'advice', note: `Spoke with ${NAME} (${CPR}) and her mother` } })
      .expect(200);
    await stack.temporal.workflow.getHandle(workflowId).result();

    // Control: the same search finds text a client without our codec writes into a history.
    const marker = `plain-marker-${randomUUID()}`;
    const plain = new Client({ connection: await Connection.connect({ address: stackValue('temporalAddress') }), namespace: stack.config.TEMPORAL_NAMESPACE });
    await plain.workflow.start('notificationWorkflow', { workflowId: `control-${marker}`, taskQueue: 'nobody-polls-this', args: [{ marker }] });
    await waitFor(() => contains(serverBytes(), marker));

    const bytes = serverBytes();
    expect(contains(bytes, CPR)).toBe(false);
    expect(contains(bytes, CPR.replace('-', ''))).toBe(false);
    expect(contains(bytes, NAME)).toBe(false);
    expect(contains(bytes, 'Østergaard')).toBe(false);
    await plain.connection.close();
  });

  it('finds a case’s workflows by CaseId, ProcessKind, Municipality and OwnerAgency, with a readable memo', async () => {
    const { caseId, workflowId } = await notify(new Date(), { cpr: childCpr() });
    const find = async (query: string) => {
      const ids: string[] = [];
      for await (const wf of stack.temporal.workflow.list({ query })) ids.push(wf.workflowId);
      return ids;
    };
    const caseNumber = (await stack.db.query('SELECT case_number FROM cases WHERE id = $1', [caseId])).rows[0].case_number;
    await waitFor(async () => (await find(`CaseId = "${caseId}"`)).length === 2);
    expect((await find(`CaseId = "${caseId}"`)).sort()).toEqual([`case-${caseNumber}`, workflowId].sort());
    expect(await find(`ProcessKind = "notification" AND CaseId = "${caseId}"`)).toEqual([workflowId]);
    expect(await find(`ProcessKind = "case" AND CaseId = "${caseId}"`)).toEqual([`case-${caseNumber}`]);
    expect((await find(`Municipality = "demo" AND OwnerAgency = "RECEPTION" AND CaseId = "${caseId}"`)).sort()).toEqual([`case-${caseNumber}`, workflowId].sort());
    expect(await find(`ProcessKind = "placement" AND CaseId = "${caseId}"`)).toEqual([]);

    const description = await stack.temporal.workflow.getHandle(workflowId).describe();
    expect(workflowId).toMatch(/^notification-[0-9a-f-]{36}$/);
    expect(description.memo).toMatchObject({ summary: expect.stringContaining('citizen notifier'), caseNumber: expect.stringMatching(/^\d{4}-\d{6}$/) });
    expect(JSON.stringify(description.memo)).not.toMatch(new RegExp(`${CPR}|Sofie`));
  });

  it('finds overdue processes by Overdue, with their NextDeadline', async () => {
    // Received 25 hours ago: the 24-hour triage deadline has already passed when the workflow starts.
    const { workflowId } = await notify(new Date(Date.now() - 25 * 3_600_000));
    const overdue = async () => {
      const ids: string[] = [];
      for await (const wf of stack.temporal.workflow.list({ query: 'Overdue = true AND ProcessKind = "notification"' })) ids.push(wf.workflowId);
      return ids;
    };
    await waitFor(async () => (await overdue()).includes(workflowId));
    const description = await stack.temporal.workflow.getHandle(workflowId).describe();
    expect(description.searchAttributes).toMatchObject({ Overdue: [true], NextDeadline: [expect.any(Date)] });
    // Overdue is marked as the deadline passes; the escalation alert follows from an activity.
    await waitFor(async () => (await stack.db.query(`SELECT 1 FROM alerts WHERE type = 'task.escalated'`)).rowCount === 1);
    expect(await stack.db.query(`SELECT username FROM alerts WHERE type = 'task.escalated'`)).toMatchObject({ rows: [{ username: 'lead1' }] });
  });

  describe('codec endpoint', () => {
    const encoded = async () => {
      const codec = new AesGcmPayloadCodec(stack.config.TEMPORAL_PAYLOAD_KEYS, stack.config.TEMPORAL_PAYLOAD_KEY_ID);
      const [payload] = await codec.encode([defaultPayloadConverter.toPayload({ cpr: CPR })!]);
      return {
        payloads: [
          {
            metadata: Object.fromEntries(Object.entries(payload.metadata!).map(([k, v]) => [k, Buffer.from(v!).toString('base64')])),
            data: Buffer.from(payload.data!).toString('base64'),
          },
        ],
      };
    };
    const decodedValue = (body: { payloads: { metadata: Record<string, string>; data: string }[] }) =>
      JSON.parse(Buffer.from(body.payloads[0].data, 'base64').toString());
    const base64 = (text: string) => Buffer.from(text).toString('base64');

    it('decodes for an administrator', async () => {
      const res = await request(api.getHttpServer()).post('/codec/decode').auth(tokens.admin1, { type: 'bearer' }).set('X-Namespace', 'default').send(await encoded()).expect(200);
      expect(decodedValue(res.body)).toEqual({ cpr: CPR });
    });

    it('shows a plain payload as it is, so a refused attempt can be read in its history, and a forged one as refused', async () => {
      const plain = { metadata: { encoding: base64('json/plain') }, data: base64(JSON.stringify({ taskId: 't1', actor: 'lead1' })) };
      const genuine = (await encoded()).payloads[0];
      const forged = { ...genuine, data: Buffer.from(genuine.data, 'base64').reverse().toString('base64') };
      const res = await request(api.getHttpServer()).post('/codec/decode').auth(tokens.admin1, { type: 'bearer' }).send({ payloads: [plain, forged] }).expect(200);
      expect(res.body.payloads[0]).toEqual(plain);
      expect(res.body.payloads[1].metadata).toEqual({ encoding: base64('binary/refused'), 'refusal-reason': base64('failed authentication') });
    });

    it('has no encode endpoint, signed in or under the development path: only the API and the worker encrypt', async () => {
      const body = { payloads: [{ metadata: { encoding: base64('json/plain') }, data: base64('{}') }] };
      await request(api.getHttpServer()).post('/codec/encode').auth(tokens.admin1, { type: 'bearer' }).send(body).expect(404);
      await request(api.getHttpServer()).post('/codec/dev/a-development-secret-0123/encode').send(body).expect(404);
    });

    it('refuses a caseworker (403) and a request without a token (401)', async () => {
      await request(api.getHttpServer()).post('/codec/decode').auth(tokens.caseworker1, { type: 'bearer' }).send(await encoded()).expect(403);
      await request(api.getHttpServer()).post('/codec/decode').send(await encoded()).expect(401);
    });

    it("answers the Web UI's CORS preflight, and only for its origin", async () => {
      const preflight = await request(api.getHttpServer())
        .options('/codec/decode')
        .set('Origin', 'http://localhost:8233')
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization,content-type,x-namespace')
        .expect(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:8233');
      expect(preflight.headers['access-control-allow-headers']).toMatch(/Authorization/i);
      expect(preflight.headers['access-control-allow-credentials']).toBe('true');

      const stranger = await request(api.getHttpServer())
        .options('/codec/decode')
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'POST');
      expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('serves the development Web UI under its secret path only', async () => {
      const res = await request(api.getHttpServer()).post('/codec/dev/a-development-secret-0123/decode').send(await encoded()).expect(200);
      expect(decodedValue(res.body)).toEqual({ cpr: CPR });
      await request(api.getHttpServer()).post('/codec/dev/a-development-secret-0124/decode').send(await encoded()).expect(404);
    });

    it('rejects a malformed body naming the field', async () => {
      const res = await request(api.getHttpServer()).post('/codec/decode').auth(tokens.admin1, { type: 'bearer' }).send({ payloads: 'x' }).expect(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain('payloads');
    });
  });
});

/** Rotation: histories written under key 1 stay readable after key 2 becomes current. */
describe('payload key rotation on the real stack', () => {
  it('keeps a running process working across a rotation to a new current key', async () => {
    const k1 = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
    const k2 = `k2:${Buffer.alloc(32, 2).toString('base64')}`;
    const first = await createSuiteStack({ TEMPORAL_PAYLOAD_KEYS: k1 });
    let worker = await startWorker(first.config);
    let api = await startApi(first.config);
    const token = await login(api, 'reception1');
    const created = await request(api.getHttpServer())
      .post('/api/notifications')
      .auth(token, { type: 'bearer' })
      .send(notificationBody())
      .expect(201);
    let taskId = '';
    await waitFor(async () => {
      taskId = (await first.db.query('SELECT id FROM tasks WHERE case_id = $1', [created.body.caseId])).rows[0]?.id ?? '';
      return taskId !== '';
    });
    await api.close();
    await worker.stop();

    // Same database and namespace; the worker and API now hold both keys and write with key 2.
    const rotated = { ...first.config, TEMPORAL_PAYLOAD_KEYS: [...first.config.TEMPORAL_PAYLOAD_KEYS, { id: 'k2', key: Buffer.from(k2.slice(3), 'base64') }], TEMPORAL_PAYLOAD_KEY_ID: 'k2' };
    worker = await startWorker(rotated);
    api = await startApi(rotated);
    try {
      await request(api.getHttpServer())
        .post(`/api/tasks/${taskId}/complete`)
        .auth(await login(api, 'reception2'), { type: 'bearer' })
        .send({ outcome: { decision: 'close' } })
        .expect(200);
      const handle = new Client({
        connection: first.temporal.connection,
        namespace: first.config.TEMPORAL_NAMESPACE,
        dataConverter: dataConverterFor(rotated),
      }).workflow.getHandle(notificationWorkflowId(created.body.id));
      expect(await handle.result()).toMatchObject({ decision: 'close' });
      const history = JSON.stringify(await handle.fetchHistory());
      expect(history).toContain(Buffer.from('k1').toString('base64'));
      expect(history).toContain(Buffer.from('k2').toString('base64'));
    } finally {
      await api.close();
      await worker.stop();
      await first.close();
    }
  });
});
