export * from './entities';
export { dataSourceOptions, runMigrations } from './data-source';
export * from './persistence.module';
export * from './repositories/alert.repository';
export * from './repositories/audit.repository';
export * from './repositories/case.repository';
export * from './repositories/task.repository';
export * from './repositories/user.repository';
export * from './seed/demo-municipality';
