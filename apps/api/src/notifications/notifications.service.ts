import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowIdConflictPolicy } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@sagsflow/config';
import { CaseRepository } from '@sagsflow/persistence';
import {
  NOTIFICATION_WORKFLOW_TYPE,
  NotificationWorkflowInput,
  notificationWorkflowId,
  SearchAttributeKeys,
  TemporalClient,
} from '@sagsflow/temporal';
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
   * Stores the notification and its case, and starts its workflow, in one database transaction: if
   * the start fails nothing is stored. The workflow ID is derived from the notification, and a
   * conflicting start reuses the running workflow, so a retry never starts a second one.
   */
  async receive(dto: CreateNotificationDto): Promise<NotificationCreatedDto> {
    const id = randomUUID();
    const workflowId = notificationWorkflowId(id);
    const receivedAt = new Date(dto.receivedAt);
    return this.dataSource.transaction(async (em) => {
      const openedCase = await this.cases.openCase(em, this.config.MUNICIPALITY, 'RECEPTION', receivedAt);
      await this.cases.addNotification(em, openedCase.id, {
        id,
        source: dto.source,
        receivedAt,
        concern: dto.concern,
        workflowId,
      });
      const input: NotificationWorkflowInput = {
        notificationId: id,
        caseId: openedCase.id,
        municipality: this.config.MUNICIPALITY,
        receivedAt: receivedAt.toISOString(),
        policy: this.config.POLICY,
      };
      await this.temporal.workflow.start(NOTIFICATION_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        args: [input],
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
        // What an administrator sees in Temporal Web's list: never personal data.
        memo: {
          summary: `Notification from a ${dto.source} notifier, received ${input.receivedAt}`,
          caseNumber: openedCase.caseNumber,
        },
        typedSearchAttributes: [
          { key: SearchAttributeKeys.caseId, value: openedCase.id },
          { key: SearchAttributeKeys.municipality, value: this.config.MUNICIPALITY },
          { key: SearchAttributeKeys.processKind, value: 'notification' },
          { key: SearchAttributeKeys.ownerAgency, value: openedCase.ownerAgency },
        ],
      });
      return { id, caseId: openedCase.id, workflowId };
    });
  }
}
