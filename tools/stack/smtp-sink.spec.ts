import { connect, Socket } from 'node:net';
import { createTransport } from 'nodemailer';
import { assertPortFree, freePort } from './ports';
import { startSmtpSink } from './smtp-sink';
import { waitFor } from '../../test/support/wait';

describe('SMTP sink', () => {
  it('stops and frees its port even while a client keeps its connection open', async () => {
    const port = await freePort();
    const sink = await startSmtpSink({ port });
    const client: Socket = connect(port, '127.0.0.1');
    client.on('error', () => undefined);
    await new Promise((r) => client.once('data', r)); // the 220 greeting: the session is open

    const started = Date.now();
    await sink.stop(100);
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(assertPortFree(port, 'SMTP_SINK_PORT')).resolves.toBeUndefined();
    client.destroy();
  });

  it('lives on when a client is cut off in the middle of a mail (its app killed with -9), and takes the next', async () => {
    const port = await freePort();
    const logged: string[] = [];
    const sink = await startSmtpSink({ port, log: (message) => logged.push(message) });
    const client: Socket = connect(port, '127.0.0.1');
    client.on('error', () => undefined);
    let received = '';
    client.on('data', (data) => (received += String(data)));
    // The server's reply to the last command: its final line starts with the code and a space.
    const replied = async (code: number) => {
      await waitFor(() => new RegExp(`^${code} `, 'm').test(received), 5_000);
      received = '';
    };
    await replied(220);
    for (const [command, code] of [['EHLO test', 250], ['MAIL FROM:<a@kommune.test>', 250], ['RCPT TO:<b@kommune.test>', 250]] as const) {
      client.write(`${command}\r\n`);
      await replied(code);
    }
    client.resetAndDestroy(); // a TCP reset, as the kernel sends for a killed process, with the mail half sent
    await waitFor(() => logged.some((line) => line.includes('ECONNRESET')), 5_000);

    await createTransport({ url: sink.url }).sendMail({ from: 'a@kommune.test', to: 'b@kommune.test', subject: 'next', text: 'hej' });
    expect(sink.messages.map((m) => m.raw)).toEqual([expect.stringContaining('Subject: next')]);
    await sink.stop(100);
  });
});
