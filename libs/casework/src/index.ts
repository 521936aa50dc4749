export * from './alerts/alert-stream';
export * from './alerts/alert.service';
export * from './alerts/mail-relay';
export * from './alerts/mailer';
export * from './assignment/assignment.service';
export * from './cases/case.service';
export * from './casework.module';
export * from './tasks/task.service';
