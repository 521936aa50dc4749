/**
 * The API's answers as the web app reads them: the API's own DTO classes, imported as types only
 * (nothing of Nest reaches the browser), so the two cannot drift apart.
 */
export type { MeDto as Me } from '../../../api/src/auth/auth.dto';
export type { AuditEntryDto as AuditEntry } from '../../../api/src/audit/audit.dto';
export type {
  CaseDto as Case,
  CaseDeadlineDto as CaseDeadline,
  CaseEventDto as CaseEvent,
  CaseProcessDto as CaseProcess,
  HandoverResultDto as HandoverResult,
  InvestigationStartedDto as InvestigationStarted,
} from '../../../api/src/cases/case.dto';
export type {
  ChildMatchDto as ChildMatch,
  CreateNotificationDto as NewNotification,
  NotificationCreatedDto as NotificationCreated,
} from '../../../api/src/notifications/notification.dto';
export type { ProcessDto as ProcessSummary } from '../../../api/src/processes/process.dto';
export type { TaskDetailDto as TaskDetail, TaskDto as Task, TaskEventDto as TaskEvent } from '../../../api/src/tasks/task.dto';
export type { ClientConfigDto as ClientConfig } from '../../../api/src/web/client-config.dto';
