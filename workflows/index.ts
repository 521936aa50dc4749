export { caseWorkflow } from './case/case.workflow';
export { notificationWorkflow } from './notification/notification.workflow';
export { investigationWorkflow } from './investigation/investigation.workflow';
export { measureWorkflow } from './measure/measure.workflow';
