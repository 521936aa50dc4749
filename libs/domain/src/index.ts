export * from './agency';
export * from './caseload';
export * from './deadlines';
export * from './policy';
export * from './process';
export * from './task-kind';
export * from './task-access';
