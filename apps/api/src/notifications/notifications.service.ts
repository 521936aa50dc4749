import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { WorkflowIdConflictPolicy } from '@temporalio/client';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@sagsflow/config';
import { parseCpr, POLICIES } from '@sagsflow/domain';
import { CaseEntity, CaseRepository, NotificationEntity } from '@sagsflow/persistence';
import {
  CASE_WORKFLOW_TYPE,
  type CaseWorkflowInput,
  caseWorkflowId,
  NOTIFICATION_WORKFLOW_TYPE,
  type NotificationWorkflowInput,
  notificationReceivedSignal,
  notificationWorkflowId,
  SearchAttributeKeys,
  TemporalClient,
} from '@sagsflow/temporal';
import type { CurrentUser } from '../auth/current-user';
import { uuidFrom } from '../common/idempotency';
import { CreateNotificationDto, NotificationCreatedDto } from './notification.dto';

@Injectable()
export class NotificationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly temporal: TemporalClient,
  ) {}

  /**
   * Attaches the notification to the child's one open case (opening it if needed), tells the case
   * workflow (signal-with-start) and starts the notification's own workflow — all inside one
   * database transaction, so a failed start stores nothing. With an Idempotency-Key, a retried
   * request returns the first result and starts nothing new: the key fixes the notification id,
   * hence the workflow ids, and every Temporal call here is idempotent.
   */
  async receive(user: CurrentUser, dto: CreateNotificationDto, idempotencyKey?: string): Promise<NotificationCreatedDto> {
    const requestHash = createHash('sha256').update(JSON.stringify(dto)).digest('hex');
    if (idempotencyKey) {
      const earlier = await this.earlier(user, idempotencyKey, requestHash);
      if (earlier) return earlier;
    }
    const id = idempotencyKey ? uuidFrom(`${user.username}\u0000${idempotencyKey}`) : randomUUID();
    try {
      return await this.dataSource.transaction(async (em) => {
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
        await this.startProcesses(openCase, { id, workflowId, receivedAt, dto });
        return { id, caseId: openCase.id, workflowId };
      });
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

  /** The child's open case in this municipality, opened (with the child) on their first notification. */
  private async caseFor(em: EntityManager, dto: CreateNotificationDto, receivedAt: Date): Promise<CaseEntity> {
    const cpr = dto.child.cpr ? parseCpr(dto.child.cpr, new Date()) : undefined; // the DTO accepted it a moment ago, so not in the future now
    const childId = await this.cases.findOrAddChild(em, this.config.MUNICIPALITY, {
      cpr: cpr?.ok ? cpr.cpr : null,
      name: dto.child.name ?? null,
      birthDate: cpr?.ok ? cpr.birthDate : (dto.child.birthDate ?? null),
    });
    return (
      (await this.cases.findOpenCaseOfChild(em, this.config.MUNICIPALITY, childId)) ??
      (await this.cases.openCase(em, this.config.MUNICIPALITY, 'RECEPTION', receivedAt, childId))
    );
  }

  private async startProcesses(
    openCase: CaseEntity,
    notification: { id: string; workflowId: string; receivedAt: Date; dto: CreateNotificationDto },
  ): Promise<void> {
    const { MUNICIPALITY: municipality, POLICY: policy, TEMPORAL_TASK_QUEUE: taskQueue } = this.config;
    const caseId = caseWorkflowId(openCase.caseNumber);
    const common = [
      { key: SearchAttributeKeys.caseId, value: openCase.id },
      { key: SearchAttributeKeys.municipality, value: municipality },
    ];
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
      caseWorkflowId: caseId,
      source: notification.dto.source,
      abuse: notification.dto.abuse,
      acute: notification.dto.acute,
    };
    const caseSignal = this.temporal.workflow.signalWithStart(CASE_WORKFLOW_TYPE, {
      workflowId: caseId,
      taskQueue,
      args: [caseInput],
      signal: notificationReceivedSignal,
      signalArgs: [
        { notificationId: notification.id, workflowId: notification.workflowId, receivedAt: notification.receivedAt.toISOString() },
      ],
      typedSearchAttributes: [
        ...common,
        { key: SearchAttributeKeys.processKind, value: 'case' },
        { key: SearchAttributeKeys.ownerAgency, value: openCase.ownerAgency },
      ],
      memo: { summary: `The child's case ${openCase.caseNumber}`, caseNumber: openCase.caseNumber },
    });
    // The two calls are independent: made at once, they cost one round trip, not two.
    const notificationStart = this.temporal.workflow.start(NOTIFICATION_WORKFLOW_TYPE, {
      workflowId: notification.workflowId,
      taskQueue,
      args: [input],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      typedSearchAttributes: [
        ...common,
        { key: SearchAttributeKeys.processKind, value: 'notification' },
        { key: SearchAttributeKeys.ownerAgency, value: 'RECEPTION' },
      ],
      // What an administrator sees in Temporal Web's list: never personal data.
      memo: {
        summary: `Notification from a ${notification.dto.source} notifier, received ${input.receivedAt}${notification.dto.abuse ? ', abuse' : ''}${notification.dto.acute ? ', acute' : ''}`,
        caseNumber: openCase.caseNumber,
      },
    });
    await Promise.all([caseSignal, notificationStart]);
  }
}
