import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { filter, Observable, Subject } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '@sagsflow/config';
import { ALERT_CHANNEL, AlertEvent } from './alert.service';

const RECONNECT_MS = 1_000;

/**
 * Listens on PostgreSQL for alerts written by any worker and fans them out per user, so every
 * API instance can serve live streams without a message broker.
 */
@Injectable()
export class AlertStream implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AlertStream.name);
  private readonly events = new Subject<AlertEvent>();
  private client?: Client;
  private reconnect?: NodeJS.Timeout;
  private closed = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    await this.listen().catch((error: unknown) => this.retry(error));
  }

  forUser(username: string): Observable<AlertEvent> {
    return this.events.pipe(filter((event) => event.username === username));
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.DATABASE_URL });
    client.on('notification', (message) => {
      if (message.channel === ALERT_CHANNEL && message.payload) this.events.next(JSON.parse(message.payload));
    });
    client.on('error', (error) => this.retry(error));
    await client.connect();
    await client.query(`LISTEN ${ALERT_CHANNEL}`);
    this.client = client;
  }

  private retry(error: unknown): void {
    if (this.closed) return;
    this.logger.warn({ err: error }, 'Alert listener lost its connection; reconnecting');
    void this.client?.end().catch(() => undefined);
    this.client = undefined;
    clearTimeout(this.reconnect);
    this.reconnect = setTimeout(() => void this.listen().catch((e: unknown) => this.retry(e)), RECONNECT_MS).unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnect);
    this.events.complete();
    await this.client?.end().catch(() => undefined);
  }
}
