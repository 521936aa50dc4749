export * from './agency';
export * from './deadlines';
export * from './process';
