export * from './search-attributes';
export * from './task-queues';
export * from './notification';
