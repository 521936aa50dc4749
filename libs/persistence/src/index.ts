export * from './entities';
export { dataSourceOptions, runMigrations } from './data-source';
export * from './persistence.module';
export * from './repositories/case.repository';
export * from './repositories/task.repository';
