import { InitialReadModel1763800000000 } from './1763800000000-initial-read-model';
import { PeopleTasksAlerts1763900000000 } from './1763900000000-people-tasks-alerts';
import { ChildCaseNotifications1764000000000 } from './1764000000000-child-case-notifications';
import { AuditLog1764100000000 } from './1764100000000-audit-log';
import { AlertMailQueue1764200000000 } from './1764200000000-alert-mail-queue';
import { CaseTovholderHandover1764300000000 } from './1764300000000-case-tovholder-handover';
import { OpenTasksByWorkflow1764400000000 } from './1764400000000-open-tasks-by-workflow';
import { ProcessPositions1764500000000 } from './1764500000000-process-positions';
import { AlertReadState1764600000000 } from './1764600000000-alert-read-state';
import { ProcessOutbox1764700000000 } from './1764700000000-process-outbox';
import { UserIdentities1764800000000 } from './1764800000000-user-identities';
import { InvestigationsMeasures1764900000000 } from './1764900000000-investigations-measures';

/** In order of application. */
export const MIGRATIONS = [
  InitialReadModel1763800000000,
  PeopleTasksAlerts1763900000000,
  ChildCaseNotifications1764000000000,
  AuditLog1764100000000,
  AlertMailQueue1764200000000,
  CaseTovholderHandover1764300000000,
  OpenTasksByWorkflow1764400000000,
  ProcessPositions1764500000000,
  AlertReadState1764600000000,
  ProcessOutbox1764700000000,
  UserIdentities1764800000000,
  InvestigationsMeasures1764900000000,
];
