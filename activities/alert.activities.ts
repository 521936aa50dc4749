import { Injectable } from '@nestjs/common';
import { AlertService } from '@sagsflow/casework';
import type { Agency } from '@sagsflow/domain';
import type { AlertType, JsonObject } from '@sagsflow/persistence';

export interface LeadAlertInput {
  /** Idempotency: one alert per key and person. */
  key: string;
  type: AlertType;
  /** Whose leads are told. */
  agencies: Agency[];
  /** Administrators too: an operator must act. */
  admins?: boolean;
  caseId: string;
  taskId?: string;
  /** Identifiers and facts only. */
  data: JsonObject;
}

/** Alerts raised by processes themselves (declines, overdue hand-overs, stuck processes). */
@Injectable()
export class AlertActivities {
  constructor(private readonly alerts: AlertService) {}

  alertUser(input: Omit<LeadAlertInput, 'agencies' | 'admins'> & { username: string }): Promise<void> {
    return this.alerts.send({ key: input.key, username: input.username, type: input.type, caseId: input.caseId, taskId: input.taskId ?? null, data: input.data });
  }

  alertLeads(input: LeadAlertInput): Promise<void> {
    return this.alerts.sendToLeads(
      input.agencies,
      { key: input.key, type: input.type, caseId: input.caseId, taskId: input.taskId ?? null, data: input.data },
      input.admins ?? false,
    );
  }
}
