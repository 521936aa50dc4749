import { AlertEntity } from './alert.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { CaseEventEntity } from './case-event.entity';
import { CaseEntity } from './case.entity';
import { ChildEntity } from './child.entity';
import { InvestigationEntity } from './investigation.entity';
import { LetterEntity } from './letter.entity';
import { MeasureEntity } from './measure.entity';
import { NotificationEntity } from './notification.entity';
import { OutboxEntryEntity } from './outbox-entry.entity';
import { ProcessPositionEntity } from './process-position.entity';
import { TaskEventEntity } from './task-event.entity';
import { TaskEntity } from './task.entity';
import { TeamEntity } from './team.entity';
import { UserIdentityEntity } from './user-identity.entity';
import { UserEntity } from './user.entity';

export * from './alert.entity';
export * from './audit-entry.entity';
export * from './case-event.entity';
export * from './case.entity';
export * from './child.entity';
export * from './investigation.entity';
export * from './letter.entity';
export * from './measure.entity';
export * from './notification.entity';
export * from './outbox-entry.entity';
export * from './process-position.entity';
export * from './task-event.entity';
export * from './task.entity';
export * from './team.entity';
export * from './user-identity.entity';
export * from './user.entity';
export type { JsonObject, JsonValue } from './json';

/** Every table TypeORM maps. */
export const ENTITIES = [
  AlertEntity,
  AuditEntryEntity,
  CaseEntity,
  CaseEventEntity,
  ChildEntity,
  InvestigationEntity,
  LetterEntity,
  MeasureEntity,
  NotificationEntity,
  OutboxEntryEntity,
  ProcessPositionEntity,
  TaskEntity,
  TaskEventEntity,
  TeamEntity,
  UserEntity,
  UserIdentityEntity,
];
