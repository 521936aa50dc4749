import { EventEmitter } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface SunkMail {
  from: string;
  to: string[];
  raw: string;
}

export interface RunningSmtpSink {
  url: string;
  messages: SunkMail[];
  /** Emits 'mail' with each SunkMail. */
  events: EventEmitter;
  /**
   * Stops listening and resolves once the port is free. Clients still connected after `graceMs`
   * (an app's idle pooled connection, a client that died mid-message) are cut off.
   */
  stop(graceMs?: number): Promise<void>;
}

/**
 * A development and test SMTP server that accepts every message and keeps it: in memory, and as
 * .eml files in `dir` when given (so developers can open what coordinators would receive).
 */
export function startSmtpSink(options: { port: number; dir?: string; log?: (message: string) => void }): Promise<RunningSmtpSink> {
  const messages: SunkMail[] = [];
  const events = new EventEmitter();
  if (options.dir) mkdirSync(options.dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    // smtp-server's own grace for open connections (30 s by default); stop() cuts them off sooner.
    closeTimeout: 1_000,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mail: SunkMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        };
        messages.push(mail);
        if (options.dir) writeFileSync(join(options.dir, `${Date.now()}-${messages.length}.eml`), mail.raw);
        options.log?.(`mail to ${mail.to.join(', ')}`);
        events.emit('mail', mail);
        callback();
      });
    },
  });
  // smtp-server's close() only ends its sessions politely and then waits for the clients to hang up;
  // we keep the raw sockets so stop() can destroy them.
  const sockets = new Set<Socket>();
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  let stopped: Promise<void> | undefined;
  const stop = (graceMs = 1_000) =>
    (stopped ??= new Promise<void>((done) => {
      const cutOff = setTimeout(() => sockets.forEach((socket) => socket.destroy()), graceMs);
      server.server.once('close', () => {
        clearTimeout(cutOff);
        done();
      });
      server.close();
    }));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      // A client that goes away in the middle of a message (an app killed with -9) is an 'error' of
      // the server's; unheard, it would end the process this sink runs in. Its message was never
      // accepted, so the client sends it again: nothing is lost.
      server.on('error', (error: Error) => options.log?.(`a client's connection failed: ${error.message}`));
      resolve({ url: `smtp://127.0.0.1:${options.port}`, messages, events, stop });
    });
  });
}
