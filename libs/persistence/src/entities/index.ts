import { CaseEntity } from './case.entity';
import { NotificationEntity } from './notification.entity';
import { TaskEntity } from './task.entity';

export { CaseEntity, NotificationEntity, TaskEntity };
export type { TaskStatus } from './task.entity';

export const ENTITIES = [CaseEntity, NotificationEntity, TaskEntity];
