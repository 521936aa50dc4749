export * from './bpmn';
export * from './layout';
