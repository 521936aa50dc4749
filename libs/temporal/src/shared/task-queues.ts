/** The task queue the worker polls unless TEMPORAL_TASK_QUEUE says otherwise. */
export const DEFAULT_TASK_QUEUE = 'sagsflow-processes';
