export { caseWorkflow } from './case/case.workflow';
export { notificationWorkflow } from './notification/notification.workflow';
