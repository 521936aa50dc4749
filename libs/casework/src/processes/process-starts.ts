import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@sagsflow/config';
import { type Policy, type PolicyName, POLICIES, type ProcessKind } from '@sagsflow/domain';
import { AuditRepository, CaseEntity, ChildEntity, type JsonObject } from '@sagsflow/persistence';
import { processStartedSignal } from '@sagsflow/temporal/shared';
import { CaseService, caseWorkflowIdOf } from '../cases/case.service';
import { InvalidInputError } from '../errors';
import { ProcessOutbox } from '../outbox/process-outbox';
import type { TemporalCall } from '../outbox/temporal-call';
import type { OpenedProcess } from './process-inputs';

/** A process to start on a case: its row is written; this is what its start owes. */
export interface ProcessStart {
  /** The process's id, also its outbox entry's. */
  id: string;
  kind: ProcessKind;
  workflowType: string;
  workflowId: string;
  input: object;
  /** What Temporal Web's list shows: never personal data. */
  summary: string;
  /** Its entry on the case's timeline: ids and dates, no free text. */
  event: { type: string; actor: string; at: string; data: JsonObject };
}

/**
 * What starting an investigation or a measure shares: the case locked while the service decides,
 * a closed case opened again, and, in the same transaction, the Temporal calls owed to the outbox
 * (its workflow started, the case workflow told), the timeline entry and the audit entry; the
 * calls are made after the commit.
 */
@Injectable()
export class ProcessStarts {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly outbox: ProcessOutbox,
    private readonly cases: CaseService,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * What every process's workflow input begins with. The policy's values are frozen at the start,
   * so a later edit of the profile leaves a running process as it began.
   */
  inputBase(found: CaseEntity): { caseId: string; caseWorkflowId: string; municipality: string; policy: PolicyName; policyValues: Policy } {
    const policy = this.config.POLICY;
    return { caseId: found.id, caseWorkflowId: caseWorkflowIdOf(found), municipality: found.municipality, policy, policyValues: POLICIES[policy] };
  }

  /**
   * `decide` runs with the case row locked, so processes starting on it and the case closing take
   * turns; it answers with what it found, or with what it wrote and the start that owes.
   */
  async open<T extends OpenedProcess>(
    caseId: string,
    decide: (em: EntityManager, found: CaseEntity) => Promise<{ opened: T; start?: ProcessStart }>,
  ): Promise<T> {
    const { opened, calls } = await this.dataSource.transaction(async (em) => {
      const found = await lockCase(em, caseId);
      const { opened, start } = await decide(em, found);
      if (!start) return { opened, calls: [] };
      await reopenIfClosed(em, found);
      const owed = startCalls(found, start);
      await this.outbox.add(em, start.id, found.id, owed);
      await this.cases.recordEvent({ key: `${start.workflowId}/started`, caseId: found.id, ...start.event }, em);
      await this.audit.appendPendingIn(em, found.id);
      return { opened, calls: owed };
    });
    if (calls.length > 0) await this.outbox.dispatch(opened.id, calls);
    return opened;
  }
}

/** The case, locked until the transaction ends. */
export async function lockCase(em: EntityManager, caseId: string): Promise<CaseEntity> {
  const found = await em.findOne(CaseEntity, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
  if (!found) throw new InvalidInputError(`Case ${caseId} not found`);
  return found;
}

/** A process starting on a closed case opens it again, unless the child has another open case by now (409: one open case per child). */
async function reopenIfClosed(em: EntityManager, found: CaseEntity): Promise<void> {
  if (found.status === 'open') return;
  const other = found.childId ? await em.findOneBy(CaseEntity, { municipality: found.municipality, childId: found.childId, status: 'open' }) : null;
  if (other) throw new ConflictException(`Case ${found.caseNumber} is closed and the child has another open case, ${other.caseNumber}: start it there`);
  await em.update(CaseEntity, { id: found.id }, { status: 'open' });
}

function startCalls(found: CaseEntity, start: ProcessStart): TemporalCall[] {
  return [
    {
      kind: 'start',
      workflowType: start.workflowType,
      workflowId: start.workflowId,
      args: [start.input],
      searchAttributes: { caseId: found.id, municipality: found.municipality, processKind: start.kind, ownerAgency: found.ownerAgency },
      memo: { summary: start.summary, caseNumber: found.caseNumber },
    },
    // The case workflow keeps every process of the case in view.
    { kind: 'signal', workflowId: caseWorkflowIdOf(found), signal: processStartedSignal.name, args: [{ workflowId: start.workflowId, kind: start.kind }] },
  ];
}

/** The child's birth date (YYYY-MM-DD) when known: it travels in the encrypted workflow input, never in ids or attributes. */
export async function childBornOn(em: EntityManager, found: CaseEntity): Promise<string | undefined> {
  if (!found.childId) return undefined;
  return (await em.findOneBy(ChildEntity, { id: found.childId }))?.birthDate ?? undefined;
}

/**
 * Records what a process's workflow reported: only the fields it gave (`null` clears one), so a
 * repeated report changes nothing.
 */
export async function recordGiven<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, id: string, changes: Partial<T>): Promise<void> {
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  if (Object.keys(given).length > 0) await dataSource.getRepository(entity).update(id, given as Partial<T>);
}

/** An ISO-8601 time as a Date; undefined (not given) and null (cleared) stay as they are. */
export function dateOf(value: string | null | undefined): Date | null | undefined {
  return typeof value === 'string' ? new Date(value) : value;
}
