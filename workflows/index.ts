export { notificationWorkflow } from './notification/notification.workflow';
