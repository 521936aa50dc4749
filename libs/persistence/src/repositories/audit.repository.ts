import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditAction, AuditEntryEntity, type JsonObject } from '../entities';

export interface NewAuditEntry {
  username: string;
  agency: string;
  caseId: string | null;
  action: AuditAction;
  what: string;
  purpose: string;
  detail?: JsonObject;
}

export interface AuditQuery {
  caseId?: string;
  username?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

/** The audit entry of the change a request is making, until the change's own transaction writes it. */
export interface PendingChange {
  entry: Omit<NewAuditEntry, 'caseId'>;
  written: boolean;
}

const pendingChange = new AsyncLocalStorage<PendingChange>();

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>) {}

  async append(entry: NewAuditEntry, em: EntityManager = this.entries.manager): Promise<void> {
    await em.query(
      `INSERT INTO audit_log (username, agency, case_id, action, what, purpose, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [entry.username, entry.agency, entry.caseId, entry.action, entry.what, entry.purpose, entry.detail ?? {}],
    );
  }

  /** Runs `work` (a request's handler) with its audit entry pending, for {@link appendPendingIn}. */
  withPendingChange<T>(pending: PendingChange, work: () => T): T {
    return pendingChange.run(pending, work);
  }

  /**
   * Writes the pending change's entry in the caller's transaction, the one that makes the change,
   * so the change and its audit entry are committed together or not at all. Without a pending
   * change (a worker, a test) it does nothing.
   */
  async appendPendingIn(em: EntityManager, caseId: string | null): Promise<void> {
    const pending = pendingChange.getStore();
    if (!pending || pending.written) return;
    await this.append({ ...pending.entry, caseId }, em);
    pending.written = true;
  }

  async find(query: AuditQuery): Promise<{ items: AuditEntryEntity[]; total: number }> {
    const qb = this.entries.createQueryBuilder('a');
    if (query.caseId) qb.andWhere('a.case_id = :caseId', { caseId: query.caseId });
    if (query.username) qb.andWhere('a.username = :username', { username: query.username });
    if (query.from) qb.andWhere('a.at >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.at < :to', { to: query.to });
    const [items, total] = await qb
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total };
  }
}
