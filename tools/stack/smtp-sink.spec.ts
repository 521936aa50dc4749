import { connect, Socket } from 'node:net';
import { assertPortFree, freePort } from './ports';
import { startSmtpSink } from './smtp-sink';

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
});
