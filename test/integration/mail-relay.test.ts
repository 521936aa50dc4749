import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { AlertService, MailRelay } from '@sagsflow/casework';
import { startSmtpSink } from '../../tools/stack/smtp-sink';
import { readMail } from '../support/mail';
import { createSuiteStack, startCasework, SuiteStack, waitFor } from '../support/stack';

/** E-mail of alerts through the alerts table as a queue: raising an alert never waits for SMTP. */
describe('the e-mail relay on PostgreSQL', () => {
  let stack: SuiteStack;
  let app: INestApplicationContext;
  let alerts: AlertService;

  beforeAll(async () => {
    stack = await createSuiteStack();
    app = await startCasework(stack.config, [MailRelay]);
    alerts = app.get(AlertService);
  });
  afterAll(async () => {
    await app?.close();
    await stack?.close();
  });

  const alert = (username: string) => ({
    key: `relay-test/${randomUUID()}`,
    username,
    type: 'task.assigned' as const,
    taskId: null,
    caseId: null,
    data: { kind: 'triage', step: 'triage', dueAt: new Date().toISOString() },
  });
  const mailState = async (key: string) =>
    (await stack.db.query(`SELECT mail_status, mail_attempts, emailed_at FROM alerts WHERE key LIKE $1 || '%'`, [key])).rows;

  it('mails each user of a team alert once, and marks it sent', async () => {
    const teamAlert = alert('');
    await alerts.sendToAll(['reception1', 'reception2'], teamAlert);
    await alerts.sendToAll(['reception1', 'reception2'], teamAlert); // a retried activity
    await waitFor(async () => (await mailState(teamAlert.key)).every((row) => row.mail_status === 'sent'));
    expect((await mailState(teamAlert.key)).length).toBe(2);
    expect(stack.mail.messages.map((m) => m.to[0]).sort()).toEqual(['reception1@demo.sagsflow.local', 'reception2@demo.sagsflow.local']);
    // Each alert's mail names the alert in its Message-ID, so a repeated send is the same message.
    const ids = (await stack.db.query(`SELECT id FROM alerts WHERE key LIKE $1 || '%'`, [teamAlert.key])).rows.map((r) => `<alert-${r.id}@localhost>`);
    const messageIds = stack.mail.messages.map((m) => /^Message-ID: (.+)$/im.exec(readMail(m).raw)?.[1].trim());
    expect(messageIds.sort()).toEqual(ids.sort());
  });

  it('skips a user who cannot be mailed', async () => {
    const unknown = alert('nobody-here');
    await alerts.send(unknown);
    await waitFor(async () => (await mailState(unknown.key))[0]?.mail_status === 'skipped');
    expect(stack.mail.messages).toHaveLength(2); // only the first test's
  });

  it('keeps an alert queued while SMTP is down and sends it once SMTP is back', async () => {
    const port = Number(new URL(stack.mail.url).port);
    await stack.mail.stop(0);
    const queued = alert('caseworker1');
    await alerts.send(queued); // returns at once: nothing waits for SMTP
    await waitFor(async () => (await mailState(queued.key))[0]?.mail_attempts >= 1);
    expect((await mailState(queued.key))[0].mail_status).toBe('pending');

    const back = await startSmtpSink({ port });
    try {
      // The first retry is 10 s after the failed attempt; let it come due now.
      await stack.db.query(`UPDATE alerts SET mail_next_attempt_at = now() WHERE key = $1`, [queued.key]);
      await waitFor(async () => (await mailState(queued.key))[0]?.mail_status === 'sent');
      expect(back.messages.map((m) => m.to[0])).toEqual(['caseworker1@demo.sagsflow.local']);
    } finally {
      await back.stop();
    }
  });
});
