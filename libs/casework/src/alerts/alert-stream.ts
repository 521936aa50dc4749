import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { filter, Observable, Subject } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '@sagsflow/config';
import type { Agency } from '@sagsflow/domain';
import { TASK_CHANNEL, type TaskChange } from '@sagsflow/persistence';
import { CASE_CHANNEL, type CaseChange } from '../cases/case.service';
import { ALERT_CHANNEL, AlertEvent } from './alert.service';

const RECONNECT_MS = 1_000;

/**
 * Listens on PostgreSQL for alerts, task changes and case changes written by any worker or API
 * instance and fans them out per user (alerts) and per agency (task and case changes), so every API instance can serve live
 * streams without a message broker.
 */
@Injectable()
export class AlertStream implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AlertStream.name);
  private readonly events = new Subject<AlertEvent>();
  private readonly taskChanges = new Subject<TaskChange>();
  private readonly caseChanges = new Subject<CaseChange>();
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

  /** Changes to the tasks of an agency: what its members' inboxes show. */
  tasksForAgency(agency: Agency): Observable<TaskChange> {
    return this.taskChanges.pipe(filter((change) => change.agency === agency));
  }

  /** New timeline entries on the cases an agency owns: what its members' case pages show. */
  casesForAgency(agency: Agency): Observable<CaseChange> {
    return this.caseChanges.pipe(filter((change) => change.agency === agency));
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.DATABASE_URL });
    client.on('notification', (message) => {
      if (!message.payload) return;
      if (message.channel === ALERT_CHANNEL) this.events.next(JSON.parse(message.payload));
      if (message.channel === TASK_CHANNEL) this.taskChanges.next(JSON.parse(message.payload));
      if (message.channel === CASE_CHANNEL) this.caseChanges.next(JSON.parse(message.payload));
    });
    client.on('error', (error) => this.retry(error));
    await client.connect();
    await client.query(`LISTEN ${ALERT_CHANNEL}; LISTEN ${TASK_CHANNEL}; LISTEN ${CASE_CHANNEL}`);
    this.client = client;
  }

  private retry(error: unknown): void {
    if (this.closed) return;
    this.logger.warn({ err: error }, 'Alert and task listener lost its connection; reconnecting');
    void this.client?.end().catch(() => undefined);
    this.client = undefined;
    clearTimeout(this.reconnect);
    this.reconnect = setTimeout(() => void this.listen().catch((e: unknown) => this.retry(e)), RECONNECT_MS).unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnect);
    this.events.complete();
    this.taskChanges.complete();
    await this.client?.end().catch(() => undefined);
  }
}
