export * from './case';
export * from './notification';
export * from './search-attributes';
export * from './task-queues';
export * from './tasks';
export * from './failures';
export * from './process';
export * from './payload-converter';
