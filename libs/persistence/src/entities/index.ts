import { AlertEntity } from './alert.entity';
import { CaseEntity } from './case.entity';
import { NotificationEntity } from './notification.entity';
import { TaskEventEntity } from './task-event.entity';
import { TaskEntity } from './task.entity';
import { TeamEntity } from './team.entity';
import { UserEntity } from './user.entity';

export { AlertEntity, CaseEntity, NotificationEntity, TaskEntity, TaskEventEntity, TeamEntity, UserEntity };
export { ALERT_TYPES, type AlertType } from './alert.entity';
export { TASK_EVENT_TYPES, type TaskEventType } from './task-event.entity';
export type { TaskStatus } from './task.entity';
export { ROLES, type Role } from './user.entity';

export const ENTITIES = [AlertEntity, CaseEntity, NotificationEntity, TaskEntity, TaskEventEntity, TeamEntity, UserEntity];
export type { JsonObject, JsonValue } from './json';
