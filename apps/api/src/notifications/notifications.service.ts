import { createHash, randomUUID } from 'node:crypto';
import { ConflictException, Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@sagsflow/config';
import { parseCpr, POLICIES } from '@sagsflow/domain';
import { AuditRepository, CaseEntity, CaseRepository, NotificationEntity } from '@sagsflow/persistence';
import { ProcessOutbox, type TemporalCall, uuidFrom } from '@sagsflow/casework';
import {
  CASE_WORKFLOW_TYPE,
  type CaseNotification,
  type CaseWorkflowInput,
  caseWorkflowId,
  NOTIFICATION_WORKFLOW_TYPE,
  type NotificationWorkflowInput,
  notificationReceivedSignal,
  notificationWorkflowId,
} from '@sagsflow/temporal';
import type { CurrentUser } from '../auth/current-user';
import { unprocessable } from '../common/http-errors';
import { ChildMatchDto, CreateNotificationDto, NotificationCreatedDto } from './notification.dto';

/** 409: reception must say whether the child is one of the known children of the same name and birth date. */
function childMatchConflict(matches: ChildMatchDto[]): ConflictException {
  return new ConflictException({
    statusCode: 409,
    error: 'Conflict',
    message:
      'A child without a CPR number with this name and birth date is known: send child.sameAs with the id of the same child, or child.distinct: true for another child',
    fields: [{ field: 'child.sameAs', rules: ['confirmMatch'] }],
    matches,
  });
}

@Injectable()
export class NotificationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly outbox: ProcessOutbox,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * Attaches the notification to the child's one open case (opening it if needed) and, in the same
   * transaction, owes the two Temporal calls to the outbox (and writes the audit entry): tell the case workflow
   * (signal-with-start) and start the notification's own workflow. They are made right after the
   * commit, or by the worker's outbox relay when that fails — never inside the transaction, so a
   * failed commit starts nothing and a failed start loses nothing. With an Idempotency-Key, a retried
   * request returns the first result and owes nothing new: the key fixes the notification id, hence
   * the workflow ids.
   */
  async receive(user: CurrentUser, dto: CreateNotificationDto, idempotencyKey?: string): Promise<NotificationCreatedDto> {
    const requestHash = createHash('sha256').update(JSON.stringify(dto)).digest('hex');
    if (idempotencyKey) {
      const earlier = await this.earlier(user, idempotencyKey, requestHash);
      if (earlier) return earlier;
    }
    const id = idempotencyKey ? uuidFrom(`${user.username}\u0000${idempotencyKey}`) : randomUUID();
    try {
      const { created, calls } = await this.dataSource.transaction(async (em) => {
        const receivedAt = new Date(dto.receivedAt);
        const openCase = await this.caseFor(em, dto, receivedAt);
        const workflowId = notificationWorkflowId(id);
        await this.cases.addNotification(em, openCase.id, {
          id,
          source: dto.source,
          receivedAt,
          concern: dto.concern,
          workflowId,
          professionalKind: dto.professionalKind ?? null,
          notifier: dto.notifier ? { ...dto.notifier } : null,
          abuse: dto.abuse,
          acute: dto.acute,
          createdBy: user.username,
          idempotencyKey: idempotencyKey ?? null,
          requestHash,
        });
        const owed = this.processCalls(openCase, { id, workflowId, receivedAt, dto });
        await this.outbox.add(em, id, openCase.id, owed);
        await this.audit.appendPendingIn(em, openCase.id);
        return { created: { id, caseId: openCase.id, workflowId }, calls: owed };
      });
      await this.outbox.dispatch(id, calls);
      return created;
    } catch (error) {
      // A concurrent request with the same key won the race: answer as it did.
      if (idempotencyKey && error instanceof QueryFailedError && /notifications_idempotency_idx|notifications_pkey/.test(error.message)) {
        const earlier = await this.earlier(user, idempotencyKey, requestHash);
        if (earlier) return earlier;
      }
      throw error;
    }
  }

  private async earlier(user: CurrentUser, key: string, requestHash: string): Promise<NotificationCreatedDto | undefined> {
    const found = await this.dataSource.getRepository(NotificationEntity).findOneBy({ createdBy: user.username, idempotencyKey: key });
    if (!found) return undefined;
    if (found.requestHash !== requestHash) {
      throw new UnprocessableEntityException({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'Idempotency-Key was already used for a different notification',
        fields: [{ field: 'Idempotency-Key', rules: ['unique-per-request'] }],
      });
    }
    return { id: found.id, caseId: found.caseId, workflowId: found.workflowId };
  }

  /**
   * The child's open case in this municipality, opened (with the child) on their first
   * notification. A child without a CPR number who may be a known child is reception's to decide
   * (409 listing the matches); nothing is stored until they have.
   */
  private async caseFor(em: EntityManager, dto: CreateNotificationDto, receivedAt: Date): Promise<CaseEntity> {
    const cpr = dto.child.cpr ? parseCpr(dto.child.cpr, new Date()) : undefined; // the DTO accepted it a moment ago, so not in the future now
    const found = await this.cases.findOrAddChild(
      em,
      this.config.MUNICIPALITY,
      { cpr: cpr?.ok ? cpr.cpr : null, name: dto.child.name ?? null, birthDate: cpr?.ok ? cpr.birthDate : (dto.child.birthDate ?? null) },
      { sameAs: dto.child.sameAs, distinct: dto.child.distinct },
    );
    if ('unknownMatch' in found) {
      throw unprocessable('child.sameAs is not a known child without a CPR number with this name and birth date', [
        { field: 'child.sameAs', rules: ['isKnownMatch'] },
      ]);
    }
    if ('matches' in found) throw childMatchConflict(found.matches);
    return (
      (await this.cases.findOpenCaseOfChild(em, this.config.MUNICIPALITY, found.childId)) ??
      (await this.cases.openCase(em, this.config.MUNICIPALITY, 'RECEPTION', receivedAt, found.childId))
    );
  }

  /** The Temporal calls the notification owes: the case workflow told, the notification's own started. */
  private processCalls(
    openCase: CaseEntity,
    notification: { id: string; workflowId: string; receivedAt: Date; dto: CreateNotificationDto },
  ): TemporalCall[] {
    const { MUNICIPALITY: municipality, POLICY: policy } = this.config;
    // The policy's values travel in the inputs, so a later edit of the profile leaves running cases as they started.
    const policyValues = POLICIES[policy];
    const caseInput: CaseWorkflowInput = { caseId: openCase.id, caseNumber: openCase.caseNumber, municipality, policy, policyValues };
    const input: NotificationWorkflowInput = {
      notificationId: notification.id,
      caseId: openCase.id,
      municipality,
      receivedAt: notification.receivedAt.toISOString(),
      policy,
      policyValues,
      caseWorkflowId: caseWorkflowId(openCase.caseNumber),
      source: notification.dto.source,
      abuse: notification.dto.abuse,
      acute: notification.dto.acute,
    };
    const received: CaseNotification = { notificationId: notification.id, workflowId: notification.workflowId, receivedAt: input.receivedAt };
    return [
      {
        kind: 'signal-with-start',
        workflowType: CASE_WORKFLOW_TYPE,
        workflowId: input.caseWorkflowId,
        args: [caseInput],
        signal: notificationReceivedSignal.name,
        signalArgs: [received],
        searchAttributes: { caseId: openCase.id, municipality, processKind: 'case', ownerAgency: openCase.ownerAgency },
        memo: { summary: `The child's case ${openCase.caseNumber}`, caseNumber: openCase.caseNumber },
      },
      {
        kind: 'start',
        workflowType: NOTIFICATION_WORKFLOW_TYPE,
        workflowId: notification.workflowId,
        args: [input],
        searchAttributes: { caseId: openCase.id, municipality, processKind: 'notification', ownerAgency: 'RECEPTION' },
        // What an administrator sees in Temporal Web's list: never personal data.
        memo: {
          summary: `Notification from a ${notification.dto.source} notifier, received ${input.receivedAt}${notification.dto.abuse ? ', abuse' : ''}${notification.dto.acute ? ', acute' : ''}`,
          caseNumber: openCase.caseNumber,
        },
      },
    ];
  }
}
